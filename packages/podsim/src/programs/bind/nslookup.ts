/**
 * BIND's nslookup (dnsutils, bind-tools): the search list applied as the C library does, `Server:` /
 * `Address: S#53`, one `Name:`/`Address:` pair per address, `** server can't find NAME: NXDOMAIN`.
 */
import type { Program } from '../../kernel/process.js';
import { query, unreachable } from './lookup.js';

const TRIES = 3;

export function bindNslookup(): Program {
  return function* (proc) {
    const q = yield* query(proc, 'Usage: nslookup [-opt ...] host server\n', TRIES);
    if (!q) return 1;
    const { name, server, found } = q;
    if ('timedOut' in found) {
      proc.stdout.write(`${unreachable(server, TRIES)}\n`);
      return 1;
    }
    proc.stdout.write(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
    if ('nxdomain' in found) {
      proc.stdout.write(`** server can't find ${name}: NXDOMAIN\n\n`);
      return 1;
    }
    if (q.ptr) proc.stdout.write(`${name}\tname = ${found.ips[0]}.\n\n`);
    else if (q.type === 'SRV') proc.stdout.write(found.ips.map((r) => `${found.fqdn}\tservice = ${r}\n`).join('') + '\n');
    else proc.stdout.write(found.ips.map((ip) => `Name:\t${found.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
    return 0;
  };
}
