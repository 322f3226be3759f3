/** text/template's literals (Go's strconv.Unquote and parse.newNumber): what a quoted string or a number token means. */
import type { ItemType } from './lex.js';
import type { Arg } from './nodes.js';
import { goQuote } from './values.js';

export class ParseError extends Error {}

/** strconv.Unquote for "…", `…` and '…'; undefined for invalid syntax. */
export function unquote(s: string): string | undefined {
  if (s.startsWith('`')) return s.length >= 2 && s.endsWith('`') ? s.slice(1, -1).replace(/\r/g, '') : undefined;
  const q = s[0];
  if ((q !== '"' && q !== "'") || s.length < 2 || !s.endsWith(q)) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === q || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === q) out += q;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += e === 'x' ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      i += n;
    } else if (/^[0-7]$/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  if (q === "'" && [...out].length !== 1) return undefined;
  return out;
}

/** Go's newNumber: which of int/float a literal is, or why it is none. */
export function newNumber(pos: number, text: string, typ: ItemType): Extract<Arg, { type: 'number' }> {
  if (typ === 'charConstant') {
    const r = unquote(text);
    if (r === undefined) throw new ParseError(unquote(`'${text.slice(1, text[1] === '\\' ? 3 : 2)}'`) !== undefined ? `malformed character constant: ${text}` : 'invalid syntax');
    const cp = r.codePointAt(0)!;
    return { type: 'number', pos, text, isInt: true, isFloat: true, int: cp, float: cp };
  }
  const clean = text.replace(/_/g, '');
  const intMatch = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.exec(clean);
  if (intMatch) {
    const neg = clean.startsWith('-');
    const body = clean.replace(/^[+-]/, '');
    const v = body.startsWith('0x') || body.startsWith('0X') ? parseInt(body.slice(2), 16) : body.startsWith('0b') || body.startsWith('0B') ? parseInt(body.slice(2), 2) : /^0[oO]?[0-7]/.test(body) ? parseInt(body.replace(/^0[oO]?/, ''), 8) : Number(body);
    const n = neg ? -v : v;
    if (Math.abs(n) > 2 ** 63) throw new ParseError(`integer overflow: ${goQuote(text)}`);
    return { type: 'number', pos, text, isInt: true, isFloat: true, int: n, float: n };
  }
  const f = Number(clean);
  if (clean !== '' && !Number.isNaN(f) && /^[+-]?(\d*\.?\d*([eE][+-]?\d+)?)$/.test(clean)) {
    if (!/[.eEpP]/.test(text)) throw new ParseError(`integer overflow: ${goQuote(text)}`);
    return { type: 'number', pos, text, isInt: Number.isInteger(f) && Math.abs(f) < 2 ** 63, isFloat: true, int: f, float: f };
  }
  throw new ParseError(`illegal number syntax: ${goQuote(text)}`);
}
