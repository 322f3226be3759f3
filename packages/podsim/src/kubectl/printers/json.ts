/**
 * `kubectl -o json`: Go's json.MarshalIndent with a four-space indent over the unstructured object,
 * so map keys are byte-sorted and `<`, `>`, `&`, U+2028/9 are escaped as Go does.
 * Models cli-runtime pkg/printers/json.go.
 */

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go sorts map keys by UTF-8 bytes, which is code point order. */
function byteOrder(a: string, b: string): number {
  const ac = [...a];
  const bc = [...b];
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i].codePointAt(0)! - bc[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

function encode(v: unknown, indent: string, sort: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => inner + encode(x, inner, sort)).join(',\n') + '\n' + indent + ']';
  }
  const obj = v as Record<string, unknown>;
  let keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function');
  if (sort) keys = keys.sort(byteOrder);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${goString(k)}: ${encode(obj[k], inner, sort)}`).join(',\n') + '\n' + indent + '}';
}

/**
 * The JSON text kubectl prints, with a trailing newline. Keys are sorted as for objects read from the
 * server; pass `sortKeys: false` to keep insertion order (typed objects built client-side, e.g.
 * `--dry-run=client`, print in Go struct field order).
 */
export function toJson(value: unknown, opts: { sortKeys?: boolean } = {}): string {
  return encode(value, '', opts.sortKeys ?? true) + '\n';
}

/** Go's json.Marshal (compact, sorted keys, HTML-safe), as jsonpath prints maps and lists. */
export function toCompactJson(value: unknown): string {
  return encodeCompact(value);
}

function encodeCompact(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(encodeCompact).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(byteOrder);
  return `{${keys.map((k) => `${goString(k)}:${encodeCompact(obj[k])}`).join(',')}}`;
}
