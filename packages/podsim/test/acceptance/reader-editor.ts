/** The reader's editor, as `kubectl edit` opens it: the change the prose asks for, made in the YAML. */
import { yamlEntry, yamlKeyPath } from '../../scripts/docs-corpus/format.js';
import type { CorpusStep } from './corpus.js';

/**
 * The reader's editor: they make the change the prose asks for, in the YAML field whose value it names
 * (not in an annotation that quotes it), and save; with nothing asked, they close it unchanged.
 */
export function edited(content: string, edit: CorpusStep['edit']): string | undefined {
  if (!edit) return undefined;
  if ('field' in edit) return editedField(content, edit.field, edit.to);
  const quoted = edit.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = new RegExp(`^(\\s*(?:- )?[\\w./-]+:\\s+)(["']?)${quoted}\\2\\s*$`, 'gm');
  const out = content.replace(field, (_m, key: string, q: string) => `${key}${q}${edit.to}${q}`);
  return out === content ? undefined : out;
}

/** The value of each YAML key whose enclosing keys end with `field` (an excerpt's path, from deep in the object), set to `to`. */
function editedField(content: string, field: string[], to: string): string | undefined {
  const lines = content.split('\n');
  let changed = false;
  lines.forEach((line, i) => {
    const e = yamlEntry(line);
    if (!e || e.key !== field[field.length - 1] || e.value === '' || yamlKeyPath(lines, i).slice(-field.length).join('.') !== field.join('.')) return;
    lines[i] = `${line.slice(0, line.indexOf(':') + 1)} ${to}`;
    changed = changed || e.value !== to;
  });
  return changed ? lines.join('\n') : undefined;
}
