/** The standard streams a command runs with, and buffered line reading shared by `read` and scripts. */
import type { InputStream, OutputStream } from '../kernel/streams.js';
import { wait, type Task } from '../kernel/waitable.js';

export interface Io {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Text read past a newline, kept per stream so the next `read` gets it (no lost lines in pipes). */
const leftovers = new WeakMap<InputStream, string>();

/** Reads one line (without its newline), or null at end of input. */
export function* readLine(input: InputStream): Task<string | null> {
  let buf = leftovers.get(input) ?? '';
  for (;;) {
    const nl = buf.indexOf('\n');
    if (nl >= 0) {
      leftovers.set(input, buf.slice(nl + 1));
      return buf.slice(0, nl);
    }
    const chunk = yield* wait(input.read());
    if (chunk === null) {
      leftovers.set(input, '');
      return buf === '' ? null : buf;
    }
    buf += chunk;
  }
}

/** A stream that yields `text` once, then end of input (here-docs, `< file`). */
export function stringInput(text: string): InputStream {
  let done = false;
  return {
    read: () => ({
      subscribe(resume) {
        const v = done || text === '' ? null : text;
        done = true;
        resume(v);
        return () => {};
      },
    }),
  };
}
