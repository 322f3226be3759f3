/**
 * df inside a container: the overlay root, /dev, the kubelet-managed files and each volume, in
 * busybox's fixed columns (-h for sizes like 94.3G, -k the default).
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { badOption, getopt, inBinaryUnits } from './util.js';

/** The node's root disk (100 GB, a fifth used) backs the overlay and emptyDir volumes. */
const DISK = { size: 98_831_908, used: 19_214_448 };
const TMPFS = { size: 65_536, used: 0 };

function human(kib: number): string {
  if (kib === 0) return '0';
  const { value, unit, scaled } = inBinaryUnits(kib);
  return `${value < 10 && scaled ? value.toFixed(1) : Math.round(value)}${unit}`;
}

export const df: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'hkPTa');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  const rows: [string, { size: number; used: number }, string][] = [['overlay', DISK, '/'], ['tmpfs', TMPFS, '/dev']];
  for (const f of ['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf']) if (fs.exists(f)) rows.push(['/dev/root', DISK, f]);
  for (const m of fs.mountPoints()) rows.push([m.path.includes('serviceaccount') ? 'tmpfs' : '/dev/root', m.path.includes('serviceaccount') ? { size: 8_039_420, used: 12 } : DISK, m.path]);
  const size = (n: number) => (o.flags.has('h') ? human(n) : String(n));
  let out = `${'Filesystem'.padEnd(20)}${(o.flags.has('h') ? 'Size' : '1K-blocks').padStart(10)}${'Used'.padStart(10)}${'Available'.padStart(10)}${'Use%'.padStart(5)} Mounted on\n`;
  for (const [name, d, mount] of rows) {
    const pct = d.size === 0 ? 0 : Math.ceil((d.used / d.size) * 100);
    out += `${name.padEnd(20)}${size(d.size).padStart(10)}${size(d.used).padStart(10)}${size(d.size - d.used).padStart(10)}${`${pct}%`.padStart(5)} ${mount}\n`;
  }
  proc.stdout.write(out);
  return 0;
};
