/**
 * busybox ping (networking/ping.c, the "fancy" build the images carry): one echo request per
 * interval, a line per reply, the statistics when the count is reached or on Ctrl+C, exit 0 when any
 * reply came. A name resolves as the C library does (hosts file, then DNS with the search list); one
 * that does not is `bad address`. Pods, nodes and the machine itself answer; a Service's virtual IP
 * does not (kube-proxy forwards only its ports), nor an address nobody holds.
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { Deferred, race, sleep, wait } from '../kernel/waitable.js';
import { resolveHost } from './net-client.js';
import { badOption, fail, getopt, missingOperand } from './util.js';

/** ping.c MAXWAIT: how long the last request's reply is waited for when none came before. */
const MAX_WAIT_S = 10;

/** The TTL a reply arrives with: 64 from the machine itself, one less per node that forwards it. */
export function replyTtl(proc: Proc, ip: string): number | undefined {
  const net = machineOf(proc).net;
  if (ip === '127.0.0.1' || ip === net?.ip || !net) return ip === '127.0.0.1' || ip === net?.ip ? 64 : undefined;
  const peer = net.network?.namespaceOf(ip);
  if (!peer) return undefined;
  // Each node holds one /24 of the pod network: the same /24 is the same node's bridge.
  const subnet = (a: string) => a.split('.').slice(0, 3).join('.');
  return subnet(ip) === subnet(net.ip) ? 63 : 62;
}

/** Round-trip microseconds: loopback, through the node's bridge, or across nodes, with a little jitter. */
export function rttMicros(ttl: number, seq: number): number {
  const base = ttl === 64 ? 45 : ttl === 63 ? 80 : 420;
  return base + ((seq * 37 + 11) % 29);
}

const ms = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

export const ping: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), '46qc:s:i:W:w:');
  if (o.error) return badOption(proc, o.error);
  const host = o.operands[0];
  if (host === undefined) return missingOperand(proc);
  const ip = resolveHost(proc, host);
  if (!ip) return fail(proc, `bad address '${host}'`);
  const count = Number(o.flags.get('c') ?? 0);
  const size = Number(o.flags.get('s') ?? 56);
  const intervalMs = Math.round(Number(o.flags.get('i') ?? 1) * 1000);
  const deadline = o.flags.has('w') ? proc.clock.now() + Number(o.flags.get('w')) * 1000 : Infinity;
  const quiet = o.flags.has('q');
  proc.stdout.write(`PING ${host} (${ip}): ${size} data bytes\n`);
  const times: number[] = [];
  let sent = 0;
  const interrupted = new Deferred<void>();
  proc.trap(SIGNALS.SIGINT, () => interrupted.resolve());
  const pause = (waitMs: number) => race([interrupted, sleep(proc.clock, Math.max(0, Math.min(waitMs, deadline - proc.clock.now())))]);
  for (;;) {
    sent++;
    const ttl = replyTtl(proc, ip);
    if (ttl !== undefined) {
      const us = rttMicros(ttl, sent - 1);
      times.push(us);
      if (!quiet) proc.stdout.write(`${size + 8} bytes from ${ip}: seq=${sent - 1} ttl=${ttl} time=${ms(us)} ms\n`);
    }
    if (count > 0 && times.length >= count) break;
    const last = count > 0 && sent >= count;
    // After the last request: wait for a late reply (-W, else MAXWAIT when none came at all).
    const waitMs = last ? Number(o.flags.get('W') ?? (times.length ? 0 : MAX_WAIT_S)) * 1000 : intervalMs;
    const r = yield* wait(pause(waitMs));
    if (r.index === 0 || last || proc.clock.now() >= deadline) break;
  }
  const loss = Math.floor(((sent - times.length) * 100) / sent);
  proc.stdout.write(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${times.length} packets received, ${loss}% packet loss\n`);
  if (times.length) {
    const avg = Math.round(times.reduce((a, b) => a + b, 0) / times.length);
    proc.stdout.write(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))} ms\n`);
  }
  return times.length ? 0 : 1;
};
