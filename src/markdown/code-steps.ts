/**
 * Turns a fenced code block of a course page into the steps a reader can run. The remark plugin
 * renders these steps as run controls, and the docs tests replay the very same steps against the
 * simulator, so what a page shows and what is tested cannot drift apart.
 *
 * Block meta understood (after the language on the fence line):
 *   title="pod.yaml"                    the YAML block is the file pod.yaml
 *   file=container-probes.yaml fragment  the YAML block is a piece of that file
 *   syntax                              a command template (placeholders): shown, never run
 *   expect-error="text|other text"      output containing one of these texts is expected
 *   edit="8081=>8080"                   what the reader changes when a line opens the editor
 *                                       (vi FILE): replayed by the docs tests
 *
 * A step says what it waits for with a line `#until: CONDITION` right above it (see
 * wait-condition.ts): before the step runs, cluster time runs until the condition holds.
 */
import { parseCondition } from './wait-condition.js';

/**
 * How far one run control may move the cluster clock ahead before it hands back to real time: a
 * command answers at once, as on a real cluster, without skipping what the reader came to watch.
 */
export const RUN_MAX_VIRTUAL_MS = 3000;

/** Keys a page line may name instead of a command ("ctrl+c" sends an interrupt). */
export const KEYS: Record<string, string> = { 'ctrl+c': '\x03', 'ctrl+d': '\x04', 'ctrl+z': '\x1a' };

export type BashLine =
  | { kind: 'blank' }
  | { kind: 'comment'; text: string }
  | { kind: 'run'; line: string; until?: string }
  | { kind: 'key'; label: string; data: string; until?: string };

export interface BashBlock {
  kind: 'bash';
  /** False for syntax templates: shown as text only. */
  runnable: boolean;
  expectErrors: string[];
  /** Replacements the reader makes in a file a line opens in the editor. */
  edits: { from: string; to: string }[];
  lines: BashLine[];
}

export interface YamlBlock {
  kind: 'yaml';
  /** The sandbox file this block is (or is a fragment of). */
  file?: string;
  fragment: boolean;
  content: string;
}

export interface PlainBlock {
  kind: 'plain';
}

export type CodeBlock = BashBlock | YamlBlock | PlainBlock;

const BASH_LANGS = new Set(['bash', 'sh', 'shell']);
const YAML_LANGS = new Set(['yaml', 'yml']);
const FILE_COMMENT = /^#\s*([\w.-]+\.ya?ml)\s*$/;
const UNTIL = /^#\s*until:\s*(.+)$/;

