/**
 * busybox `ip` (networking/libiproute): `ip addr` / `ip link` for the pod's two interfaces, printed
 * as ipaddress.c prints them: the loopback, and eth0, one end of the veth pair the CNI plugin made
 * (`eth0@ifN`, N the host end's index; M-DOWN because that end's flags are not visible from the
 * pod's namespace). The MAC is the bridge plugin's `0a:58` + the IPv4 address, the link-local IPv6
 * address its EUI-64.
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** A pod's interface as the kernel holds it: what both busybox's and iproute2's `ip` print from. */
export interface PodInterface {
  index: number;
  name: string;
  /** The host end's index of a veth pair (`eth0@ifN`). */
  peer?: number;
  flags: string;
  mtu: number;
  mac: string;
  inet: string;
  inet6: string;
}

/** The loopback, and eth0 once the pod has an address: one end of the veth pair the CNI plugin made. */
export function podInterfaces(podIP: string | undefined): PodInterface[] {
  const lo: PodInterface = { index: 1, name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, mac: '00:00:00:00:00:00', inet: '127.0.0.1/8', inet6: '::1/128' };
  if (!podIP) return [lo];
  const octets = podIP.split('.').map(Number);
  const mac = [0x0a, 0x58, ...octets];
  const linkLocal = `fe80::${hex(mac[0] ^ 2)}${hex(mac[1])}:${hex(mac[2])}ff:fe${hex(mac[3])}:${hex(mac[4])}${hex(mac[5])}`.replace(/(^|:)0+(?=[0-9a-f])/g, '$1');
  // The host ends are numbered after the node's own interfaces, one per pod it started.
  const peer = octets[3] + 3;
  return [lo, { index: 2, name: 'eth0', peer, flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, mac: mac.map(hex).join(':'), inet: `${podIP}/24`, inet6: `${linkLocal}/64` }];
}

/** The address lines of one interface, the same in busybox's and iproute2's print_addrinfo (no IFA_PROTO before 5.18). */
export function addressLines(i: PodInterface, family: '' | '4' | '6'): string {
  const lo = i.name === 'lo';
  return (
    (family === '6' ? '' : `    inet ${i.inet} scope ${lo ? 'host' : 'global'} ${i.name}\n       valid_lft forever preferred_lft forever\n`) +
    (family === '4' ? '' : `    inet6 ${i.inet6} scope ${lo ? 'host' : 'link'} \n       valid_lft forever preferred_lft forever\n`)
  );
}

/** busybox's lines for one interface (ipaddress.c print_linkinfo, then the addresses). */
function busyboxText(i: PodInterface, family: '' | '4' | '6', links: boolean): string {
  const head =
    i.name === 'lo'
      ? `1: lo: <${i.flags}> mtu ${i.mtu} qdisc noqueue qlen 1000\n    link/loopback ${i.mac} brd 00:00:00:00:00:00\n`
      : `${i.index}: ${i.name}@if${i.peer}: <${i.flags},M-DOWN> mtu ${i.mtu} qdisc noqueue \n    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff\n`;
  return head + (links ? '' : addressLines(i, family));
}

const OBJECTS: [prefix: string, full: string][] = [
  ['a', 'address'],
  ['l', 'link'],
];

export const ip: Program = function* (proc: Proc) {
  const args = proc.argv.slice(1);
  let family: '' | '4' | '6' = '';
  while (/^-[46]$/.test(args[0] ?? '')) family = args.shift()!.slice(1) as '4' | '6';
  const object = OBJECTS.find(([p, full]) => args[0] !== undefined && args[0].startsWith(p) && full.startsWith(args[0]))?.[1];
  if (!object) {
    proc.stderr.write(args[0] === undefined ? 'ip: an object is needed (address, link)\n' : `ip: '${args[0]}' is not simulated in this sandbox (address and link are)\n`);
    return 1;
  }
  const rest = args.slice(1);
  if (rest[0] === 'show' || rest[0] === 'list' || rest[0] === 'ls') rest.shift();
  if (rest[0] === 'dev') rest.shift();
  const ifaces = podInterfaces(machineOf(proc).net?.network ? machineOf(proc).net?.ip : undefined);
  const chosen = rest[0] === undefined ? ifaces : ifaces.filter((i) => i.name === rest[0]);
  if (chosen.length === 0) {
    proc.stderr.write(`ip: can't find device '${rest[0]}'\n`);
    return 1;
  }
  proc.stdout.write(chosen.map((i) => busyboxText(i, family, object === 'link')).join(''));
  return 0;
};
