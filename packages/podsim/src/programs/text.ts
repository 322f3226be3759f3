/** Line tools: head, tail (-f follows in virtual time), wc, sort, uniq, rev. grep lives in grep.ts. */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { sleep, wait, type Waitable } from '../kernel/waitable.js';
import { readSources, reportOpenError, type Source } from './input.js';
import { abs, badOption, getopt, splitLines } from './util.js';
import { utf8Length } from '../kernel/utf8.js';

function countArg(value: string | number | undefined, fallback: number): { n: number; fromStart: boolean } | undefined {
  if (value === undefined) return { n: fallback, fromStart: false };
  const s = String(value);
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  return { n: Number(m[2]), fromStart: m[1] === '+' };
}

function* eachSource(proc: Proc, operands: string[], body: (s: Extract<Source, { data: string }>, multiple: boolean, first: boolean) => void): Generator<Waitable<unknown>, number, unknown> {
  const sources = yield* readSources(proc, operands);
  let status = 0;
  let first = true;
  for (const s of sources) {
    if ('error' in s) {
      yield* reportOpenError(proc, s.name, s.error);
      status = 1;
      continue;
    }
    body(s, sources.length > 1, first);
    first = false;
  }
  return status;
}

function header(name: string, first: boolean): string {
  return `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`;
}

export const head: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'n:c:qv', { numericOption: 'n' });
  if (o.error) return badOption(proc, o.error);
  const lines = countArg(o.flags.get('n'), 10);
  if (!lines) return badOption(proc, 'n');
  const bytes = o.flags.has('c') ? Number(o.flags.get('c')) : undefined;
  return yield* eachSource(proc, o.operands, (s, multiple, first) => {
    if (multiple && !o.flags.has('q')) proc.stdout.write(header(s.name, first));
    if (bytes !== undefined) proc.stdout.write(s.data.slice(0, bytes));
    else proc.stdout.write(splitLines(s.data).slice(0, lines.n).map((l) => l + '\n').join(''));
  });
};

function tailText(data: string, spec: { n: number; fromStart: boolean }): string {
  const lines = splitLines(data);
  const picked = spec.fromStart ? lines.slice(Math.max(0, spec.n - 1)) : spec.n === 0 ? [] : lines.slice(-spec.n);
  const trailing = data.endsWith('\n') || picked.length === 0;
  return picked.join('\n') + (trailing && picked.length > 0 ? '\n' : '');
}

/** `-c N` / `-c +N`: the last N bytes, or everything from byte N on (kubectl cp --retries resumes with it). */
function tailBytes(data: string, spec: { n: number; fromStart: boolean }): string {
  const bytes = new TextEncoder().encode(data);
  const from = spec.fromStart ? Math.max(0, spec.n - 1) : Math.max(0, bytes.length - spec.n);
  return new TextDecoder().decode(bytes.subarray(from));
}

export const tail: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'n:c:fFqvs:', { numericOption: 'n' });
  if (o.error) return badOption(proc, o.error);
  const bytes = o.flags.has('c') ? countArg(o.flags.get('c'), 0) : undefined;
  const spec = countArg(o.flags.get('n'), 10);
  if (!spec) return badOption(proc, 'n');
  if (o.flags.has('c') && !bytes) return badOption(proc, 'c');
  const status = yield* eachSource(proc, o.operands, (s, multiple, first) => {
    if (multiple && !o.flags.has('q')) proc.stdout.write(header(s.name, first));
    proc.stdout.write(bytes ? tailBytes(s.data, bytes) : tailText(s.data, spec));
  });
  const follow = o.flags.has('f') || o.flags.has('F');
  const files = o.operands.filter((f) => f !== '-');
  if (!follow || files.length === 0) return status;
  // Poll once a virtual second, as busybox tail -f does, printing what was appended.
  const { fs } = machineOf(proc);
  const sizes = new Map(files.map((f) => [f, readOr(fs, abs(proc, f)).length]));
  for (;;) {
    yield* wait(sleep(proc.clock, 1000));
    for (const f of files) {
      const data = readOr(fs, abs(proc, f));
      const before = sizes.get(f) ?? 0;
      if (data.length > before) proc.stdout.write(data.slice(before));
      sizes.set(f, data.length);
    }
  }
};

function readOr(fs: ReturnType<typeof machineOf>['fs'], path: string): string {
  try {
    return fs.readFile(path);
  } catch {
    return '';
  }
}

export const wc: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'lwcmL');
  if (o.error) return badOption(proc, o.error);
  const want = ['l', 'w', 'c'].filter((k) => o.flags.has(k) || (k === 'c' && o.flags.has('m')));
  const cols = want.length > 0 ? want : ['l', 'w', 'c'];
  const rows: { counts: number[]; name: string }[] = [];
  const status = yield* eachSource(proc, o.operands, (s) => {
    const counts: Record<string, number> = {
      l: (s.data.match(/\n/g) ?? []).length,
      w: s.data.split(/\s+/).filter(Boolean).length,
      c: utf8Length(s.data),
    };
    rows.push({ counts: cols.map((k) => counts[k]), name: s.name === '-' ? '' : s.name });
  });
  if (rows.length > 1) rows.push({ counts: cols.map((_, i) => rows.reduce((n, r) => n + r.counts[i], 0)), name: 'total' });
  const single = cols.length === 1 && rows.length === 1;
  const width = single ? 1 : o.operands.length === 0 ? 7 : Math.max(...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  proc.stdout.write(rows.map((r) => r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n').join(''));
  return status;
};

/** rev: each line's characters in reverse order; the last line keeps having no newline if it had none. */
export const rev: Program = function* (proc) {
  return yield* eachSource(proc, proc.argv.slice(1), (s) => {
    proc.stdout.write(s.data.replace(/[^\n]+/g, (line) => [...line].reverse().join('')));
  });
};

export const sort: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'nrufk:t:bh');
  if (o.error) return badOption(proc, o.error);
  const all: string[] = [];
  const status = yield* eachSource(proc, o.operands, (s) => all.push(...splitLines(s.data)));
  const sep = o.flags.get('t') as string | undefined;
  const keyField = o.flags.has('k') ? parseInt(String(o.flags.get('k')), 10) : undefined;
  const key = (line: string) => {
    let k = line;
    if (keyField !== undefined) k = (sep !== undefined ? line.split(sep) : line.trim().split(/\s+/)).slice(keyField - 1).join(sep ?? ' ');
    return o.flags.has('f') ? k.toLowerCase() : k;
  };
  const numeric = o.flags.has('n');
  const cmp = (a: string, b: string) => {
    const ka = key(a);
    const kb = key(b);
    if (numeric) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = all.sort(cmp);
  if (o.flags.has('r')) sorted = sorted.reverse();
  if (o.flags.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(l, sorted[i - 1]) !== 0);
  proc.stdout.write(sorted.map((l) => l + '\n').join(''));
  return status;
};

export const uniq: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'cdui');
  if (o.error) return badOption(proc, o.error);
  const lines: string[] = [];
  const status = yield* eachSource(proc, o.operands.slice(0, 1), (s) => lines.push(...splitLines(s.data)));
  const same = (a: string, b: string) => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  let out = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && same(lines[j], lines[i])) j++;
    const n = j - i;
    if ((!o.flags.has('d') || n > 1) && (!o.flags.has('u') || n === 1)) out += (o.flags.has('c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
    i = j;
  }
  proc.stdout.write(out);
  return status;
};
