/**
 * BIND's host: `NAME has address IP` per address (the search list applied), `Host NAME not found:
 * 3(NXDOMAIN)` with status 1, and for an address its PTR as `R domain name pointer NAME.`.
 */
import type { Program } from '../../kernel/process.js';
import { candidateNames } from '../net-client.js';
import { ask, reverseName, serverOf, unreachable } from './lookup.js';

/** host's default: one UDP retry. */
const TRIES = 2;

export function bindHost(): Program {
  return function* (proc) {
    const [name, explicit] = proc.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!name) {
      proc.stderr.write('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
      return 1;
    }
    const server = serverOf(proc, explicit);
    if (explicit) proc.stdout.write(`Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n`);
    const ptr = /^\d+\.\d+\.\d+\.\d+$/.test(name);
    const found = yield* ask(proc, server, ptr ? [name] : candidateNames(proc, name), ptr ? 'PTR' : 'A', TRIES);
    if ('timedOut' in found) {
      proc.stdout.write(unreachable(server, TRIES));
      return 1;
    }
    if ('nxdomain' in found) {
      proc.stdout.write(`Host ${ptr ? reverseName(name) : name} not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    if (ptr) proc.stdout.write(`${reverseName(name)} domain name pointer ${found.ips[0]}.\n`);
    else proc.stdout.write(found.ips.map((ip) => `${found.fqdn} has address ${ip}\n`).join(''));
    return 0;
  };
}
