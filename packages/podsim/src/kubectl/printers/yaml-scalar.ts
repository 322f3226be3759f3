/**
 * How go-yaml v2 (behind sigs.k8s.io/yaml, so behind `kubectl -o yaml`) writes a string: plain when
 * the emitter allows it and it would not read back as another type, else single quotes, else double
 * quotes; strings with line breaks become literal blocks. Plain and quoted scalars are folded at
 * spaces once the line passes column 80. Models go-yaml v2 encode.go stringv, resolve.go and the
 * libyaml emitter's analyze_scalar / select_scalar_style / write_*_scalar.
 */

const BEST_WIDTH = 80;

/** Would a plain scalar with this text resolve to something other than a string (YAML 1.1 + Go number syntax)? */
function resolvesToNonString(s: string): boolean {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true;
  // Go strconv.ParseInt(s, 0, 64) / ParseUint / ParseFloat syntaxes, plus YAML 0b binary
  if (/^[-+]?(0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][-+]?\d+)?$/.test(s)) return true;
  if (/^[-+]?\d[\d_]*(:[0-5]?\d)+(\.[\d_]*)?$/.test(s)) return true; // base-60
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$/.test(s)) return true; // timestamp
  return false;
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankZ = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

function isPrintable(c: string): boolean {
  const n = c.codePointAt(0)!;
  return (
    n === 0x0a ||
    (n >= 0x20 && n <= 0x7e) ||
    n === 0x85 ||
    (n >= 0xa0 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd && n !== 0xfeff) ||
    (n >= 0x10000 && n <= 0x10ffff)
  );
}

interface Analysis {
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

function analyze(s: string): Analysis {
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let spaceBreak = false;
  let breakSpace = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  const leadingSpace = chars[0] === ' ';
  const leadingBreak = chars.length > 0 && isBreak(chars[0]);
  const last = chars[chars.length - 1];
  const trailingSpace = last === ' ';
  const trailingBreak = last !== undefined && isBreak(last);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = isBlankZ(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
  }
  let blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators || breakSpace);
  let singleQuoted = !breakSpace;
  let block = !trailingSpace;
  if (spaceBreak || special) {
    blockPlain = false;
    singleQuoted = false;
    block = false;
  }
  return { blockPlain, singleQuoted, block };
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function chooseStyle(s: string, simpleKey: boolean): Style {
  const a = analyze(s);
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(s)) style = 'plain';
  else style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  if (style === 'plain' && !a.blockPlain) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  return style;
}

/**
 * Renders a string scalar. `column` is where the scalar starts on the current line, `indent` the
 * indentation of continuation lines; `fold` false writes long lines whole, as go-yaml v3 does. Returns text that may span several lines (no trailing newline).
 */
export function yamlString(s: string, column: number, indent: number, simpleKey = false, fold = !simpleKey): string {
  switch (chooseStyle(s, simpleKey)) {
    case 'plain':
      return folded(s, column, indent, fold, 'plain');
    case 'single':
      return folded(s, column, indent, fold, 'single');
    case 'double':
      return folded(s, column, indent, fold, 'double');
    case 'literal':
      return literal(s, indent);
  }
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeDouble(c: string): string {
  if (DOUBLE_ESCAPES[c] !== undefined) return DOUBLE_ESCAPES[c];
  if (isPrintable(c) && c !== '\ufeff') return c;
  const n = c.codePointAt(0)!;
  if (n <= 0xff) return `\\x${n.toString(16).toUpperCase().padStart(2, '0')}`;
  if (n <= 0xffff) return `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${n.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Plain / quoted scalar writer with libyaml's fold-at-space rule. */
function folded(s: string, column: number, indent: number, allowBreaks: boolean, style: 'plain' | 'single' | 'double'): string {
  const chars = [...s];
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  let out = quote;
  let col = column + quote.length;
  let spaces = false;
  const newline = () => {
    out += '\n' + ' '.repeat(indent);
    col = indent;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      const nextSpace = chars[i + 1] === ' ';
      const canBreak =
        allowBreaks &&
        !spaces &&
        col > BEST_WIDTH &&
        (style === 'plain' ? !nextSpace : style === 'single' ? i !== 0 && i !== chars.length - 1 && !nextSpace : i !== 0 && i !== chars.length - 1);
      if (canBreak) {
        newline();
        if (style === 'double' && nextSpace) {
          out += '\\';
          col++;
        }
      } else {
        out += ' ';
        col++;
      }
      spaces = true;
      continue;
    }
    spaces = false;
    const text = style === 'double' ? escapeDouble(c) : style === 'single' && c === "'" ? "''" : c;
    out += text;
    col += text.length;
  }
  return out + quote;
}

/** Literal block scalar `|`, `|-`, `|+` (with an indentation hint when the text starts with a space or break). */
function literal(s: string, indent: number): string {
  const chars = [...s];
  let header = '|';
  if (chars[0] === ' ' || isBreak(chars[0])) header += '2';
  const last = chars[chars.length - 1];
  if (!isBreak(last)) header += '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2])) header += '+';
  const lines = s.split('\n');
  // a trailing break ends the last line rather than starting a new one
  if (lines[lines.length - 1] === '') lines.pop();
  return header + lines.map((l) => (l === '' ? '\n' : '\n' + ' '.repeat(indent) + l)).join('');
}
