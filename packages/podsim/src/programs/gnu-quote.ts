/**
 * How GNU coreutils quote a file name in their messages (gnulib quotearg.c's shell-escape styles):
 * `quotef` leaves a name bare when a shell would read it as written (and not `:`, which separates a
 * message's parts), `quoteaf` always quotes. A name holding a single quote and nothing else a
 * double-quoted word would change is double-quoted; otherwise single quotes, a quote inside as
 * `'\''` and control characters as `$'\t'`.
 */

/** Characters a shell reads as themselves: the name needs no quotes. */
const BARE = /[\w%+,\-./@\]\u00a0-\uffff]/;
const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r' };

/** `{`/`}` alone and `#`/`~` first are special to the shell; elsewhere they are not. */
function bare(c: string, i: number, s: string): boolean {
  if (c === '{' || c === '}') return s.length > 1;
  if (c === '#' || c === '~') return i > 0;
  return BARE.test(c);
}

/** Inside double quotes as it is without them (gnulib's c_and_shell_quote_compat). */
function doubleQuotable(c: string, i: number, s: string): boolean {
  if (c === '{' || c === '}' || c === '#' || c === '~') return !bare(c, i, s);
  return BARE.test(c) || c === ' ' || c === "'" || c === ':';
}

const isControl = (c: string): boolean => c < ' ' || c === '\x7f';
const escape = (c: string): string => `\\${C_ESCAPES[c] ?? c.charCodeAt(0).toString(8).padStart(3, '0')}`;

function quoted(s: string): string {
  const chars = [...s];
  if (chars.includes("'") && chars.every((c, i) => doubleQuotable(c, i, s))) return `"${s}"`;
  let out = "'";
  let inEscapes = false;
  for (const c of chars) {
    if (isControl(c)) {
      out += inEscapes ? escape(c) : `'$'${escape(c)}`;
      inEscapes = true;
      continue;
    }
    if (inEscapes) out += "''";
    inEscapes = false;
    out += c === "'" ? "'\\''" : c;
  }
  return out + "'";
}

/** A name in a message: bare when the shell would read it so. */
export function quotef(s: string): string {
  return s !== '' && [...s].every((c, i) => bare(c, i, s)) ? s : quoted(s);
}

/** A name in a message, always quoted. */
export function quoteaf(s: string): string {
  return quoted(s);
}
