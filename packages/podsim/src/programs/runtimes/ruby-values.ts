/**
 * Ruby values for the one-line interpreter: floats kept apart from integers (`10 / 4` is 2,
 * `10 / 4.0` is 2.5, `4.0` prints as 4.0), #to_s and #inspect, puts' line rules, ranges, and the
 * common methods on numbers, strings and arrays, called with or without parentheses.
 */
import { ScriptError, show, type Parser, type Value } from './expr.js';
import { fn } from './host.js';

export const isFloat = (v: Value): boolean => typeof v === 'object' && v !== null && 'float' in v;
export const float = (n: number): Value => ({ float: n, valueOf: () => n }) as unknown as Value;

function floatText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const s = String(n);
  return /[.e]/.test(s) ? s.replace(/e\+?(-?)(\d+)$/, (_, sign: string, d: string) => `e${sign || '+'}${d.padStart(2, '0')}`).replace(/^(-?\d+)e/, '$1.0e') : `${s}.0`;
}

/** Ruby's arithmetic: integers stay integers (division rounds down), a float operand makes a float. */
export function rubyArith(op: string, a: Value, b: Value): Value | undefined {
  if (typeof a === 'string' || typeof b === 'string' || Array.isArray(a) || Array.isArray(b)) return undefined;
  const fl = isFloat(a) || isFloat(b);
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  if (!fl && (op === '/' || op === '%') && y === 0) throw new ScriptError('divided by 0 (ZeroDivisionError)');
  const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '**' ? x ** y : op === '%' ? ((x % y) + y) % y : fl ? x / y : Math.floor(x / y);
  return fl ? float(r) : r;
}

export const inspect = (v: Value): string => {
  if (v === null || v === undefined) return 'nil';
  if (isFloat(v)) return floatText(Number(v));
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(inspect).join(', ')}]`;
  if (typeof v === 'object') return 'call' in v ? '#<Method>' : `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)} => ${inspect(x)}`).join(', ')}}`;
  return String(v);
};
export const toS = (v: Value): string => (v === null || v === undefined ? '' : Array.isArray(v) || isFloat(v) ? inspect(v) : show(v));
/** puts: one line per argument, arrays flattened, no doubled newline. */
export function putsText(args: Value[]): string {
  if (args.length === 0) return '\n';
  const flat = (a: Value): Value[] => (Array.isArray(a) ? a.flatMap(flat) : [a]);
  const items = args.flatMap(flat);
  return items.map((a) => (toS(a).endsWith('\n') ? toS(a) : `${toS(a)}\n`)).join('');
}

export function range(a: Value, b: Value, exclusive: boolean): number[] {
  const [from, to] = [Number(a), Number(b) - (exclusive ? 1 : 0)];
  if (to - from > 1e6) throw new ScriptError('range too large for this sandbox');
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** Methods called without parentheses (`x.to_s`) give their value; with them (`x.round(2)`), a function. */
export function method(v: Value, name: string, p: Parser): Value | undefined {
  const n = Number(v);
  const s = toS(v);
  const arr = Array.isArray(v) ? v : undefined;
  const noArgs: Record<string, () => Value> = {
    to_s: () => s,
    to_i: () => Math.trunc(typeof v === 'string' ? parseFloat(v) || 0 : n),
    to_f: () => float(typeof v === 'string' ? parseFloat(v) || 0 : n),
    inspect: () => inspect(v),
    class: () => (typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Integer' : isFloat(v) ? 'Float' : arr ? 'Array' : v === null ? 'NilClass' : 'Object'),
    nil: () => v === null || v === undefined,
    abs: () => Math.abs(n),
    floor: () => Math.floor(n),
    ceil: () => Math.ceil(n),
    even: () => n % 2 === 0,
    odd: () => Math.abs(n % 2) === 1,
    upcase: () => s.toUpperCase(),
    downcase: () => s.toLowerCase(),
    capitalize: () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
    strip: () => s.trim(),
    chomp: () => s.replace(/\r?\n$/, ''),
    length: () => (arr ?? s).length,
    size: () => (arr ?? s).length,
    reverse: () => (arr ? [...arr].reverse() : [...s].reverse().join('')),
    empty: () => (arr ?? s).length === 0,
    first: () => arr?.[0] ?? null,
    last: () => arr?.[arr.length - 1] ?? null,
    sum: () => (arr ?? []).reduce<number>((a, b) => a + Number(b), 0),
    max: () => Math.max(...(arr ?? []).map(Number)),
    min: () => Math.min(...(arr ?? []).map(Number)),
    sort: () => [...(arr ?? [])].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : toS(a).localeCompare(toS(b)))),
    chars: () => [...s],
  };
  const withArgs: Record<string, (args: Value[]) => Value> = {
    round: ([d]) => (d === undefined ? Math.round(n) : float(Number(n.toFixed(Number(d))))),
    join: ([sep]) => (arr ?? []).map(toS).join(toS(sep ?? '')),
    split: ([sep]) => (sep === undefined ? s.trim().split(/\s+/) : s.split(toS(sep))),
    include: ([x]) => (arr ? arr.includes(x) : s.includes(toS(x))),
    start_with: ([x]) => s.startsWith(toS(x)),
    end_with: ([x]) => s.endsWith(toS(x)),
  };
  const predicate = p.is('?') && ['nil', 'even', 'odd', 'empty', 'include', 'start_with', 'end_with'].includes(name);
  if (predicate) p.pos++;
  if (v && typeof v === 'object' && !Array.isArray(v) && !('call' in v) && !isFloat(v)) return undefined;
  if (name in withArgs) return p.is('(') ? fn(withArgs[name]) : withArgs[name]([]);
  return noArgs[name]?.();
}

