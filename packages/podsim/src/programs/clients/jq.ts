/**
 * jq 1.7.1 on the reader's machine (and where a package installs it): the filter language comes
 * from @michaelhomer/jqjs, a pure-JavaScript jq; this is the command line around it: the input
 * stream of JSON values (stdin or files, -n, -s, -R), --arg/--argjson/$ENV, and the output modes
 * (-r, -j, -c, -S, --tab, --indent), exit statuses as jq's (2 usage/input, 3 compile, 5 runtime, -e).
 */
import type { JQValue } from '@michaelhomer/jqjs';
import type { Proc, Program } from '../../kernel/process.js';
import { sleep, wait } from '../../kernel/waitable.js';
import { readSources, reportOpenError } from '../input.js';
import { compileJq, type JqFilter } from './jq-engine.js';

export const JQ_VERSION = '1.7.1';

interface Options {
  filter?: string;
  files: string[];
  raw: boolean;
  join: boolean;
  compact: boolean;
  nullInput: boolean;
  slurp: boolean;
  rawInput: boolean;
  sortKeys: boolean;
  exitStatus: boolean;
  indent: string;
  vars: [string, JQValue][];
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { files: [], raw: false, join: false, compact: false, nullInput: false, slurp: false, rawInput: false, sortKeys: false, exitStatus: false, indent: '  ', vars: [] };
  const flags: Record<string, (o: Options) => void> = {
    r: (x) => (x.raw = true), j: (x) => (x.raw = x.join = true), c: (x) => (x.compact = true), n: (x) => (x.nullInput = true),
    s: (x) => (x.slurp = true), R: (x) => (x.rawInput = true), S: (x) => (x.sortKeys = true), e: (x) => (x.exitStatus = true),
    M: () => {}, C: () => {}, a: () => {},
  };
  const long: Record<string, string> = { 'raw-output': 'r', 'join-output': 'j', 'compact-output': 'c', 'null-input': 'n', slurp: 's', 'raw-input': 'R', 'sort-keys': 'S', 'exit-status': 'e', 'monochrome-output': 'M', 'color-output': 'C', 'ascii-output': 'a' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--arg' || a === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]];
      if (value === undefined) return `${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})`;
      if (a === '--arg') o.vars.push([name, value]);
      else {
        try {
          o.vars.push([name, JSON.parse(value) as JQValue]);
        } catch {
          return `Invalid JSON text passed to --argjson`;
        }
      }
      i += 2;
    } else if (a === '--tab') o.indent = '\t';
    else if (a === '--indent') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 7) return 'Cannot indent more than 7 characters';
      o.indent = ' '.repeat(n);
    } else if (a.startsWith('--') && long[a.slice(2)]) flags[long[a.slice(2)]](o);
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (!flags[c]) return `Unknown arguments: ${a}`;
        flags[c](o);
      }
    } else if (a.startsWith('-') && a !== '-') return `Unknown arguments: ${a}`;
    else if (o.filter === undefined) o.filter = a;
    else o.files.push(a);
  }
  return o;
}

/** Builtins jqjs 1.6.0 gets wrong, defined as the jq manual defines them (keys: a sorted array; of an array, its indices). */
const FIXES = 'def keys: if type == "array" then [range(length)] else [to_entries[] | .key] | sort end; def keys_unsorted: if type == "array" then [range(length)] else [to_entries[] | .key] end; ';

type Parsed = { values: JQValue[] } | { error: string };

/** Splits a text into the JSON values it holds one after another, as jq reads its input. */
function parseStream(text: string): Parsed {
  const values: JQValue[] = [];
  let i = 0;
  const position = (at: number) => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return `line ${line}, column ${at - before.lastIndexOf('\n') - 1}`;
  };
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        }
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth <= 0) {
          i++;
          break;
        }
      } else if (depth === 0 && /[\s{[,]/.test(c) && i > start) break;
    }
    if (depth > 0 || inString) return { error: `Unfinished JSON term at EOF at ${position(text.length)}` };
    try {
      values.push(JSON.parse(text.slice(start, i)) as JQValue);
    } catch {
      return { error: badToken(text, start, i, position) };
    }
  }
  return { values };
}

