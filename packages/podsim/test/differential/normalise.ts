/**
 * What the differential suite forgives: ages and generated values (UIDs, container IDs, IPs, name
 * suffixes, timestamps, resourceVersions), nothing else. Every other byte, tabs, padding and
 * trailing spaces included, must be equal.
 *
 * A value of a different width shifts the columns to its right in a kubectl table (`9s` vs `10s`,
 * `10.244.1.9` vs `10.244.1.10`). So a table is first proved to be exactly what a tab writer
 * makes of its cells (every column as wide as its widest cell plus the same padding, the last
 * column unpadded); only then are its cells normalised and the table laid out again, identically
 * on both sides. A block that is not a faithful tab-writer table is left as it is, so wrong padding
 * on either side still shows as a mismatch.
 */

const HUMAN_AGE = String.raw`(?:\d+[smhdy](?:\d+[smhdy])?|<invalid>)`;
const AGE_CELL = new RegExp(`^${HUMAN_AGE}(?= |$)`);
/** Columns whose cells start with an age (get, events, describe's event and pod tables). */
const AGE_COLUMNS = new Set(['AGE', 'Age', 'LAST SEEN', 'FIRST SEEN']);

/** Generated values anywhere in the text (and in table cells before re-layout). */
export function normaliseValues(text: string): string {
  return (
    text
      .replace(/pod-template-hash=\w+/g, 'pod-template-hash=<hash>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
      .replace(/\b(containerd|docker):\/\/[0-9a-f]{64}\b/g, '<cid>')
      .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<ts>')
      .replace(/\b\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\b/g, '<logdate>')
      // kubectl diff's temporary folders and the files' times in diff's header lines.
      .replace(/\/tmp\/(LIVE|MERGED)-\d+\//g, '/tmp/$1-<n>/')
      .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}$/gm, '\t<mtime>')
      .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<date>')
      .replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\.\d)\b/g, '<ip>')
      .replace(/-[bcdfghjklmnpqrstvwxz2456789]{8,10}(-[bcdfghjklmnpqrstvwxz2456789]{5})?\b/g, '-<hash>')
      .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-<sfx>')
      .replace(/\.[0-9a-f]{16}\b/g, '.<hex>')
      .replace(/\b(resourceVersion"?:\s*)"\d+"/g, '$1"<rv>"')
      // Ages inside cells of any column: RESTARTS `1 (5s ago)`, an event's `(x2 over 3m)`.
      .replace(new RegExp(`\\(${HUMAN_AGE} ago\\)`, 'g'), '(<age> ago)')
      .replace(new RegExp(`(\\(x\\d+ over )${HUMAN_AGE}\\)`, 'g'), '$1<age>)')
  );
}

function normaliseCell(cell: string, header: string): string {
  const v = normaliseValues(cell);
  return AGE_COLUMNS.has(header) ? v.replace(AGE_CELL, '<age>') : v;
}

interface Table {
  indent: number;
  starts: number[];
  headers: string[];
  /** Line indexes of the header and rows. */
  first: number;
  end: number;
}

/** Cell start offsets of a header line (its cells are separated by at least two spaces). */
function headerStarts(line: string): number[] {
  const starts: number[] = [];
  for (let p = 0; p < line.length; p++) {
    if (line[p] !== ' ' && (starts.length === 0 || line.slice(p - 2, p) === '  ')) starts.push(p);
  }
  return starts;
}

/** An upper-case `get`-style header, or a describe header underlined by dashes. */
function tableAt(lines: string[], i: number): Table | undefined {
  const line = lines[i];
  const indent = line.length - line.trimStart().length;
  const upper = indent === 0 && /^[A-Z][A-Z0-9_./()-]*( {1,}[A-Z0-9_./()-]+)* {2,}[A-Z]/.test(line) && !/[a-z]/.test(line);
  const underlined = /^ *-+( {2,}-+)+$/.test(lines[i + 1] ?? '');
  if (!upper && !underlined) return undefined;
  const starts = headerStarts(line);
  if (starts.length < 2 || starts[0] !== indent) return undefined;
  let end = i + 1;
  while (end < lines.length && lines[end].length > indent && lines[end].slice(0, indent).trim() === '' && lines[end][indent] !== ' ') end++;
  const headers = starts.map((s, k) => line.slice(s, starts[k + 1]).trimEnd());
  return { indent, starts, headers, first: i, end };
}

/** The cells of one table line, or undefined when the line does not fit the column starts. */
function cellsOf(line: string, t: Table): string[] | undefined {
  const cells: string[] = [];
  for (let k = 0; k < t.starts.length; k++) {
    const raw = line.slice(t.starts[k], t.starts[k + 1]);
    const last = k === t.starts.length - 1;
    if (raw.startsWith(' ') && raw.trim() !== '') return undefined;
    if (!last && raw.length === t.starts[k + 1] - t.starts[k] && !raw.endsWith(' ')) return undefined;
    cells.push(last ? raw : raw.trimEnd());
  }
  return cells;
}

function layout(indent: number, rows: string[][], pad: number): string[] {
  const cols = rows[0].length;
  const widths = Array.from({ length: cols - 1 }, (_, k) => Math.max(...rows.map((r) => r[k].length)));
  return rows.map((r) => ' '.repeat(indent) + r.map((c, k) => (k < cols - 1 ? c.padEnd(widths[k] + pad) : c)).join(''));
}

/** The rows of `t` when its lines are exactly a tab writer's output, with the padding it used. */
function provenRows(lines: string[], t: Table): { rows: string[][]; pad: number } | undefined {
  const rows: string[][] = [];
  for (let j = t.first; j < t.end; j++) {
    const cells = cellsOf(lines[j], t);
    if (!cells) return undefined;
    rows.push(cells);
  }
  let pad: number | undefined;
  for (let k = 0; k < t.starts.length - 1; k++) {
    const p = t.starts[k + 1] - t.starts[k] - Math.max(...rows.map((r) => r[k].length));
    if (p < 1 || (pad !== undefined && p !== pad)) return undefined;
    pad = p;
  }
  if (pad === undefined || rows.some((r) => r[r.length - 1].endsWith(' '))) return undefined;
  if (layout(t.indent, rows, pad).some((l, n) => l !== lines[t.first + n])) return undefined;
  return { rows, pad };
}

/** The longest table starting at line `i` that is proven, if any (text may follow a table directly). */
function provenTableAt(lines: string[], i: number): { t: Table; rows: string[][]; pad: number } | undefined {
  const t = tableAt(lines, i);
  for (let end = t?.end ?? 0; t && end > i + 1; end--) {
    const proven = provenRows(lines, { ...t, end });
    if (proven) return { t: { ...t, end }, ...proven };
  }
  return undefined;
}

/** `text` with ages and generated values replaced and proven tables laid out again. */
export function normalise(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const found = provenTableAt(lines, i);
    if (!found) {
      out.push(normaliseValues(lines[i]));
      i++;
      continue;
    }
    const { t, rows, pad } = found;
    out.push(...layout(t.indent, rows.map((r) => r.map((c, k) => normaliseCell(c, t.headers[k]))), pad));
    i = t.end;
  }
  return out.join('\n');
}
