/** Small helpers every coreutils-like program shares: flavour, errors, option parsing, input. */
import { FsError, resolvePath } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc } from '../kernel/process.js';
import { wait } from '../kernel/waitable.js';
import { busyboxBanner } from './busybox-release.js';

export type Flavor = 'busybox' | 'gnu';

export function flavorOf(proc: Proc): Flavor {
  return machineOf(proc).flavor ?? 'gnu';
}

/** The applet name as invoked (busybox dispatches on it). */
export function progName(proc: Proc): string {
  const a0 = proc.argv[0] ?? '';
  return a0.slice(a0.lastIndexOf('/') + 1);
}

export function abs(proc: Proc, path: string): string {
  return resolvePath(proc.cwd, path);
}

/** strerror text of a file-system error (or the message of anything else). */
export function errText(e: unknown): string {
  if (e instanceof FsError) return e.text;
  return e instanceof Error ? e.message : String(e);
}

/** Writes `<prog>: <msg>` to stderr and returns `code`. */
export function fail(proc: Proc, msg: string, code = 1): number {
  proc.stderr.write(`${progName(proc)}: ${msg}\n`);
  return code;
}

export interface ParsedOpts {
  /** Flags and option values by letter (repeated flags count up). */
  flags: Map<string, string | number>;
  /** Every value of an option given more than once (`grep -e a -e b`), in order; `flags` keeps the last. */
  values: Map<string, string[]>;
  operands: string[];
  error?: string;
}

/**
 * POSIX getopt over `args`: `spec` lists letters, a letter followed by `:` takes a value.
 * Stops at `--`; operands may be interleaved with options (both busybox and GNU permute).
 */
export function getopt(args: string[], spec: string, opts: { numericOption?: string; long?: Record<string, string> } = {}): ParsedOpts {
  const flags = new Map<string, string | number>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      // Long options map onto their short letter ('' = accepted and ignored, like --color=auto).
      const name = a.slice(2).split('=')[0];
      const letter = opts.long?.[name];
      if (letter === undefined) return { flags, values, operands, error: a };
      if (letter !== '') flags.set(letter, ((flags.get(letter) as number | undefined) ?? 0) + 1);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    if (opts.numericOption && /^-\d+$/.test(a)) {
      flags.set(opts.numericOption, a.slice(1));
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const at = spec.indexOf(c);
      if (at < 0) return { flags, values, operands, error: c };
      if (spec[at + 1] === ':') {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { flags, values, operands, error: `:${c}` };
        flags.set(c, value);
        values.set(c, [...(values.get(c) ?? []), value]);
        break;
      }
      flags.set(c, ((flags.get(c) as number | undefined) ?? 0) + 1);
    }
  }
  return { flags, values, operands };
}

/** The usual reply to a bad option, in the machine's wording. */
export function badOption(proc: Proc, error: string, code = 1): number {
  const name = progName(proc);
  const missing = error.startsWith(':');
  const c = missing ? error.slice(1) : error;
  if (error.startsWith('--')) {
    proc.stderr.write(`${name}: unrecognized option '${error}'\n`);
    if (flavorOf(proc) === 'gnu') proc.stderr.write(`Try '${name} --help' for more information.\n`);
    return code;
  }
  if (flavorOf(proc) === 'busybox') {
    proc.stderr.write(missing ? `${name}: option requires an argument -- ${c}\n` : `${name}: unrecognized option: ${c}\n`);
    proc.stderr.write(`${busyboxBanner(proc)}\n\nUsage: ${name} ${BUSYBOX_USAGE[name] ?? '[OPTIONS]'}\n`);
  } else {
    proc.stderr.write(missing ? `${name}: option requires an argument -- '${c}'\n` : `${name}: invalid option -- '${c}'\n`);
    proc.stderr.write(`Try '${name} --help' for more information.\n`);
  }
  return code;
}

/** Reads stdin to end of input. */
export function* readAll(proc: Proc): Generator<ReturnType<Proc['stdin']['read']>, string, unknown> {
  let text = '';
  for (;;) {
    const chunk = yield* wait(proc.stdin.read());
    if (chunk === null) return text;
    text += chunk;
  }
}

/** Splits text into lines without their newlines (a final newline does not make an empty line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `'x'` quoting as both busybox and GNU (C locale) print file names in messages. */
export function q(s: string): string {
  return `'${s}'`;
}

export { BUSYBOX_BANNER } from './busybox-release.js';

/** Usage lines busybox prints when an applet is called without what it needs. */
const BUSYBOX_USAGE: Record<string, string> = {
  sleep: '[N]...',
  seq: '[-w] [-s SEP] [FIRST [INC]] LAST',
  nc: '[OPTIONS] HOST PORT  - connect',
  chmod: '[-Rcvf] MODE[,MODE]... FILE...',
  ln: '[-sfnbtv] [-S SUF] TARGET... LINK|DIR',
  basename: 'FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...',
  dirname: 'FILENAME',
  cp: '[-arPLHpfinlsTu] SOURCE DEST',
  mv: '[-fin] SOURCE DEST',
  tar: 'c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...',
};

/** A missing operand: busybox prints its usage, GNU `prog: missing operand` and the --help hint. */
export function missingOperand(proc: Proc, what = 'operand'): number {
  const name = progName(proc);
  if (flavorOf(proc) === 'gnu') proc.stderr.write(`${name}: missing ${what}\nTry '${name} --help' for more information.\n`);
  else proc.stderr.write(`${busyboxBanner(proc)}\n\nUsage: ${name} ${BUSYBOX_USAGE[name] ?? '[OPTIONS]'}\n`);
  return 1;
}

/**
 * KiB in the largest of K, M, G, T that keeps it at least 1 (the -h of df and free; each rounds the
 * value its own way). `scaled` is false when it stays in KiB.
 */
export function inBinaryUnits(kib: number): { value: number; unit: 'K' | 'M' | 'G' | 'T'; scaled: boolean } {
  const units = ['K', 'M', 'G', 'T'] as const;
  let value = kib;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return { value, unit: units[i], scaled: i > 0 };
}
