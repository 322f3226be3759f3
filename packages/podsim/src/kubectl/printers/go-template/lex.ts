/**
 * text/template's lexer (Go 1.23 text/template/parse/lex.go): `{{ }}` actions with `{{- -}}` trim
 * markers and comments, and inside actions the tokens and the error texts Go reports for bad input.
 */
import { goQuote } from './values.js';


export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'comment' | 'assign' | 'declare' | 'EOF' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string'
  | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}


const KEYWORDS = new Set<ItemType>(['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);
const KEYWORD_WORDS: Record<string, ItemType> = { '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else', end: 'end', if: 'if', range: 'range', nil: 'nil', template: 'template', with: 'with' };

const isKeyword = (t: ItemType): boolean => KEYWORDS.has(t);

/** Go's %q of a string, cut to 10 characters for long values (item.String). */
export function itemString(i: Item, quote: (s: string) => string): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  if ([...i.val].length > 10) return `${quote([...i.val].slice(0, 10).join(''))}...`;
  return quote(i.val);
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string): boolean => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
const LEFT = '{{';
const RIGHT = '}}';
const hasLeftTrim = (s: string): boolean => s.length >= 2 && s[0] === '-' && isSpace(s[1]);
const hasRightTrim = (s: string): boolean => s.length >= 2 && isSpace(s[0]) && s[1] === '-';

/** %#U of a character: `U+007D '}'`. */
export function hashU(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `${hex} '${c}'` : hex;
}

export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  const emit = (typ: ItemType, val = input.slice(start, pos)) => {
    items.push({ typ, pos: start, val, line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    start = pos;
    startLine = line;
  };
  /** Moves to `to`, counting the newlines passed. */
  const advanceTo = (to: number) => {
    for (let k = pos; k < to; k++) if (input[k] === '\n') line++;
    pos = to;
  };
  const peek = (): string => (pos < input.length ? String.fromCodePoint(input.codePointAt(pos)!) : '');
  const next = (): string => {
    const c = peek();
    advanceTo(pos + c.length);
    return c;
  };
  const skipSpaces = () => {
    while (isSpace(peek())) next();
  };
  const fail = (msg: string): Item[] => {
    items.push({ typ: 'error', pos: start, val: msg, line: startLine });
    return items;
  };
  const atRightTrim = (): boolean => hasRightTrim(input.slice(pos)) && input.startsWith(RIGHT, pos + 2);
  const atTerminator = (): boolean => {
    const c = peek();
    if (c === '' || isSpace(c) || '.,|:)('.includes(c)) return true;
    return input.startsWith(RIGHT, pos);
  };

  for (;;) {
    // text up to the next action, its trailing spaces cut by a `{{- ` marker
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      advanceTo(input.length);
      if (pos > start) emit('text');
      emit('EOF', '');
      return items;
    }
    const trimLeft = hasLeftTrim(input.slice(x + LEFT.length));
    let textEnd = x;
    if (trimLeft) while (textEnd > start && isSpace(input[textEnd - 1])) textEnd--;
    advanceTo(textEnd);
    if (pos > start) emit('text');
    advanceTo(x);
    ignore();
    const afterMarker = x + LEFT.length + (trimLeft ? 2 : 0);
    if (input.startsWith('/*', afterMarker)) {
      // comments are dropped (no ParseComments mode), but must end right at the delimiter
      advanceTo(afterMarker + 2);
      const end = input.indexOf('*/', pos);
      if (end < 0) return fail('unclosed comment');
      advanceTo(end + 2);
      const trim = atRightTrim();
      if (!trim && !input.startsWith(RIGHT, pos)) return fail('comment ends before closing delimiter');
      advanceTo(pos + (trim ? 2 : 0) + RIGHT.length);
      if (trim) skipSpaces();
      ignore();
      continue;
    }
    advanceTo(x + LEFT.length);
    emit('leftDelim');
    advanceTo(afterMarker);
    ignore();
    let parenDepth = 0;
    // inside the action
    for (;;) {
      const trim = atRightTrim();
      if (trim || input.startsWith(RIGHT, pos)) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trim) {
          advanceTo(pos + 2);
          ignore();
        }
        advanceTo(pos + RIGHT.length);
        emit('rightDelim');
        if (trim) {
          skipSpaces();
          ignore();
        }
        break;
      }
      const c = next();
      if (c === '') return fail('unclosed action');
      if (isSpace(c)) {
        // a run of spaces, leaving the one that belongs to a " -}}" marker
        while (isSpace(peek()) && !atRightTrim()) next();
        emit('space');
      } else if (c === '=') emit('assign');
      else if (c === ':') {
        if (next() !== '=') return fail('expected :=');
        emit('declare');
      } else if (c === '|') emit('pipe');
      else if (c === '"') {
        for (;;) {
          const q = next();
          if (q === '\\') {
            const e = next();
            if (e !== '' && e !== '\n') continue;
            return fail('unterminated quoted string');
          }
          if (q === '' || q === '\n') return fail('unterminated quoted string');
          if (q === '"') break;
        }
        emit('string');
      } else if (c === '`') {
        const end = input.indexOf('`', pos);
        if (end < 0) return fail('unterminated raw quoted string');
        while (pos <= end) next();
        emit('rawString');
      } else if (c === '$' || (c === '.' && !/^[0-9]$/.test(peek()))) {
        if (atTerminator()) {
          emit(c === '$' ? 'variable' : 'dot');
          continue;
        }
        while (isAlphaNumeric(peek())) next();
        if (!atTerminator()) return fail(`bad character ${hashU(next())}`);
        emit(c === '$' ? 'variable' : 'field');
      } else if (c === "'") {
        for (;;) {
          const q = next();
          if (q === '\\') {
            const e = next();
            if (e !== '' && e !== '\n') continue;
            return fail('unterminated character constant');
          }
          if (q === '' || q === '\n') return fail('unterminated character constant');
          if (q === "'") break;
        }
        emit('charConstant');
      } else if (c === '.' || c === '+' || c === '-' || /^[0-9]$/.test(c)) {
        pos -= c.length;
        if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        emit('number');
      } else if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(peek())) next();
        if (!atTerminator()) return fail(`bad character ${hashU(next())}`);
        const word = input.slice(start, pos);
        const kw = KEYWORD_WORDS[word];
        if (kw && word !== '.') emit(kw);
        else if (word === 'true' || word === 'false') emit('bool');
        else emit('identifier');
      } else if (c === '(') {
        parenDepth++;
        emit('leftParen');
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen');
      } else if (c.codePointAt(0)! <= 0x7f && /^[\x20-\x7e]$/.test(c)) emit('char');
      else return fail(`unrecognized character in action: ${hashU(c)}`);
    }
  }

  /** Go's scanNumber: sign, base prefix, digits with underscores, fraction, exponent, imaginary suffix. */
  function scanNumber(): boolean {
    const accept = (set: string): boolean => {
      if (peek() !== '' && set.includes(peek())) {
        next();
        return true;
      }
      return false;
    };
    const acceptRun = (set: string) => {
      while (peek() !== '' && set.includes(peek())) next();
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
