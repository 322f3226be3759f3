/**
 * sed [-n] [-E|-r] [-i] [-e SCRIPT]... [SCRIPT] [FILE...]: the stream-editing a reader types in a
 * pipeline or on a manifest (`sed 's/8081/8080/' -i pod.yaml`, `sed -n '5,10p'`). Commands s, p, d,
 * q, = with line, `$` and /regex/ addresses and ranges; basic regular expressions as in grep.
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { readSources } from './input.js';
import { breToJs } from './grep.js';
import { abs, badOption, errText, fail, getopt, splitLines } from './util.js';

type Address = { line: number } | { last: true } | { re: RegExp };

interface Command {
  from?: Address;
  to?: Address;
  negate: boolean;
  name: 's' | 'p' | 'd' | 'q' | '=';
  subst?: { re: RegExp; replacement: string; print: boolean };
  /** For a range: whether it is open. */
  active: boolean;
}

/** Reads `delim`-terminated text from `s` at `i`, with `\delim` meaning the delimiter itself. */
function delimited(s: string, i: number, delim: string): [string, number] | undefined {
  let out = '';
  for (; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === delim) {
      out += delim;
      i++;
    } else if (s[i] === delim) return [out, i + 1];
    else out += s[i];
  }
  return undefined;
}

function parseScript(script: string, extended: boolean): Command[] | string {
  const toRe = (src: string, flags = '') => new RegExp(extended ? src : breToJs(src), flags);
  const cmds: Command[] = [];
  let i = 0;
  const address = (): Address | undefined | string => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { last: true };
    }
    if (script[i] === '/') {
      const r = delimited(script, i + 1, '/');
      if (!r) return 'unterminated address regex';
      i = r[1];
      return { re: toRe(r[0]) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const from = address();
    if (typeof from === 'string') return from;
    let to: Address | undefined;
    if (from && script[i] === ',') {
      i++;
      const a = address();
      if (typeof a === 'string') return a;
      if (!a) return 'unexpected `,\'';
      to = a;
    }
    const negate = script[i] === '!';
    if (negate) i++;
    const name = script[i++];
    if (name === 's') {
      const delim = script[i];
      const pat = delimited(script, i + 1, delim);
      const rep = pat && delimited(script, pat[1], delim);
      if (!pat || !rep) return "unterminated `s' command";
      i = rep[1];
      const flags = /^[gpI0-9]*/.exec(script.slice(i))![0];
      i += flags.length;
      const re = toRe(pat[0], (flags.includes('g') ? 'g' : '') + (flags.includes('I') ? 'i' : ''));
      cmds.push({ from, to, negate, name: 's', subst: { re, replacement: rep[0], print: flags.includes('p') }, active: false });
    } else if (name === 'p' || name === 'd' || name === 'q' || name === '=') cmds.push({ from, to, negate, name, active: false });
    else return `unknown command: \`${name ?? ''}'`;
  }
  return cmds;
}

/** `&` is the match, `\1`… the groups, `\n` a newline, `\&` a literal ampersand. */
function expandReplacement(rep: string, m: RegExpExecArray | string[]): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i];
      out += /\d/.test(n) ? (m[Number(n)] ?? '') : n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else out += c === '&' ? m[0] : c;
  }
  return out;
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if ('line' in a) return n === a.line;
  if ('last' in a) return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: Command, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.from) hit = true;
  else if (!c.to) hit = matches(c.from, line, n, last);
  else if (c.active) {
    hit = true;
    if ('line' in c.to ? n >= c.to.line : matches(c.to, line, n, last)) c.active = false;
  } else if (matches(c.from, line, n, last)) {
    hit = true;
    c.active = !('line' in c.to && c.to.line <= n);
  } else hit = false;
  return hit !== c.negate;
}

/** Runs the script over `lines` and returns what sed prints. */
function run(cmds: Command[], lines: string[], quiet: boolean): string {
  let out = '';
  for (const [idx, original] of lines.entries()) {
    let line = original;
    let deleted = false;
    let quit = false;
    const last = idx === lines.length - 1;
    for (const c of cmds) {
      if (!selected(c, line, idx + 1, last)) continue;
      if (c.name === 'p') out += line + '\n';
      else if (c.name === '=') out += `${idx + 1}\n`;
      else if (c.name === 'd') {
        deleted = true;
        break;
      } else if (c.name === 'q') {
        quit = true;
        break;
      } else if (c.subst) {
        const { re, replacement, print } = c.subst;
        re.lastIndex = 0;
        const next = line.replace(re, (...m: string[]) => expandReplacement(replacement, m));
        if (next !== line || re.test(line)) {
          line = next;
          if (print) out += line + '\n';
        }
      }
    }
    if (!deleted && !quiet) out += line + '\n';
    if (quit) break;
  }
  return out;
}

export const sed: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'nErie:');
  if (o.error) return badOption(proc, o.error);
  const operands = [...o.operands];
  const scripts = o.flags.has('e') ? [String(o.flags.get('e'))] : [];
  if (scripts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      proc.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
      return 1;
    }
    scripts.push(s);
  }
  const cmds = parseScript(scripts.join('\n'), o.flags.has('E') || o.flags.has('r'));
  if (typeof cmds === 'string') return fail(proc, `-e expression #1, char ${scripts[0].length}: ${cmds}`, 1);
  const quiet = o.flags.has('n');
  let status = 0;
  if (o.flags.has('i')) {
    if (operands.length === 0) return fail(proc, 'no input files', 1);
    const { fs } = machineOf(proc);
    for (const name of operands) {
      try {
        const text = fs.readFile(abs(proc, name));
        for (const c of cmds) c.active = false;
        fs.writeFile(abs(proc, name), run(cmds, splitLines(text), quiet));
      } catch (e) {
        fail(proc, `can't read ${name}: ${errText(e)}`);
        status = 2;
      }
    }
    return status;
  }
  const lines: string[] = [];
  for (const s of yield* readSources(proc, operands)) {
    if ('error' in s) {
      fail(proc, `can't read ${s.name}: ${errText(s.error)}`);
      status = 2;
    } else lines.push(...splitLines(s.data));
  }
  proc.stdout.write(run(cmds, lines, quiet));
  return status;
};
