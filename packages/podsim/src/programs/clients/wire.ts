/** The client end of a server's own protocol: resolve, connect, open a session (kernel Session). */
import { machineOf } from '../../kernel/machine.js';
import type { ConnectError, Session } from '../../kernel/net.js';
import type { Proc } from '../../kernel/process.js';
import { connect, resolveHost } from '../net-client.js';

export type Opened =
  | { ok: true; session: Session; ip: string }
  /** `EPROTO`: something listens there but does not speak a session protocol (an HTTP server). */
  | { ok: false; error: ConnectError | 'ENOTFOUND' | 'EPROTO'; ip?: string };

export function openSession(proc: Proc, host: string, port: number): Opened {
  const ip = resolveHost(proc, host);
  if (!ip) return { ok: false, error: 'ENOTFOUND' };
  const listener = connect(proc, ip, port);
  if (typeof listener === 'string') return { ok: false, error: listener, ip };
  // A server sees a loopback connection as coming from 127.0.0.1, any other from this machine's address.
  const loopback = ip === '127.0.0.1' || ip === '::1';
  const session = listener.open?.(loopback ? '127.0.0.1' : (machineOf(proc).net?.ip ?? '127.0.0.1'));
  return session ? { ok: true, session, ip } : { ok: false, error: 'EPROTO', ip };
}

/** Words of an interactive command line: blanks separate, "…" and '…' group (with \\ escapes in "…"). */
export function splitWords(line: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+))/gy;
  let at = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c) : (m[2] ?? m[3]));
    at = re.lastIndex;
  }
  return line.slice(at).trim() === '' ? out : undefined;
}
