/** Reading the files named on a command line (or stdin for none or `-`), with each flavour's error words. */
import { FsError } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc } from '../kernel/process.js';
import type { Waitable } from '../kernel/waitable.js';
import { abs, errText, flavorOf, progName, q, readAll } from './util.js';

export type Source = { name: string; data: string } | { name: string; error: unknown };

export function readFileOf(proc: Proc, name: string): Source {
  try {
    return { name, data: machineOf(proc).fs.readFile(abs(proc, name)) };
  } catch (e) {
    return { name, error: e };
  }
}

/** Reads each operand in order; none (or `-`) means stdin. */
export function* readSources(proc: Proc, operands: string[]): Generator<Waitable<unknown>, Source[], unknown> {
  const out: Source[] = [];
  for (const name of operands.length === 0 ? ['-'] : operands) {
    if (name === '-') out.push({ name, data: yield* readAll(proc) });
    else out.push(readFileOf(proc, name));
  }
  return out;
}

/**
 * Reports a failed open as cat-like tools do: busybox `cat: can't open 'x': No such file or directory`
 * (reading a directory: `cat: read error: Is a directory`), GNU `cat: x: No such file or directory`.
 */
export function reportOpenError(proc: Proc, name: string, error: unknown): void {
  const prog = progName(proc);
  const text = errText(error);
  if (flavorOf(proc) === 'gnu') proc.stderr.write(`${prog}: ${name}: ${text}\n`);
  else if (error instanceof FsError && error.code === 'EISDIR') proc.stderr.write(`${prog}: read error: ${text}\n`);
  else proc.stderr.write(`${prog}: can't open ${q(name)}: ${text}\n`);
}
