/**
 * What the Go runtime does for a program that never calls signal.Notify (hello-app, agnhost):
 * SIGTERM/SIGINT/SIGHUP re-raise the signal with the default action; as PID 1 of a container that
 * is ignored, so the runtime exits with status 2 (golang runtime/signal_unix.go dieFromSignal).
 * SIGQUIT dumps goroutines and exits 2. Go's log package prints `2006/01/02 15:04:05 msg` to stderr.
 */
import type { Proc } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { strftime } from './date.js';

export function installGoSignalDefaults(proc: Proc): void {
  const die = (sig: number) => {
    if (proc.pid === 1 && proc.ns.isolated) proc.exit(2);
    else proc.terminate(128 + sig, sig);
  };
  for (const sig of [SIGNALS.SIGTERM, SIGNALS.SIGINT, SIGNALS.SIGHUP]) proc.trap(sig, die);
  proc.trap(SIGNALS.SIGQUIT, () => {
    proc.stderr.write('SIGQUIT: quit\nPC=0x46c0c1 m=0 sigcode=0\n\ngoroutine 0 gp=0x0 m=0 mp=0x0 [idle]:\n');
    proc.exit(2);
  });
  // Signals Go only forwards to signal.Notify channels: without one they are dropped.
  for (const sig of [SIGNALS.SIGUSR1, SIGNALS.SIGUSR2, SIGNALS.SIGPIPE, SIGNALS.SIGALRM, SIGNALS.SIGWINCH, SIGNALS.SIGCHLD]) proc.trap(sig, 'ignore');
}

export function goLog(proc: Proc, message: string): void {
  proc.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', proc.clock.now())} ${message}\n`);
}

/** `listen tcp :8080: bind: address already in use`, as net.Listen reports a taken port. */
export function goListenError(port: string): string {
  return /^\d+$/.test(port) ? `listen tcp :${port}: bind: address already in use` : `listen tcp: lookup tcp/${port}: unknown port`;
}
