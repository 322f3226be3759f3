/**
 * free: the node's memory as /proc/meminfo shows it inside a container (not the container's limit),
 * with the container's own usage counted as used. -k (default), -m, -g, -h.
 */
import type { Program } from '../kernel/process.js';
import { containerContextOf } from '../kernel/container-context.js';
import { badOption, flavorOf, getopt, inBinaryUnits } from './util.js';

/** A 8 GiB worker node, a little over an eighth of it in use by the system. */
const NODE_KIB = { total: 8_039_420, used: 1_034_152, shared: 1_212, cache: 1_534_456 };

function human(kib: number, gnu: boolean): string {
  const { value, unit, scaled } = inBinaryUnits(kib);
  return scaled ? `${value < 10 ? value.toFixed(1) : Math.round(value)}${unit}${gnu ? 'i' : ''}` : `${value}K`;
}

export const free: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'bkmght');
  if (o.error) return badOption(proc, o.error);
  const gnu = flavorOf(proc) === 'gnu';
  const used = NODE_KIB.used + Math.round((containerContextOf(proc)?.memory.usage() ?? 0) / 1024);
  const freeKib = NODE_KIB.total - used - NODE_KIB.cache;
  const available = NODE_KIB.total - used;
  const scale = (kib: number) => (o.flags.has('h') ? human(kib, gnu) : String(o.flags.has('g') ? Math.floor(kib / 1048576) : o.flags.has('m') ? Math.floor(kib / 1024) : o.flags.has('b') ? kib * 1024 : kib));
  const label = gnu ? 8 : 7;
  const row = (name: string, values: number[]) => name.padEnd(label) + values.map((v) => scale(v).padStart(12)).join('') + '\n';
  let out = ' '.repeat(label) + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('') + '\n';
  out += row('Mem:', [NODE_KIB.total, used, freeKib, NODE_KIB.shared, NODE_KIB.cache, available]);
  out += row('Swap:', [0, 0, 0]);
  proc.stdout.write(out);
  return 0;
};
