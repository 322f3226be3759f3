/**
 * iproute2 `ip` in a pod (the iproute2 package of Alpine, Debian, Fedora and nicolaka/netshoot) on the
 * nodes' 5.15 kernel: `ip addr`, `ip link`, `ip route` and their `-br` forms, as ipaddress.c and
 * iproute.c print them. The veth's peer is in the node's namespace: `eth0@ifN` and `link-netnsid 0`,
 * no M-DOWN (iproute2 reads the peer's flags only in its own namespace), no qlen (a veth queues
 * nothing); no `proto kernel_lo`/`kernel_ll` (IFA_PROTO came with 5.18).
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { addressLines, podInterfaces, type PodInterface } from './ip.js';

const OBJECTS: [string, string][] = [
  ['address', 'a'],
  ['link', 'l'],
  ['route', 'r'],
];

function objectOf(word: string): string | undefined {
  return OBJECTS.find(([full, shortest]) => word.startsWith(shortest) && full.startsWith(word))?.[0];
}

const label = (i: PodInterface) => (i.peer ? `${i.name}@if${i.peer}` : i.name);
const state = (i: PodInterface) => (i.name === 'lo' ? 'UNKNOWN' : 'UP');

function linkText(i: PodInterface): string {
  const qlen = i.name === 'lo' ? 'qlen 1000' : '';
  const link = i.name === 'lo' ? `    link/loopback ${i.mac} brd 00:00:00:00:00:00\n` : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n`;
  return `${i.index}: ${label(i)}: <${i.flags}> mtu ${i.mtu} qdisc noqueue state ${state(i)} group default ${qlen}\n${link}`;
}

function brief(i: PodInterface, object: string, family: '' | '4' | '6'): string {
  const head = `${label(i).padEnd(16)} ${state(i).padEnd(14)} `;
  if (object === 'link') return `${head}${i.mac} <${i.flags}> \n`;
  const addrs = [family !== '6' ? i.inet : '', family !== '4' ? i.inet6 : ''].filter(Boolean);
  return `${head}${addrs.map((a) => `${a} `).join('')}\n`;
}

function routes(podIP: string, family: '' | '4' | '6'): string {
  if (family === '6') return '';
  const [a, b, c] = podIP.split('.');
  const gateway = `${a}.${b}.${c}.1`;
  return `default via ${gateway} dev eth0 \n${a}.${b}.0.0/16 via ${gateway} dev eth0 \n${a}.${b}.${c}.0/24 dev eth0 proto kernel scope link src ${podIP} \n`;
}

export const iproute2Ip: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let family: '' | '4' | '6' = '';
  let isBrief = false;
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!;
    if (opt === '-4' || opt === '-6') family = opt.slice(1) as '4' | '6';
    else if (opt === '-br' || opt === '-brief' || opt === '--brief') isBrief = true;
    else if (opt === '-c' || opt === '-color' || opt.startsWith('--color') || opt === '-d' || opt === '-details') continue;
    else {
      proc.stderr.write(`Option "${opt}" is unknown, try "ip -help".\n`);
      return 255;
    }
  }
  const word = args.shift() ?? 'help';
  const object = objectOf(word);
  if (!object) {
    proc.stderr.write(word === 'help' ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n' : `Object "${word}" is unknown, try "ip help".\n`);
    return word === 'help' ? 255 : 1;
  }
  if (args[0] === 'show' || args[0] === 'list' || args[0] === 'ls') args.shift();
  else if (args[0] !== undefined && args[0] !== 'dev') {
    proc.stderr.write(`Command "${args[0]}" is unknown, try "ip ${object} help".\n`);
    return 255;
  }
  if (args[0] === 'dev') args.shift();
  const podIP = machineOf(proc).net?.network ? machineOf(proc).net?.ip : undefined;
  if (object === 'route') {
    if (podIP) proc.stdout.write(routes(podIP, family));
    return 0;
  }
  const ifaces = podInterfaces(podIP);
  const chosen = args[0] === undefined ? ifaces : ifaces.filter((i) => i.name === args[0]);
  if (chosen.length === 0) {
    proc.stderr.write(`Device "${args[0]}" does not exist.\n`);
    return 1;
  }
  for (const i of chosen) proc.stdout.write(isBrief ? brief(i, object, family) : linkText(i) + (object === 'address' ? addressLines(i, family) : ''));
  return 0;
};
