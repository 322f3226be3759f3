/**
 * procps-ng's output columns (ps/output.c) as `ps aux`, `ps ax`, `ps -ef` and plain `ps` lay them out:
 * each column's width and alignment, the PID columns as wide as the node's pid_max has digits
 * (4194304, systemd's default since v243: 7), and a value wider than its column borrowing the blanks
 * of the columns after it, as procps does (`1469084 555028 ?      Rl`).
 */
import type { Proc } from '../kernel/process.js';
import { processSize } from './process-sizes.js';

/** What ps reads of one process in /proc (stat, status, cmdline). */
export interface ProcRow {
  proc: Proc;
  user: string;
  tty: string;
  stat: string;
}

interface Column {
  header: string;
  width: number;
  left?: boolean;
  value(r: ProcRow, now: number): string;
}

/** kernel.pid_max of the simulated nodes. */
const PID_MAX = 4194304;
const PID_WIDTH = String(PID_MAX).length;
/** MemTotal of a node (the kubelet's memory capacity), the base of %MEM. */
const MEM_TOTAL_KIB = 4025236;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** START and STIME: the time of day within a day, else month and day, else the year (output.c pr_stime). */
function startTime(startedAt: number, now: number): string {
  const d = new Date(startedAt);
  if (now - startedAt < 24 * 3600_000) return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  if (now - startedAt < 365 * 24 * 3600_000) return `${MONTHS[d.getUTCMonth()]}${pad2(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

/** The simulated programs burn no measurable CPU: cumulative time stays zero, as for idle servers and sleeps. */
const CPU = { bsd: '0:00', unix: '00:00:00' };

/** The user name as procps fits it: names longer than the column end with `+`. */
const userCell = (name: string): string => (name.length > 8 ? `${name.slice(0, 7)}+` : name);

const COLUMNS = {
  user: { header: 'USER', width: 8, left: true, value: (r) => userCell(r.user) },
  uid: { header: 'UID', width: 8, left: true, value: (r) => userCell(r.user) },
  pid: { header: 'PID', width: PID_WIDTH, value: (r) => String(r.proc.pid) },
  ppid: { header: 'PPID', width: PID_WIDTH, value: (r) => String(r.proc.ppid) },
  c: { header: 'C', width: 2, value: () => '0' },
  pcpu: { header: '%CPU', width: 4, value: () => '0.0' },
  pmem: { header: '%MEM', width: 4, value: (r) => ((processSize(r.proc).rss / MEM_TOTAL_KIB) * 100).toFixed(1) },
  vsz: { header: 'VSZ', width: 6, value: (r) => String(processSize(r.proc).vsz) },
  rss: { header: 'RSS', width: 5, value: (r) => String(processSize(r.proc).rss) },
  tty: { header: 'TTY', width: 8, left: true, value: (r) => r.tty },
  stat: { header: 'STAT', width: 4, left: true, value: (r) => r.stat },
  start: { header: 'START', width: 5, value: (r, now) => startTime(r.proc.startedAt, now) },
  stime: { header: 'STIME', width: 5, left: true, value: (r, now) => startTime(r.proc.startedAt, now) },
  bsdtime: { header: 'TIME', width: 6, value: () => CPU.bsd },
  time: { header: 'TIME', width: 8, value: () => CPU.unix },
  args: { header: 'COMMAND', width: 0, left: true, value: (r) => r.proc.argv.join(' ') },
  cmd: { header: 'CMD', width: 0, left: true, value: (r) => r.proc.argv.join(' ') },
  comm: { header: 'CMD', width: 0, left: true, value: (r) => r.proc.comm.slice(0, 15) },
} satisfies Record<string, Column>;

export type ColumnName = keyof typeof COLUMNS;

/** The formats of ps's option sets (procps' `u`, BSD default, `-f` and default ones). */
export const FORMATS: Record<'u' | 'bsd' | 'full' | 'default', ColumnName[]> = {
  u: ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tty', 'stat', 'start', 'bsdtime', 'args'],
  bsd: ['pid', 'tty', 'stat', 'bsdtime', 'args'],
  full: ['uid', 'pid', 'ppid', 'c', 'stime', 'tty', 'time', 'cmd'],
  default: ['pid', 'tty', 'time', 'comm'],
};

/** One line of cells, a wide value taking the padding of the columns after it. */
function line(cells: { text: string; width: number; left?: boolean }[], maxWidth: number): string {
  let debt = 0;
  const out = cells.map(({ text, width, left }, i) => {
    if (i === cells.length - 1 && width === 0) return text;
    let room = width - text.length;
    if (room < 0) debt -= room;
    else {
      const paid = Math.min(room, debt);
      debt -= paid;
      room -= paid;
    }
    const blank = ' '.repeat(Math.max(0, room));
    return left ? text + blank : blank + text;
  });
  const text = out.join(' ');
  return maxWidth > 0 ? text.slice(0, maxWidth) : text;
}

/** The table: header and one line per process; `maxWidth` cuts lines for a terminal (0: no limit). */
export function table(format: ColumnName[], rows: ProcRow[], now: number, maxWidth: number): string {
  const cols = format.map((n) => COLUMNS[n] as Column);
  let out = `${line(cols.map((c) => ({ text: c.header, width: c.width, left: c.left })), maxWidth)}\n`;
  for (const r of rows) out += `${line(cols.map((c) => ({ text: c.value(r, now), width: c.width, left: c.left })), maxWidth)}\n`;
  return out;
}
