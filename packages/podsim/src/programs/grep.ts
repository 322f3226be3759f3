/**
 * grep -i -v -n -c -l -q -E -F -o -r -A/-B/-C over files or stdin; exit 0 on a match, 1 on none, 2 on error.
 * Context lines print with `-` where matches print with `:`, and `--` separates groups that do not touch.
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { readSources, readFileOf } from './input.js';
import { abs, badOption, errText, getopt, splitLines } from './util.js';

/**
 * POSIX basic regular expression → JavaScript (escaped metacharacters swap meaning). `^` anchors only
 * first in the expression, a group or a GNU `\|` branch and `$` only last; elsewhere both are plain
 * characters (`sed "s/$ITEM/apple/"` replaces the text `$ITEM`). Bracket expressions are copied as they are.
 */
export function breToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if (c === '[') {
      // `[]…]` and `[^]…]` hold a literal `]` first.
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']') j++;
      // Unterminated: left for RegExp to refuse, as grep refuses `Unmatched [`.
      if (j >= re.length) out += '[';
      else {
        out += re.slice(i, j + 1).replace(/^\[(\^?)\]/, '[$1\\]');
        i = j;
      }
    } else if (c === '^') out += i === 0 || ['\\(', '\\|'].includes(re.slice(i - 2, i)) ? '^' : '\\^';
    else if (c === '$') out += i === re.length - 1 || ['\\)', '\\|'].includes(re.slice(i + 1, i + 3)) ? '$' : '\\$';
    else out += '(){}|+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const grep: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'ivnclqsEFoHhre:wxA:B:C:');
  if (o.error) return badOption(proc, o.error, 2);
  const context = (flag: string): number | undefined => {
    const v = o.flags.get(flag) ?? o.flags.get('C');
    return v === undefined ? 0 : /^\d+$/.test(String(v)) ? Number(v) : undefined;
  };
  const after = context('A');
  const before = context('B');
  if (after === undefined || before === undefined) {
    proc.stderr.write(`grep: ${String(o.flags.get('A') ?? o.flags.get('B') ?? o.flags.get('C'))}: invalid context length argument\n`);
    return 2;
  }
  const operands = [...o.operands];
  // Each -e is a pattern of its own; a line matches if any does.
  const patterns = o.values.get('e') ?? (operands.length ? [operands.shift() as string] : []);
  if (patterns.length === 0) return badOption(proc, ':e', 2);
  const pattern = patterns.join('\n');
  let source = patterns.map((p) => (o.flags.has('F') ? escapeLiteral(p) : o.flags.has('E') ? p : breToJs(p))).map((p) => (patterns.length > 1 ? `(?:${p})` : p)).join('|');
  if (o.flags.has('w')) source = `\\b(?:${source})\\b`;
  if (o.flags.has('x')) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, o.flags.has('i') ? 'gi' : 'g');
  } catch {
    proc.stderr.write(`grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const files = o.flags.has('r') ? expandRecursive(proc, operands.length ? operands : ['.']) : operands;
  const sources = o.flags.has('r') ? files.map((f) => readFileOf(proc, f)) : yield* readSources(proc, files);
  const showNames = o.flags.has('H') || (files.length > 1 && !o.flags.has('h'));
  let matched = false;
  let status = 0;
  let groups = 0;
  for (const s of sources) {
    if ('error' in s) {
      if (!o.flags.has('s')) proc.stderr.write(`grep: ${s.name}: ${errText(s.error)}\n`);
      status = 2;
      continue;
    }
    const name = s.name === '-' ? '(standard input)' : s.name;
    let count = 0;
    const lines = splitLines(s.data);
    const hits = lines.map((line) => {
      re.lastIndex = 0;
      return re.test(line) !== o.flags.has('v');
    });
    const withContext = (after > 0 || before > 0) && !o.flags.has('o');
    let printedUpTo = -1;
    let afterLeft = 0;
    const print = (i: number, sep: ':' | '-') => {
      if (withContext && (printedUpTo < 0 || printedUpTo < i - 1) && groups++ > 0) proc.stdout.write('--\n');
      proc.stdout.write(`${showNames ? `${name}${sep}` : ''}${o.flags.has('n') ? `${i + 1}${sep}` : ''}${lines[i]}\n`);
      printedUpTo = i;
    };
    for (const [i, line] of lines.entries()) {
      if (!hits[i]) {
        if (afterLeft > 0 && !o.flags.has('c') && !o.flags.has('l')) {
          afterLeft--;
          print(i, '-');
        }
        continue;
      }
      count++;
      matched = true;
      if (o.flags.has('q')) return 0;
      if (o.flags.has('c') || o.flags.has('l')) continue;
      if (o.flags.has('o') && !o.flags.has('v')) {
        const prefix = (showNames ? `${name}:` : '') + (o.flags.has('n') ? `${i + 1}:` : '');
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') proc.stdout.write(`${prefix}${m[0]}\n`);
        continue;
      }
      for (let j = Math.max(i - before, printedUpTo + 1); j < i; j++) print(j, '-');
      print(i, ':');
      afterLeft = after;
    }
    if (o.flags.has('c')) proc.stdout.write(`${showNames ? `${name}:` : ''}${count}\n`);
    if (o.flags.has('l') && count > 0) proc.stdout.write(`${name}\n`);
  }
  return status === 2 && !o.flags.has('s') ? 2 : matched ? 0 : status || 1;
};

function expandRecursive(proc: Parameters<Program>[0], roots: string[]): string[] {
  const { fs } = machineOf(proc);
  const out: string[] = [];
  const walk = (shown: string) => {
    const st = fs.stat(abs(proc, shown));
    if (st.kind !== 'dir') return void out.push(shown);
    for (const n of fs.readdir(abs(proc, shown))) walk(shown.endsWith('/') ? `${shown}${n}` : `${shown}/${n}`);
  };
  for (const r of roots) {
    try {
      walk(r);
    } catch {
      out.push(r);
    }
  }
  return out;
}
