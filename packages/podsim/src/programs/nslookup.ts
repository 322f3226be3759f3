/**
 * busybox nslookup against the pod's DNS server. BusyBox up to 1.28 asks the C library (search list
 * of /etc/resolv.conf honoured; `Address 1: IP NAME` lines with reverse names); 1.29 rewrote it as its
 * own DNS client that sends the name as typed, so `nslookup kubernetes.default` is NXDOMAIN there
 * (docker-library/busybox#48, #75; kubernetes/website#31930 show both outputs). When no server
 * answers (CoreDNS scaled to zero), the C library gives up after its timeout and the new client after
 * its 5 s, each with its own text (the dns-debugging-resolution page; busybox nslookup.c).
 */
import type { Proc, Program } from '../kernel/process.js';
import { sleep, wait, type Task } from '../kernel/waitable.js';
import { busyboxBanner, busyboxRelease } from './busybox-release.js';
import { candidateNames, queryDns, resolveNames, resolverConf } from './net-client.js';

/** RES_TIMEOUT × RES_DFLRETRY of the C library's resolver, and busybox's own -timeout default. */
const LIBC_TIMEOUT_MS = 10_000;
const CLIENT_TIMEOUT_MS = 5_000;

function* libcStyle(proc: Proc, name: string, server: string): Task<number> {
  const reverse = (ip: string) => queryDns(proc, server, { name: ip, type: 'PTR' })?.answers[0];
  const named = (ip: string) => [ip, reverse(ip)].filter(Boolean).join(' ');
  const found = resolveNames(proc, candidateNames(proc, name), server);
  if (found === 'timeout') yield* wait(sleep(proc.clock, LIBC_TIMEOUT_MS));
  proc.stdout.write(`Server:    ${server}\nAddress 1: ${named(server)}\n\n`);
  if (!found || found === 'timeout') {
    proc.stderr.write(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  proc.stdout.write(`Name:      ${name}\n${found.ips.map((ip, i) => `Address ${i + 1}: ${named(ip)}`).join('\n')}\n`);
  return 0;
}

function* clientStyle(proc: Proc, name: string, server: string): Task<number> {
  const found = resolveNames(proc, [name.replace(/\.$/, '')], server);
  if (found === 'timeout') {
    yield* wait(sleep(proc.clock, CLIENT_TIMEOUT_MS));
    proc.stdout.write(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  proc.stdout.write(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (!found) {
    proc.stdout.write(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  proc.stdout.write(found.ips.map((ip) => `Name:\t${found.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
  return 0;
}

export const nslookup: Program = function* (proc) {
  const [name, server] = proc.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!name) {
    proc.stderr.write(`${busyboxBanner(proc)}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n`);
    return 1;
  }
  const dnsServer = server ?? resolverConf(proc).nameserver ?? '127.0.0.1';
  const [major, minor] = busyboxRelease(proc);
  return major === 1 && minor < 29 ? yield* libcStyle(proc, name, dnsServer) : yield* clientStyle(proc, name, dnsServer);
};
