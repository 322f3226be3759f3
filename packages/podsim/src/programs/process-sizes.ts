/**
 * What ps shows of a process's memory (VSZ, RSS in KiB) and threads (STAT `l`), by program. The
 * coreutils, dash, bash and procps figures are those of Debian bookworm's amd64 binaries as procps
 * 4.0.2 reports them (measured with `ps -o vsz,rss,nlwp`); the servers' are their images' usual
 * figures when idle (redis-server runs its three bio threads and jemalloc's background thread), and
 * a kubeadm node's daemons' (containerd and the kubelet are Go programs with a dozen threads).
 */
import type { Proc } from '../kernel/process.js';

export interface ProcessSize {
  vsz: number;
  rss: number;
  threads: number;
}

const SIZES: Record<string, [vsz: number, rss: number, threads?: number]> = {
  bash: [4188, 3456],
  sh: [2592, 1700],
  dash: [2592, 1700],
  sleep: [2920, 1800],
  ps: [8680, 4800],
  grep: [3896, 2204],
  tail: [2952, 1772],
  cat: [2936, 1784],
  nginx: [11404, 7424],
  'nginx-worker': [11868, 2896],
  'redis-server': [139216, 11520, 5],
  pause: [1020, 512],
  init: [166888, 11904],
  'systemd-journald': [47832, 15104],
  'systemd-udevd': [25260, 6272],
  cron: [6896, 2816],
  'sshd:': [15436, 8960],
  containerd: [1876556, 48124, 11],
  kubelet: [2047712, 89344, 15],
};

/** A small static binary when the table does not know the program. */
const DEFAULT: ProcessSize = { vsz: 2480, rss: 1536, threads: 1 };

/** The program a process runs, by its command name; nginx's workers differ from their master. */
function programOf(p: Proc): string {
  if (p.argv[0]?.startsWith('nginx: worker')) return 'nginx-worker';
  if (p.argv[0]?.startsWith('nginx: master')) return 'nginx';
  return (p.argv[0] ?? '').split(/\s/)[0]!.split('/').pop() ?? '';
}

export function processSize(p: Proc): ProcessSize {
  const s = SIZES[programOf(p)];
  return s ? { vsz: s[0], rss: s[1], threads: s[2] ?? 1 } : DEFAULT;
}