/** jq's words for the first bare word of a value it cannot read: t/f/n words were meant as literals. */
function badToken(text: string, from: number, to: number, position: (at: number) => string): string {
  const word = /"(?:[^"\\]|\\.)*"|([A-Za-z_][\w.+-]*|-?[\d.][\w.+-]*)/g;
  word.lastIndex = from;
  for (let m = word.exec(text); m && m.index < to; m = word.exec(text)) {
    const w = m[1];
    if (w === undefined || ['true', 'false', 'null'].includes(w) || !Number.isNaN(Number(w))) continue;
    const end = m.index + w.length + 1;
    return `${/^[tfn]/.test(w) ? 'Invalid literal' : 'Invalid numeric literal'} at ${position(end)}`;
  }
  return `Expected value before ',' at ${position(to)}`;
}

function sortKeys(v: JQValue): JQValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function render(v: JQValue, o: Options): string {
  const value = o.sortKeys ? sortKeys(v) : v;
  if (o.raw && typeof value === 'string') return value;
  // jq writes -0 as "-0" and non-finite numbers as their nearest doubles / null.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'null' : value > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  return JSON.stringify(value, null, o.compact ? undefined : o.indent) ?? 'null';
}

const usage = `Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`;

function errorText(e: unknown): string {
  return typeof e === 'string' ? e : e instanceof Error ? e.message : JSON.stringify(e);
}

export const jq: Program = function* (proc: Proc) {
  const args = proc.argv.slice(1);
  if (args.includes('--version') || args.includes('-V')) {
    proc.stdout.write(`jq-${JQ_VERSION}\n`);
    return 0;
  }
  const o = parseArgs(args);
  if (typeof o === 'string') {
    proc.stderr.write(`jq: ${o}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`);
    return 2;
  }
  if (o.filter === undefined) {
    proc.stderr.write(usage);
    return 2;
  }
  const prelude = FIXES + [['ENV', proc.env] as [string, JQValue], ...o.vars].map(([n, v]) => `${JSON.stringify(v)} as $${n} | `).join('');
  let filter: JqFilter;
  try {
    filter = compileJq(`${prelude}${o.filter}`);
  } catch (e) {
    proc.stderr.write(`jq: error: ${errorText(e)}\njq: 1 compile error\n`);
    return 3;
  }
  let inputs: JQValue[] = [];
  let where = '<unknown>';
  if (!o.nullInput || o.slurp) {
    let text = '';
    for (const src of yield* readSources(proc, o.nullInput ? [] : o.files)) {
      if ('error' in src) {
        yield* reportOpenError(proc, src.name, src.error);
        return 2;
      }
      text += src.data;
    }
    // jq has read its whole input by then: the line it names is the last one.
    where = `${o.files.at(-1) ?? '<stdin>'}:${text.split('\n').length - 1}`;
    if (o.rawInput) inputs = o.slurp ? [text] : text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    else {
      const parsed = parseStream(text);
      if ('error' in parsed) {
        proc.stderr.write(`jq: parse error: ${parsed.error}\n`);
        return 2;
      }
      inputs = o.slurp ? [parsed.values] : parsed.values;
    }
  }
  if (o.nullInput) inputs = [null];
  let last: JQValue | undefined;
  let outputs = 0;
  for (const input of inputs) {
    try {
      for (const v of filter(input)) {
        proc.stdout.write(render(v, o) + (o.join ? '' : '\n'));
        last = v;
        // An endless filter (range(infinite), repeat) spends virtual time, so Ctrl+C reaches it.
        if (++outputs % 200 === 0) yield* wait(sleep(proc.clock, 1));
      }
    } catch (e) {
      proc.stderr.write(`jq: error (at ${where}): ${errorText(e)}\n`);
      return 5;
    }
  }
  if (!o.exitStatus) return 0;
  if (outputs === 0) return 4;
  return last === null || last === false ? 1 : 0;
};
