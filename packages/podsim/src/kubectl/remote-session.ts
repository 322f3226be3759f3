/**
 * Runs a remote process (exec or attach) connected to kubectl's own streams: stdin copied when -i,
 * the reader's terminal in raw mode when -t so the remote side does its own line editing.
 */
import type { Status } from '../api/types.js';
import { openPty } from '../kernel/pty.js';
import { ttyOf, type RemoteSession } from '../kernel/tty.js';
import type { Proc } from '../kernel/process.js';
import { emptyInput, Pipe, type InputStream, type OutputStream } from '../kernel/streams.js';
import { wait } from '../kernel/waitable.js';
import type { Invocation } from './command.js';
import { pump } from './pump.js';

export type Connect = (stdio: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; tty: boolean }) =>
  | { ok: true; proc: Proc; detach?: () => void; session?: RemoteSession }
  | { ok: false; status: Status };

/** Whether -t can be honoured: it needs -i and a terminal on stdin (kubectl exec SetupTTY). */
export function ttyWanted(inv: Invocation, stdin: boolean, tty: boolean, quiet: boolean): boolean {
  if (!stdin || !tty) return false;
  if (ttyOf(inv.proc.stdin) || inv.proc.stdin.isTTY) return true;
  if (!quiet) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  return false;
}

/** Without -t the remote side writes into a stream, never a terminal, even when kubectl's own output is one. */
function streamed(out: OutputStream): OutputStream {
  return { write: (data) => out.write(data) };
}

/**
 * With a TTY the remote process gets a pseudo-terminal fed by the reader's keystrokes (the local
 * terminal in raw mode, so Ctrl+C and line editing happen remotely); with -i only a pipe of stdin.
 */
export function* runRemote(inv: Pick<Invocation, 'proc'>, connect: Connect, stdin: boolean, tty: boolean) {
  const term = tty ? ttyOf(inv.proc.stdin) : undefined;
  const pty = tty ? openPty({ stdin: inv.proc.stdin, stdout: inv.proc.stdout }) : undefined;
  const input = stdin && !pty ? new Pipe() : undefined;
  const stdio = pty ? { stdin: pty.stdin, stdout: pty.stdout, stderr: pty.stderr, tty: true } : { stdin: input ?? emptyInput, stdout: streamed(inv.proc.stdout), stderr: streamed(inv.proc.stderr), tty: false };
  const saved = term?.mode;
  term?.setMode({ canonical: false, echo: false, isig: false });
  const r = connect(stdio);
  if (!r.ok) {
    pty?.close();
    if (term && saved) term.setMode(saved);
    return { ok: false as const, status: r.status };
  }
  pty?.tty.setForeground(r.proc.ns, r.proc.pgid);
  const stop = input ? pump(inv.proc.stdin, input) : undefined;
  // An attached process reads a pipe, not this terminal: the reader's terminal is busy until it reads again.
  const session = r.session;
  const local = session ? ttyOf(inv.proc.stdin) : undefined;
  if (session) local?.attachSession(session);
  try {
    const code = yield* wait(r.proc.exited);
    return { ok: true as const, code };
  } finally {
    // Interrupted or done: an attached container must stop writing to this terminal.
    if ('detach' in r) r.detach?.();
    if (session) local?.detachSession(session);
    stop?.();
    pty?.close();
    if (term && saved) term.setMode(saved);
  }
}
