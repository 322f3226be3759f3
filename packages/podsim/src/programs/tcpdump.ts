/**
 * tcpdump 4.99 (Debian's package) on the pod's interface: the texts it prints when it starts
 * capturing, and on Ctrl+C (SIGINT/SIGTERM) the packet counts (tcpdump.c cleanup/info), exit 0. The
 * simulated network carries requests, not packets, so nothing is captured. Capturing needs root
 * (CAP_NET_RAW); another user gets libpcap's permission error.
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { forever, wait } from '../kernel/waitable.js';
import { credentialsOf } from './accounts.js';
import { machineOf } from '../kernel/machine.js';
import { badOption, getopt } from './util.js';

const LINK_TYPES: Record<string, string> = { any: 'LINUX_SLL2 (Linux cooked v2)', lo: 'EN10MB (Ethernet)', eth0: 'EN10MB (Ethernet)' };

export const tcpdump: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'i:c:s:w:nvAXeql', { long: { interface: 'i' } });
  if (o.error) return badOption(proc, o.error);
  const iface = String(o.flags.get('i') ?? 'eth0');
  if (!machineOf(proc).net || !LINK_TYPES[iface]) {
    proc.stderr.write(`tcpdump: ${iface}: No such device exists\n(No such device exists)\n`);
    return 1;
  }
  if (credentialsOf(proc).uid !== 0) {
    proc.stderr.write(`tcpdump: ${iface}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`);
    return 1;
  }
  const verbose = o.flags.has('v');
  proc.stderr.write(
    `${verbose ? 'tcpdump: ' : 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n'}listening on ${iface}, link-type ${LINK_TYPES[iface]}, snapshot length ${String(o.flags.get('s') ?? 262144)} bytes\n`,
  );
  const stop = () => {
    proc.stderr.write('\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n');
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGINT, stop);
  proc.trap(SIGNALS.SIGTERM, stop);
  yield* wait(forever);
  return 0;
};
