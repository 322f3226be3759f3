/** Reading the files named on a command line (or stdin for none or `-`), with each flavour's error words. */
import { FsError } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc } from '../kernel/process.js';
import type { Waitable } from '../kernel/waitable.js';
import { LazyPart } from '../lazy/part.js';
import gnuMessages from './gnu-messages.lazy.js';
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

/** GNU tools' wording of it (gnu-open-errors.ts), a part of its own: reading a missing file is rare at first. */
const GNU_MESSAGES = new LazyPart('gnu-messages', gnuMessages);

/**
 * Reports a failed open as cat-like tools do: busybox `cat: can't open 'x': No such file or directory`
 * (reading a directory: `cat: read error: Is a directory`), GNU in each tool's words (`cat: x: …`,
 * `head: cannot open 'x' for reading: …`).
 */
export function* reportOpenError(proc: Proc, name: string, error: unknown): Generator<Waitable<unknown>, void, unknown> {
  const prog = progName(proc);
  const text = errText(error);
  const directory = error instanceof FsError && error.code === 'EISDIR';
  if (flavorOf(proc) === 'gnu') {
    if (!GNU_MESSAGES.loaded) yield GNU_MESSAGES.whenLoaded();
    proc.stderr.write(GNU_MESSAGES.get().gnuOpenError(prog, name, text, directory));
  } else if (directory) proc.stderr.write(`${prog}: read error: ${text}\n`);
  else proc.stderr.write(`${prog}: can't open ${q(name)}: ${text}\n`);
}
