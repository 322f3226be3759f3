/**
 * fmt.Sprintf for template values: the verbs, flags, widths and precisions that `printf` in a
 * template meets, with fmt's in-band error texts (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA …)`).
 */
import { Num, formatFloat, goQuote, isMap, sortedKeys, typeName, type GoVal } from './values.js';

interface Spec {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
  verb: string;
}

/** toFixed with Go's rounding: an exact tie goes to the even digit. */
function fixed(x: number, prec: number): string {
  const scaled = Math.abs(x) * 10 ** prec;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && floor % 2 === 0 && (floor + 0.5) / 10 ** prec === Math.abs(x)) {
    const s = (floor / 10 ** prec).toFixed(prec);
    return x < 0 ? `-${s}` : s;
  }
  return x.toFixed(prec);
}

const expForm = (s: string): string => s.replace(/e([+-])(\d)$/, 'e$10$2');

function floatText(f: number, verb: string, prec: number | undefined, sharp: boolean): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  switch (verb) {
    case 'e':
    case 'E': {
      const s = expForm(f.toExponential(prec ?? 6));
      return verb === 'E' ? s.toUpperCase() : s;
    }
    case 'f':
    case 'F':
      return fixed(f, prec ?? 6);
    default: {
      if (prec === undefined) return verb === 'G' ? formatFloat(f).toUpperCase() : formatFloat(f);
      const p = prec === 0 ? 1 : prec;
      const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(f.toPrecision(p)))));
      let s = exp < -4 || exp >= p ? expForm(f.toExponential(p - 1)) : f.toFixed(Math.max(0, p - 1 - exp));
      if (!sharp) s = s.replace(/\.(\d*?)0+(e|$)/, (_, d: string, e: string) => (d ? `.${d}` : '') + e).replace(/\.(e|$)/, '$1');
      return verb === 'G' ? s.toUpperCase() : s;
    }
  }
}

function pad(s: string, sp: Spec, numeric: boolean): string {
  const w = sp.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (sp.minus) return s + ' '.repeat(w - len);
  if (sp.zero && numeric && /^[+\- ]/.test(s)) return s[0] + '0'.repeat(w - len) + s.slice(1);
  if (sp.zero) return '0'.repeat(w - len) + s;
  return ' '.repeat(w - len) + s;
}

