/**
 * iputils ping (the iputils / iputils-ping package of Alpine, Debian, Fedora and nicolaka/netshoot):
 * `PING name (ip) 56(84) bytes of data.`, replies numbered from icmp_seq=1, a name target's replies
 * named by their reverse lookup (`NAME (ip)`, the address twice when it has none), the statistics with
 * the time until the last request and rtt min/avg/max/mdev. Exit 0 with a reply, 1 without, 2 when the
 * name does not resolve (getaddrinfo's text: musl's on Alpine, glibc's elsewhere).
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { Deferred, race, sleep, wait } from '../kernel/waitable.js';
import { candidateNames, queryDns, resolveNames, resolverConf } from './net-client.js';
import { replyTtl, rttMicros } from './ping.js';
import { getopt } from './util.js';

/** The default -W: how long the last request's reply is waited for. */
const LINGER_S = 10;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

const ms = (us: number) => `${Math.floor(us / 1000)}.${String(Math.floor(us) % 1000).padStart(3, '0')}`;

export const iputilsPing: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), '46nqc:s:i:W:w:');
  if (o.error) {
    proc.stderr.write(`ping: invalid option -- '${o.error.replace(/^-+/, '')}'\n`);
    return 2;
  }
  const target = o.operands[0];
  if (target === undefined) {
    proc.stderr.write('ping: usage error: Destination address required\n');
    return 1;
  }
  const fs = machineOf(proc).fs;
  const numericTarget = IPV4.test(target);
  const found = numericTarget ? { fqdn: target, ips: [target] } : resolveNames(proc, candidateNames(proc, target));
  if (typeof found !== 'object') {
    const musl = fs.exists('/etc/alpine-release');
    proc.stderr.write(`ping: ${target}: ${found === 'timeout' ? 'Try again' : musl ? 'Name does not resolve' : 'Name or service not known'}\n`);
    return 2;
  }
  const ip = found.ips[0];
  const numeric = numericTarget || o.flags.has('n');
  const server = resolverConf(proc).nameserver;
  const from = (): string => {
    if (numeric) return ip;
    const ptr = server === undefined ? undefined : queryDns(proc, server, { name: ip, type: 'PTR' })?.answers[0];
    return `${ptr?.replace(/\.$/, '') ?? ip} (${ip})`;
  };
  const count = Number(o.flags.get('c') ?? 0);
  const size = Number(o.flags.get('s') ?? 56);
  const intervalMs = Math.round(Number(o.flags.get('i') ?? 1) * 1000);
  const deadline = o.flags.has('w') ? proc.clock.now() + Number(o.flags.get('w')) * 1000 : Infinity;
  const quiet = o.flags.has('q');
  proc.stdout.write(`PING ${found.fqdn} (${ip}) ${size}(${size + 28}) bytes of data.\n`);
  const times: number[] = [];
  let sent = 0;
  const start = proc.clock.now();
  let lastSent: number | undefined;
  const interrupted = new Deferred<void>();
  proc.trap(SIGNALS.SIGINT, () => interrupted.resolve());
  const pause = (waitMs: number) => race([interrupted, sleep(proc.clock, Math.max(0, Math.min(waitMs, deadline - proc.clock.now())))]);
  for (;;) {
    sent++;
    lastSent = proc.clock.now();
    const ttl = replyTtl(proc, ip);
    if (ttl !== undefined) {
      const us = rttMicros(ttl, sent - 1);
      times.push(us);
      if (!quiet) proc.stdout.write(`${size + 8} bytes from ${from()}: icmp_seq=${sent} ttl=${ttl} time=${ms(us)} ms\n`);
    }
    if (count > 0 && sent >= count && times.length > 0) break;
    const last = count > 0 && sent >= count;
    const waitMs = last ? Number(o.flags.get('W') ?? LINGER_S) * 1000 : intervalMs;
    const r = yield* wait(pause(waitMs));
    if (r.index === 0 || last || proc.clock.now() >= deadline) break;
  }
  const loss = Math.floor(((sent - times.length) * 100) / sent);
  // The time runs to the last request; a real host's scheduling adds about a millisecond a request.
  const elapsed = (lastSent ?? start) - start + (sent - 1);
  proc.stdout.write(`\n--- ${found.fqdn} ping statistics ---\n${sent} packets transmitted, ${times.length} received, ${loss}% packet loss, time ${elapsed}ms\n`);
  if (times.length) {
    const avg = times.reduce((a, b) => a + b, 0) / times.length;
    const mdev = Math.sqrt(Math.max(0, times.reduce((a, b) => a + b * b, 0) / times.length - avg * avg));
    proc.stdout.write(`rtt min/avg/max/mdev = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))}/${ms(mdev)} ms\n`);
  }
  return times.length ? 0 : 1;
};
