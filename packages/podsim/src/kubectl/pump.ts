/** Copies an input stream into a pipe chunk by chunk (kubectl's stdin → remote stream copier). */
import type { InputStream, Pipe } from '../kernel/streams.js';
import type { Cancel } from '../kernel/waitable.js';

export function pump(input: InputStream, into: Pipe): Cancel {
  let cancel: Cancel | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    cancel = input.read().subscribe((chunk) => {
      if (chunk === null) {
        into.close();
        return;
      }
      into.write(chunk);
      next();
    });
  };
  next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
