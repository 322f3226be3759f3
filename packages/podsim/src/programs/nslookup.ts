/**
 * busybox nslookup against the cluster DNS. BusyBox up to 1.28 asks the C library (search list of
 * /etc/resolv.conf honoured; `Address 1: IP NAME` lines with reverse names); 1.29 rewrote it as its
 * own DNS client that sends the name as typed, so `nslookup kubernetes.default` is NXDOMAIN there
 * (docker-library/busybox#48, #75; kubernetes/website#31930 show both outputs).
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { busyboxBanner, busyboxRelease } from './busybox-release.js';
import { candidateNames, resolverConf } from './net-client.js';

function answer(proc: Proc, names: string[]): { fqdn: string; ips: string[] } | undefined {
  const dns = machineOf(proc).net?.network?.dns;
  if (!dns) return undefined;
  for (const fqdn of names) {
    const ips = /^\d+\.\d+\.\d+\.\d+$/.test(fqdn) ? [fqdn] : dns.lookup(fqdn);
    if (ips.length) return { fqdn, ips };
  }
  return undefined;
}

function reverse(proc: Proc, ip: string): string | undefined {
  return machineOf(proc).net?.network?.dns.reverse(ip);
}

function libcStyle(proc: Proc, name: string, server: string): number {
  const named = (ip: string) => [ip, reverse(proc, ip)].filter(Boolean).join(' ');
  proc.stdout.write(`Server:    ${server}\nAddress 1: ${named(server)}\n\n`);
  const found = answer(proc, candidateNames(proc, name));
  if (!found) {
    proc.stderr.write(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  proc.stdout.write(`Name:      ${name}\n${found.ips.map((ip, i) => `Address ${i + 1}: ${named(ip)}`).join('\n')}\n`);
  return 0;
}

function clientStyle(proc: Proc, name: string, server: string): number {
  proc.stdout.write(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const found = answer(proc, [name.replace(/\.$/, '')]);
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
  return major === 1 && minor < 29 ? libcStyle(proc, name, dnsServer) : clientStyle(proc, name, dnsServer);
};
