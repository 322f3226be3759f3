/**
 * The JavaScript values a database shell statement carries: object and array literals with bare
 * or quoted keys, '…' and "…" strings, numbers, true/false/null and ObjectId('…'); and their
 * printing as mongosh does it (Node's util.inspect: one line when it fits 80 columns, else one
 * entry per line) or as the legacy mongo shell's tojson.
 */
import { ObjectId } from '../servers/engines/mongo.js';

export class LiteralError extends Error {}

export function parseLiteral(text: string): { value: unknown; rest: string } {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      const obj: Record<string, unknown> = {};
      const arr: unknown[] = [];
      for (ws(); text[i] !== close; ws()) {
        if (c === '{') {
          const key = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_$][\w$]*))\s*:/.exec(text.slice(i));
          if (!key) throw new LiteralError(`Unexpected token (${text.slice(i, i + 10) || 'end of input'})`);
          i += key[0].length;
          obj[key[1] ?? key[2] ?? key[3]] = value();
        } else arr.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) throw new LiteralError(`Unexpected token, expected "," (${text.slice(i, i + 10) || 'end of input'})`);
      }
      i++;
      return c === '{' ? obj : arr;
    }
    const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)|(true|false|null)|(?:new\s+)?ObjectId\(\s*["']([0-9a-f]{24})["']\s*\))/i.exec(text.slice(i));
    if (!m) throw new LiteralError(`Unexpected token (${text.slice(i, i + 10) || 'end of input'})`);
    i += m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) return (m[1] ?? m[2]).replace(/\\(.)/g, '$1');
    if (m[3] !== undefined) return Number(m[3]);
    if (m[4] !== undefined) return m[4] === 'null' ? null : m[4] === 'true';
    return new ObjectId(m[5]);
  };
  const v = value();
  ws();
  return { value: v, rest: text.slice(i) };
}

const isObject = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !(v instanceof ObjectId);

/** Levels of objects in `v` (itself included): Node prints at most 3 on one line. */
function levels(v: unknown): number {
  if (!isObject(v)) return 0;
  return 1 + Math.max(0, ...Object.values(v).map(levels));
}

export function inspect(v: unknown, indent = 0): string {
  if (v instanceof ObjectId) return `ObjectId('${v.hex}')`;
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (!isObject(v)) return String(v);
  const array = Array.isArray(v);
  const entries = array ? v.map((x) => inspect(x, indent + 2)) : Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : inspect(k)}: ${inspect(x, indent + 2)}`);
  const [open, close] = array ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const width = entries.reduce((n, e) => n + e.length, 0) + 3 * entries.length + indent + open.length + 10;
  if (levels(v) <= 3 && width <= 80 && !entries.some((e) => e.includes('\n'))) return `${open} ${entries.join(', ')} ${close}`;
  const pad = ' '.repeat(indent);
  return `${open}\n${pad}  ${entries.join(`,\n${pad}  `)}\n${pad}${close}`;
}

/** The legacy mongo shell's tojson: `{ "k" : v }` on one line for one key or a listed document, else a line a key. */
export function tojson(v: unknown, indent = '', oneLine = false): string {
  if (v instanceof ObjectId) return `ObjectId("${v.hex}")`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (!isObject(v)) return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[ ]' : `[ ${v.map((x) => tojson(x, indent, true)).join(', ')} ]`;
  const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)} : ${tojson(x, `${indent}\t`, oneLine)}`);
  if (entries.length === 0) return '{ }';
  if (oneLine || entries.length === 1) return `{ ${entries.join(', ')} }`;
  return `{\n${indent}\t${entries.join(`,\n${indent}\t`)}\n${indent}}`;
}