/** Parses `key="quoted value" key=value flag` fence meta. */
export function parseMeta(meta: string | null | undefined): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  const re = /([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (const m of (meta ?? '').matchAll(re)) {
    out[m[1]] = m[2] ?? m[3] ?? m[4] ?? true;
  }
  return out;
}

function metaString(meta: Record<string, string | true>, key: string): string | undefined {
  const v = meta[key];
  return typeof v === 'string' ? v : undefined;
}

export function classifyLine(raw: string): BashLine {
  const line = raw.replace(/\s+$/, '');
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (trimmed.startsWith('#')) return { kind: 'comment', text: line };
  const key = KEYS[trimmed.toLowerCase()];
  if (key !== undefined) return { kind: 'key', label: trimmed, data: key };
  return { kind: 'run', line: raw.replace(/^\s+/, '') };
}

/** A block's lines, each `#until:` line folded into the step below it (and checked). */
function stepLines(value: string): BashLine[] {
  const lines: BashLine[] = [];
  let until: string | undefined;
  for (const raw of value.split('\n')) {
    const wait = UNTIL.exec(raw.trim());
    if (wait) {
      if (until) throw new Error(`two #until: lines in a row: "${until}" and "${wait[1]}"`);
      until = parseCondition(wait[1]).text;
      continue;
    }
    const line = classifyLine(raw);
    if (until && (line.kind === 'run' || line.kind === 'key')) {
      lines.push({ ...line, until });
      until = undefined;
    } else lines.push(line);
  }
  if (until) throw new Error(`#until: ${until} is not followed by a step`);
  return lines;
}

export function classifyBlock(lang: string | null | undefined, metaText: string | null | undefined, value: string): CodeBlock {
  const language = (lang ?? '').toLowerCase();
  const meta = parseMeta(metaText);
  if (BASH_LANGS.has(language)) {
    const expect = metaString(meta, 'expect-error');
    return {
      kind: 'bash',
      runnable: meta.syntax === undefined,
      expectErrors: expect ? expect.split('|').filter(Boolean) : [],
      edits: (metaString(meta, 'edit') ?? '')
        .split('|')
        .filter((e) => e.includes('=>'))
        .map((e) => ({ from: e.split('=>')[0], to: e.split('=>')[1] })),
      lines: stepLines(value),
    };
  }
  if (YAML_LANGS.has(language)) {
    const firstLine = value.split('\n', 1)[0] ?? '';
    const file = metaString(meta, 'title') ?? metaString(meta, 'file') ?? FILE_COMMENT.exec(firstLine.trim())?.[1];
    return { kind: 'yaml', file, fragment: meta.fragment !== undefined, content: value.endsWith('\n') ? value : value + '\n' };
  }
  return { kind: 'plain' };
}

/** The whole files a page's YAML blocks name, first block wins: the sandbox's initial files. */
export function pageFiles(blocks: CodeBlock[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const b of blocks) {
    if (b.kind === 'yaml' && b.file && !b.fragment && !(b.file in files)) files[b.file] = b.content;
  }
  return files;
}

function keyOf(line: string): string | undefined {
  const m = /^\s*(?:-\s+)?([\w.-]+):/.exec(line);
  return m?.[1];
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/**
 * Where a fragment (e.g. a livenessProbe snippet after a `...` line) sits in its file, as 1-based
 * inclusive line numbers: the first key after the last `...` is looked up in the file, and its
 * whole block (deeper-indented lines after it) is the range. Values may differ from the file's.
 */
export function locateFragment(fileText: string, fragment: string): { startLine: number; endLine: number } | undefined {
  const fragLines = fragment.split('\n');
  const dots = fragLines.map((l) => l.trim()).lastIndexOf('...');
  const anchor = fragLines.slice(dots + 1).map(keyOf).find((k) => k !== undefined);
  if (!anchor) return undefined;
  const lines = fileText.split('\n');
  const start = lines.findIndex((l) => keyOf(l) === anchor);
  if (start < 0) return undefined;
  const base = indentOf(lines[start]);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    if (indentOf(lines[i]) <= base) break;
    end = i;
  }
  return { startLine: start + 1, endLine: end + 1 };
}

/**
 * What a fragment shows that its file does not say: the lines after its last `...` must be the
 * file's own lines from the fragment's anchor on (indentation aside), and the lines before it
 * (where it sits: `spec:`, `containers:`) must come before the anchor, in order. Empty when the
 * fragment is true to its file.
 */
export function fragmentMismatches(fileText: string, fragment: string): string[] {
  const where = locateFragment(fileText, fragment);
  if (!where) return ['the fragment has no key its file has'];
  const file = fileText.split('\n').map((l) => l.trim());
  const frag = fragment.replace(/\n$/, '').split('\n').map((l) => l.trim());
  const dots = frag.lastIndexOf('...');
  const out: string[] = [];
  frag.slice(dots + 1).forEach((line, i) => {
    const actual = file[where.startLine - 1 + i];
    if (line !== actual) out.push(`shows "${line}" where its file has "${actual ?? '(end of file)'}"`);
  });
  let from = 0;
  for (const line of frag.slice(0, Math.max(dots, 0))) {
    const at = file.indexOf(line, from);
    if (at < 0 || at >= where.startLine - 1) out.push(`places itself under "${line}", which its file does not have there`);
    else from = at + 1;
  }
  return out;
}
