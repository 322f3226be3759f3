/** cat and tee, and the pagers more/less, which print everything when output is not an interactive terminal. */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { wait } from '../kernel/waitable.js';
import { readSources, reportOpenError } from './input.js';
import { abs, badOption, getopt } from './util.js';

export const cat: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'nbuvetAsE');
  if (o.error) return badOption(proc, o.error);
  const sources = yield* readSources(proc, o.operands);
  let status = 0;
  let lineNo = 0;
  for (const s of sources) {
    if ('error' in s) {
      yield* reportOpenError(proc, s.name, s.error);
      status = 1;
      continue;
    }
    if (!o.flags.has('n')) {
      proc.stdout.write(s.data);
      continue;
    }
    const parts = s.data.split('\n');
    const last = parts.pop();
    const body = parts.map((l) => `${String(++lineNo).padStart(6)}\t${l}\n`).join('');
    proc.stdout.write(body + (last ? `${String(++lineNo).padStart(6)}\t${last}` : ''));
  }
  return status;
};

/** Paging needs a reader at a terminal; through the simulator's streams more and less print it all. */
export const more: Program = cat;
export const less: Program = cat;

export const tee: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'ai');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  let status = 0;
  const targets: string[] = [];
  for (const f of o.operands) {
    try {
      fs.writeFile(abs(proc, f), '', { append: o.flags.has('a') });
      targets.push(abs(proc, f));
    } catch (e) {
      yield* reportOpenError(proc, f, e);
      status = 1;
    }
  }
  for (;;) {
    const chunk = yield* wait(proc.stdin.read());
    if (chunk === null) return status;
    proc.stdout.write(chunk);
    for (const t of targets) fs.writeFile(t, chunk, { append: true });
  }
};
