/**
 * tr SET1 [SET2], tr -d SET1, tr -s SET1 [SET2]: character translation over stdin. Sets take
 * ranges (`a-z`), classes (`[:upper:]`) and escapes (`\n`, `\t`, `\\`); SET2 is padded with its
 * last character, as GNU tr does.
 */
import type { Program } from '../kernel/process.js';
import { readSources } from './input.js';
import { badOption, fail, flavorOf, getopt } from './util.js';

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.lower + CLASSES.upper;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };

/** Expands a set to its characters, or returns the bad class name. */
function expand(set: string): string[] | { badClass: string } {
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls) {
      if (!(cls[1] in CLASSES)) return { badClass: cls[1] };
      chars.push(...CLASSES[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    let c = set[i];
    if (c === '\\' && i + 1 < set.length) c = ESCAPES[set[++i]] ?? set[i];
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set.charCodeAt(i + 2);
      for (let code = c.charCodeAt(0); code <= end; code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(c);
  }
  return chars;
}

export const tr: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'ds');
  if (o.error) return badOption(proc, o.error);
  const gnu = flavorOf(proc) === 'gnu';
  const [first, second] = o.operands;
  const deleting = o.flags.has('d');
  const usage = (msg: string) => {
    fail(proc, msg);
    if (gnu) proc.stderr.write("Try 'tr --help' for more information.\n");
    return 1;
  };
  if (first === undefined) return usage('missing operand');
  if (second === undefined && !deleting && !o.flags.has('s')) return usage(`missing operand after ${gnu ? `'${first}'` : first}\nTwo strings must be given when translating.`);
  const set1 = expand(first);
  const set2 = second === undefined ? [] : expand(second);
  for (const s of [set1, set2]) if (!Array.isArray(s)) return fail(proc, `invalid character class '${s.badClass}'`);
  const from = set1 as string[];
  const to = set2 as string[];
  const map = new Map<string, string>();
  if (!deleting) from.forEach((c, i) => map.set(c, to.length ? to[Math.min(i, to.length - 1)] : c));
  const inSet1 = new Set(from);
  // With -d, -s squeezes SET2; otherwise it squeezes the last set given.
  const squeeze = new Set(o.flags.has('s') ? (deleting || to.length ? to : from) : []);
  let out = '';
  for (const src of yield* readSources(proc, [])) {
    if ('error' in src) continue;
    for (const ch of src.data) {
      if (deleting && inSet1.has(ch)) continue;
      const c = map.get(ch) ?? ch;
      if (squeeze.has(c) && out.endsWith(c)) continue;
      out += c;
    }
  }
  proc.stdout.write(out);
  return 0;
};
