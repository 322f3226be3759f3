/** Server side for the image programs: binds a port of the pod for as long as the process lives. */
import { machineOf } from '../kernel/machine.js';
import type { HttpRequest, HttpResponse, Listener } from '../kernel/net.js';
import type { Proc } from '../kernel/process.js';
import type { Waitable } from '../kernel/waitable.js';

/** Binds `port` in the process's network namespace; the socket closes when the process exits. */
export function bindPort(proc: Proc, port: number, http?: (req: HttpRequest) => HttpResponse | Waitable<HttpResponse>, open?: Listener['open']): 'ok' | 'EADDRINUSE' {
  const net = machineOf(proc).net;
  if (!net) return 'ok';
  const listener: Listener = { port, owner: `${proc.comm}/${proc.pid}`, http, open };
  if (net.listen(listener) === 'EADDRINUSE') return 'EADDRINUSE';
  proc.exited.subscribe(() => net.close(port, listener));
  return 'ok';
}
