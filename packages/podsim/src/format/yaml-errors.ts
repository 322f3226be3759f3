/**
 * Turns the `yaml` package's parse errors into the go-yaml wording and line numbers kubectl prints
 * (`yaml: line 8: did not find expected key`). go-yaml reports most parser errors at the line where
 * the enclosing collection was still open, usually the line before the one `yaml` points at.
 * Observed against kubectl 1.32 (sigs.k8s.io/yaml over go-yaml v2) for the common indentation slips.
 */
import type { YAMLError } from 'yaml';

export function goYamlMessage(e: YAMLError, lineOf: (offset: number) => number, lines: readonly string[]): string {
  const line = lineOf(e.pos[0]);
  const prevLine = lines[line - 2] ?? '';
  const at = (l: number, msg: string) => `yaml: line ${Math.max(1, l)}: ${msg}`;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return at(line, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (e.message.startsWith('Nested mappings')) return at(line, 'mapping values are not allowed in this context');
      return at(line - 1, 'did not find expected key');
    case 'MISSING_CHAR':
      if (e.message.startsWith('Missing closing')) return at(line, 'found unexpected end of stream');
      if (e.message.startsWith('Sequence item without')) {
        return at(line - 1, /^\s*- /.test(prevLine) ? 'did not find expected key' : "did not find expected '-' indicator");
      }
      return at(line - 1, 'did not find expected key');
    case 'BAD_INDENT':
      if (e.message.startsWith('Flow sequence')) return at(line - 1, "did not find expected ',' or ']'");
      if (e.message.startsWith('Flow mapping')) return at(line - 1, "did not find expected ',' or '}'");
      return at(line - 1, 'did not find expected key');
    case 'MULTILINE_IMPLICIT_KEY':
      return at(lineOf(e.pos[1]), "could not find expected ':'");
    case 'UNEXPECTED_TOKEN':
      return at(line - 1, 'did not find expected key');
    default:
      return at(line, 'did not find expected key');
  }
}

/** Go encoding/json wording for a JSON.parse failure. */
export function goJsonMessage(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of (JSON )?input|Unterminated/i.test(msg)) return 'unexpected EOF';
  const m = /position (\d+)/.exec(msg);
  const ch = m ? text[Number(m[1])] : undefined;
  return ch ? `invalid character '${ch}' looking for beginning of value` : 'unexpected EOF';
}
