/**
 * A pseudo-terminal for a process whose terminal is elsewhere (`kubectl exec -it`, `kubectl run -it`):
 * bytes from the client are typed into a Tty, and what the Tty shows goes back to the client.
 */
import type { InputStream, OutputStream } from './streams.js';
import { Tty, ttyOf } from './tty.js';

export interface Pty {
  tty: Tty;
  /** Streams to give the process (all three on the terminal, as a real pty slave). */
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Stops copying client input. */
  close(): void;
}

export function openPty(client: { stdin: InputStream; stdout: OutputStream }, size?: { cols: number; rows: number }): Pty {
  const local = ttyOf(client.stdout);
  const tty = new Tty((data) => client.stdout.write(data), size?.cols ?? local?.cols ?? 80, size?.rows ?? local?.rows ?? 24);
  local?.attachSession(tty);
  let stopped = false;
  let cancel: (() => void) | undefined;
  const next = () => {
    if (stopped) return;
    cancel = client.stdin.read().subscribe((chunk) => {
      if (stopped) return;
      if (chunk === null) {
        local?.detachSession(tty);
        tty.hangup();
        return;
      }
      tty.type(chunk);
      next();
    });
  };
  next();
  return {
    tty,
    stdin: tty.input,
    stdout: tty.output,
    stderr: tty.output,
    close() {
      local?.detachSession(tty);
      stopped = true;
      cancel?.();
    },
  };
}
