/**
 * lsof 4.95 (Debian's package) over the caller's PID namespace: per process its cwd, root, program
 * text, the C library a GNU image maps, its standard descriptors (the terminal of an exec'd shell, or
 * the runtime's /dev/null and log pipes for a container's own processes) and its listening sockets
 * (`TCP *:http (LISTEN)`, the port named from /etc/services unless -P). Columns as lsof 4.95 lays them
 * out (its print.c widths: FD right-aligned in 4 plus mode and lock characters). Without CAP_SYS_PTRACE
 * (a container's default) root cannot read another user's /proc/PID entries: lsof says so per process.
 */
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { ttyOf } from '../kernel/tty.js';
import { credentialsOf } from './accounts.js';
import { processUserNames } from './ps.js';
import { badOption, getopt } from './util.js';

interface Row {
  command: string;
  pid: string;
  user: string;
  fd: string;
  mode: string;
  type: string;
  device: string;
  size: string;
  node: string;
  name: string;
}

const SERVICES: Record<number, string> = { 21: 'ftp', 22: 'ssh', 25: 'smtp', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 27017: 'mongodb' };

/** A stable inode number per path (the overlay's inodes are only identities). */
function inode(path: string): string {
  let h = 2166136261;
  for (const ch of path) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return String(1_000_000 + (h % 8_000_000));
}

const OVERLAY_DEV = '0,46';

function rowsOf(caller: Proc, p: Proc, user: string, numericPorts: boolean): Row[] {
  const base = { command: p.comm.slice(0, 9), pid: String(p.pid), user };
  const fs = machineOf(p).fs;
  const callerUid = credentialsOf(caller).uid;
  if (credentialsOf(p).uid !== callerUid) {
    const denied = (fd: string, what: string, call: string): Row => ({ ...base, fd, mode: '', type: 'unknown', device: '', size: '', node: '', name: `/proc/${p.pid}/${what} (${call}: Permission denied)` });
    return [denied('cwd', 'cwd', 'readlink'), denied('rtd', 'root', 'readlink'), denied('txt', 'exe', 'readlink'), { ...denied('NOFD', 'fd', 'opendir'), type: '' }];
  }
  const file = (fd: string, type: string, path: string): Row => {
    let size = 4096;
    try {
      size = fs.stat(path).size;
    } catch {
      // A program the image provides without a file of its own (a busybox applet) keeps the directory block size.
    }
    return { ...base, fd, mode: '', type, device: OVERLAY_DEV, size: String(size), node: inode(path), name: path };
  };
  const exe = p.argv[0]?.startsWith('/') ? p.argv[0] : `/usr/bin/${p.comm}`;
  const rows = [file('cwd', 'DIR', p.cwd), file('rtd', 'DIR', '/'), file('txt', 'REG', exe)];
  if (machineOf(p).flavor !== 'busybox') for (const lib of ['/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2']) rows.push(file('mem', 'REG', lib));
  const tty = ttyOf(p.stdin) ?? ttyOf(p.stdout);
  const std = (fd: number, mode: string): Row =>
    tty
      ? { ...base, fd: String(fd), mode: 'u', type: 'CHR', device: '136,0', size: '0t0', node: '3', name: '/dev/pts/0' }
      : fd === 0
        ? { ...base, fd: '0', mode: 'u', type: 'CHR', device: '1,3', size: '0t0', node: '5', name: '/dev/null' }
        : { ...base, fd: String(fd), mode, type: 'FIFO', device: '0,13', size: '0t0', node: inode(`pipe:${p.pid}:${fd}`), name: 'pipe' };
  rows.push(std(0, 'u'), std(1, 'w'), std(2, 'w'));
  const net = machineOf(p).net;
  let fd = 3;
  for (const port of net?.ports() ?? []) {
    if (net?.listener(port)?.owner !== `${p.comm}/${p.pid}`) continue;
    rows.push({ ...base, fd: String(fd++), mode: 'u', type: 'IPv4', device: inode(`socket:${p.pid}:${port}`), size: '0t0', node: 'TCP', name: `*:${numericPorts ? port : (SERVICES[port] ?? port)} (LISTEN)` });
  }
  return rows;
}

function layout(rows: Row[]): string {
  const w = (k: keyof Row, title: string) => Math.max(title.length, ...rows.map((r) => r[k].length));
  const cw = w('command', 'COMMAND');
  const pw = w('pid', 'PID');
  const uw = w('user', 'USER');
  const fw = Math.max(4, ...rows.map((r) => r.fd.length));
  const tw = w('type', 'TYPE');
  const dw = w('device', 'DEVICE');
  const sw = w('size', 'SIZE/OFF');
  const nw = w('node', 'NODE');
  const line = (r: Row, mode: string) =>
    `${r.command.padEnd(cw)} ${r.pid.padStart(pw)} ${r.user.padEnd(uw)} ${r.fd.padStart(fw)}${mode} ${r.type.padStart(tw)} ${r.device.padStart(dw)} ${r.size.padStart(sw)} ${r.node.padStart(nw)} ${r.name}`;
  const header = line({ command: 'COMMAND', pid: 'PID', user: 'USER', fd: 'FD', mode: '', type: 'TYPE', device: 'DEVICE', size: 'SIZE/OFF', node: 'NODE', name: 'NAME' }, '  ');
  return [header, ...rows.map((r) => line(r, `${r.mode || ' '} `))].map((l) => `${l.trimEnd()}\n`).join('');
}

export const lsof: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'p:nPiVl', {});
  if (o.error) return badOption(proc, o.error);
  const only = o.flags.get('p');
  const userOf = processUserNames(proc);
  const procs = proc.ns.list().filter((p) => only === undefined || String(only).split(',').includes(String(p.pid)));
  const rows = procs.flatMap((p) => rowsOf(proc, p, userOf(p), o.flags.has('P'))).filter((r) => !o.flags.has('i') || r.type === 'IPv4');
  if (rows.length === 0) return 1;
  proc.stdout.write(layout(rows));
  return 0;
};
