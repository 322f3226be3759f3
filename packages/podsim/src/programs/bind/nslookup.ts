/**
 * BIND's nslookup (dnsutils, bind-tools): the search list applied as the C library does, `Server:` /
 * `Address: S#53`, one `Name:`/`Address:` pair per address, `** server can't find NAME: NXDOMAIN`.
 */
import type { Program } from '../../kernel/process.js';
import { candidateNames } from '../net-client.js';
import { ask, reverseName, serverOf, unreachable } from './lookup.js';

const TRIES = 3;

export function bindNslookup(): Program {
  return function* (proc) {
    const [name, explicit] = proc.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!name) {
      proc.stderr.write('Usage: nslookup [-opt ...] host server\n');
      return 1;
    }
    const server = serverOf(proc, explicit);
    const ptr = /^\d+\.\d+\.\d+\.\d+$/.test(name);
    const found = yield* ask(proc, server, ptr ? [name] : candidateNames(proc, name), ptr ? 'PTR' : 'A', TRIES);
    if ('timedOut' in found) {
      proc.stdout.write(`${unreachable(server, TRIES)}\n`);
      return 1;
    }
    proc.stdout.write(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
    if ('nxdomain' in found) {
      proc.stdout.write(`** server can't find ${ptr ? reverseName(name) : name}: NXDOMAIN\n\n`);
      return 1;
    }
    if (ptr) proc.stdout.write(`${reverseName(name)}\tname = ${found.ips[0]}.\n\n`);
    else proc.stdout.write(found.ips.map((ip) => `Name:\t${found.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
    return 0;
  };
}
