/** busybox nslookup against the cluster DNS (10.96.0.10), following /etc/resolv.conf search domains. */
import type { Program } from '../kernel/process.js';
import { resolveFqdn } from './net-client.js';
import { BUSYBOX_BANNER } from './util.js';

const SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

export const nslookup: Program = function* (proc) {
  const name = proc.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    proc.stderr.write(`${BUSYBOX_BANNER}\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n`);
    return 1;
  }
  const found = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? undefined : resolveFqdn(proc, name);
  if (!found) {
    proc.stdout.write(`${SERVER}** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  proc.stdout.write(`${SERVER}Name:\t${found.fqdn}\nAddress: ${found.ip}\n\n`);
  return 0;
};