function quoteRune(c: number): string {
  const q = goQuote(String.fromCodePoint(c)).slice(1, -1).replace(/\\"/, '"');
  return `'${q === "'" ? "\\'" : q}'`;
}

function intText(n: number, sp: Spec): string | undefined {
  const sign = n < 0 ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  const a = Math.abs(n);
  let digits: string;
  switch (sp.verb) {
    case 'v':
    case 'd':
      digits = String(a);
      break;
    case 'b':
      digits = a.toString(2);
      break;
    case 'o':
      digits = (sp.sharp ? '0' : '') + a.toString(8);
      break;
    case 'O':
      digits = `0o${a.toString(8)}`;
      break;
    case 'x':
    case 'X':
      digits = a.toString(16);
      if (sp.verb === 'X') digits = digits.toUpperCase();
      if (sp.sharp) digits = (sp.verb === 'x' ? '0x' : '0X') + digits;
      break;
    case 'c':
      return String.fromCodePoint(n);
    case 'q':
      return quoteRune(n);
    case 'U':
      return `U+${a.toString(16).toUpperCase().padStart(4, '0')}`;
    default:
      return undefined;
  }
  if (sp.prec !== undefined) digits = digits.padStart(sp.prec, '0');
  return sign + digits;
}

function badVerb(v: GoVal, verb: string): string {
  return v === undefined || v === null ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${format(v, { plus: false, minus: false, sharp: false, space: false, zero: false, verb: 'v' }, 0)})`;
}

/** One argument under one verb; slices and maps apply the verb to each element. */
function format(v: GoVal, sp: Spec, depth: number): string {
  if (sp.verb === 'T') return pad(v === undefined || v === null ? '<nil>' : typeName(v), sp, false);
  // a nil interface{} element of a slice or map prints as <nil> whatever the verb
  if (v === undefined || v === null) return depth > 0 ? '<nil>' : sp.verb === 'v' ? pad('<nil>', sp, false) : badVerb(v, sp.verb);
  if (typeof v === 'boolean') return sp.verb === 'v' || sp.verb === 't' ? pad(String(v), sp, false) : badVerb(v, sp.verb);
  if (typeof v === 'string') {
    switch (sp.verb) {
      case 'v':
        if (sp.sharp) return pad(goQuote(v), sp, false);
        return pad(sp.prec !== undefined ? [...v].slice(0, sp.prec).join('') : v, sp, false);
      case 's':
        return pad(sp.prec !== undefined ? [...v].slice(0, sp.prec).join('') : v, sp, false);
      case 'q':
        return pad(goQuote(v), sp, false);
      case 'x':
      case 'X': {
        const hex = [...new TextEncoder().encode(v)].map((b) => b.toString(16).padStart(2, '0')).join('');
        return pad(sp.verb === 'X' ? hex.toUpperCase() : hex, sp, false);
      }
      default:
        return badVerb(v, sp.verb);
    }
  }
  if (v instanceof Num) {
    if (v.t === 'float64') {
      if (!'vbeEfFgGxX'.includes(sp.verb) || sp.verb === 'b' || sp.verb === 'x' || sp.verb === 'X') return badVerb(v, sp.verb);
      let s = floatText(v.v, sp.verb === 'v' ? 'g' : sp.verb, sp.prec, sp.sharp);
      if (v.v >= 0 && !s.startsWith('-')) s = (sp.plus ? '+' : sp.space ? ' ' : '') + s;
      return pad(s, sp, true);
    }
    const s = intText(v.v, sp);
    return s === undefined ? badVerb(v, sp.verb) : pad(s, sp, sp.verb !== 'c' && sp.verb !== 'q');
  }
  if (Array.isArray(v)) return `[${v.map((x) => format(x, sp, depth + 1)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${format(k, sp, depth + 1)}:${format(v[k], sp, depth + 1)}`).join(' ')}]`;
  return '';
}

/** fmt.Sprintf(format, args...). */
export function sprintf(fmtText: string, args: GoVal[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  while (i < fmtText.length) {
    const pct = fmtText.indexOf('%', i);
    if (pct < 0) {
      out += fmtText.slice(i);
      break;
    }
    out += fmtText.slice(i, pct);
    i = pct + 1;
    const sp: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false, verb: '' };
    for (; i < fmtText.length; i++) {
      const c = fmtText[i];
      if (c === '+') sp.plus = true;
      else if (c === '-') sp.minus = true;
      else if (c === '#') sp.sharp = true;
      else if (c === ' ') sp.space = true;
      else if (c === '0') sp.zero = !sp.minus;
      else break;
    }
    const number = (): number | undefined => {
      if (fmtText[i] === '*') {
        i++;
        const a = args[argNum++];
        if (a instanceof Num && a.t !== 'float64') return a.v;
        out += '%!(BADWIDTH)';
        return undefined;
      }
      const m = /^\d+/.exec(fmtText.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    sp.width = number();
    if (sp.width !== undefined && sp.width < 0) {
      sp.minus = true;
      sp.width = -sp.width;
    }
    if (fmtText[i] === '.') {
      i++;
      sp.prec = number() ?? 0;
    }
    if (i >= fmtText.length) {
      out += '%!(NOVERB)';
      break;
    }
    sp.verb = String.fromCodePoint(fmtText.codePointAt(i)!);
    i += sp.verb.length;
    if (sp.verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${sp.verb}(MISSING)`;
      continue;
    }
    out += format(args[argNum++], sp, 0);
  }
  if (argNum < args.length) {
    const plain: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false, verb: 'v' };
    out += `%!(EXTRA ${args
      .slice(argNum)
      .map((a) => (a === undefined || a === null ? '<nil>' : `${typeName(a)}=${format(a, plain, 0)}`))
      .join(', ')})`;
  }
  return out;
}
