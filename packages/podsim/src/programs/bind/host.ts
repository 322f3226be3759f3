/**
 * BIND's host: `NAME has address IP` per address (the search list applied), `Host NAME not found:
 * 3(NXDOMAIN)` with status 1, and for an address its PTR as `R domain name pointer NAME.`.
 */
import type { Program } from '../../kernel/process.js';
import { query, unreachable } from './lookup.js';

/** host's default: one UDP retry. */
const TRIES = 2;
const USAGE = 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n';

export function bindHost(): Program {
  return function* (proc) {
    const q = yield* query(proc, USAGE, TRIES);
    if (!q) return 1;
    const { name, server, found } = q;
    if (q.explicit) proc.stdout.write(`Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n`);
    if ('timedOut' in found) {
      proc.stdout.write(unreachable(server, TRIES));
      return 1;
    }
    if ('nxdomain' in found) {
      proc.stdout.write(`Host ${name} not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    if (q.ptr) proc.stdout.write(`${name} domain name pointer ${found.ips[0]}.\n`);
    else if (q.type === 'SRV') proc.stdout.write(found.ips.map((r) => `${found.fqdn} has SRV record ${r}\n`).join(''));
    else proc.stdout.write(found.ips.map((ip) => `${found.fqdn} has address ${ip}\n`).join(''));
    return 0;
  };
}
