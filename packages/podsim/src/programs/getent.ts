/**
 * glibc's getent for the databases scripts ask about: hosts (gethostbyname2 for AF_INET6, then
 * AF_INET: /etc/hosts first, then DNS with the search list; `%-15s NAME ALIASES` per address),
 * ahosts/ahostsv4 (getaddrinfo: STREAM, DGRAM and RAW per address, the canonical name on the first
 * line only), passwd and group (the files' lines, by name or id). A key not found is status 2.
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { sleep, wait, type Task } from '../kernel/waitable.js';
import { candidateNames, hostsFileEntry, resolveNames, type HostsEntry } from './net-client.js';

/** The C library's resolver: RES_TIMEOUT 5 s, two attempts. */
const RESOLVER_TIMEOUT_MS = 10_000;

function* lookupHost(proc: Proc, key: string): Task<HostsEntry | undefined> {
  const local = hostsFileEntry(proc, key, true) ?? hostsFileEntry(proc, key, false);
  if (local) return local;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(key)) return { name: key, aliases: [], ips: [key] };
  const found = resolveNames(proc, candidateNames(proc, key));
  if (found === 'timeout') {
    yield* wait(sleep(proc.clock, RESOLVER_TIMEOUT_MS));
    return undefined;
  }
  return found ? { name: found.fqdn, aliases: [], ips: found.ips } : undefined;
}

function fileEntries(proc: Proc, path: string, key: string): string[] {
  const lines = machineOf(proc).fs.readFileOr(path).split('\n').filter((l) => l !== '');
  return key === '' ? lines : lines.filter((l) => l.split(':')[0] === key || l.split(':')[2] === key);
}

export const getent: Program = function* (proc) {
  const [db, ...keys] = proc.argv.slice(1);
  if (!db) {
    proc.stderr.write("getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n");
    return 1;
  }
  if (db === 'passwd' || db === 'group') {
    let status = 0;
    for (const key of keys.length ? keys : ['']) {
      const lines = fileEntries(proc, `/etc/${db}`, key);
      if (!lines.length) status = 2;
      proc.stdout.write(lines.map((l) => `${l}\n`).join(''));
    }
    return status;
  }
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') {
    proc.stderr.write(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
    return 1;
  }
  if (!keys.length && db === 'hosts') {
    proc.stdout.write(machineOf(proc).fs.readFileOr('/etc/hosts'));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    const host = yield* lookupHost(proc, key);
    if (!host) {
      status = 2;
      continue;
    }
    const ips = db === 'ahostsv4' ? host.ips.filter((ip) => !ip.includes(':')) : host.ips;
    if (db === 'hosts') proc.stdout.write(ips.map((ip) => `${[ip.padEnd(15), host.name, ...host.aliases].join(' ')}\n`).join(''));
    else proc.stdout.write(ips.flatMap((ip, i) => ['STREAM', 'DGRAM', 'RAW'].map((t, j) => `${ip.padEnd(15)} ${t.padEnd(6)} ${i === 0 && j === 0 ? host.name : ''}\n`)).join(''));
  }
  return status;
};
