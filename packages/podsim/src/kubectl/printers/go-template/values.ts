/**
 * The values a Go template sees when kubectl runs it: the object decoded by apimachinery's util/json
 * into map[string]interface{} (whole numbers become int64, others float64), plus the ints, bytes and
 * floats the template itself makes (literals, `len`, `index` of a string). JavaScript `undefined` is
 * reflect's invalid Value ("<no value>"); `null` is a nil interface{} held in a map or slice.
 */

export type NumType = 'int' | 'int64' | 'uint8' | 'float64';

/** A Go number with its type: eq/lt compare int kinds and float kinds apart, printf names the type. */
export class Num {
  constructor(
    readonly t: NumType,
    readonly v: number,
  ) {}
}

export type GoMap = { [key: string]: GoVal };
export type GoVal = undefined | null | boolean | string | Num | GoVal[] | GoMap;

export const isMap = (v: GoVal): v is GoMap => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Num);
export const hasKey = (m: GoMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);
export const int = (n: number): Num => new Num('int', n);

/** JSON as util/json decodes it for the template printer. */
export function fromJson(v: unknown): GoVal {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return new Num(Number.isInteger(v) ? 'int64' : 'float64', v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  const out: GoMap = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(x);
  return out;
}

/** reflect's Type.String() of a value's dynamic type. */
export function typeName(v: GoVal): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof Num) return v.t;
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** text/template isTrue: the zero value of its type is false. */
export function truth(v: GoVal): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof Num) return v.v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

export const sortedKeys = (m: GoMap): string[] => Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** fmt's %v of a float64: shortest digits, the %e form when the exponent is below -4 or at least 6 (strconv 'g', -1). */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, e] = f.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const digits = mant.replace('-', '').replace('.', '');
  return (f < 0 ? '-' : '') + (exp < 0 ? `0.${'0'.repeat(-exp - 1)}${digits}` : digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits.padEnd(exp + 1, '0'));
}

/** fmt's %v of one value (fmt.Sprint of a lone operand). */
export function sprintV(v: GoVal): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof Num) return v.t === 'float64' ? formatFloat(v.v) : String(v.v);
  if (Array.isArray(v)) return `[${v.map(sprintV).join(' ')}]`;
  return `map[${sortedKeys(v)
    .map((k) => `${k}:${sprintV(v[k])}`)
    .join(' ')}]`;
}

/** fmt.Sprint: operands are separated by a space when neither side is a string. */
export function sprint(args: GoVal[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintV(a);
  });
  return out;
}

/** strconv.Quote: Go's double-quoted form (\a \b \f \n \r \t \v, \x for other control bytes). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
    if (named[ch]) out += named[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad || c === 0xfffd) out += c <= 0xff ? `\\u00${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}
