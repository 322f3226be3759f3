/**
 * The /proc files tutorials read inside a container, written when the container is created:
 * mounts (the overlay root, the kernel file systems, the kubelet-managed files and the pod's
 * volumes, as containerd sets them up) and PID 1's status, memory map, namespaces and root. Files only: /proc is a
 * snapshot of what is fixed for the container's life.
 */
import { dirname, newDir, type FileSystem } from '../kernel/fs.js';
import type { Credentials, MachineContext } from '../kernel/machine.js';
import type { PidNamespace, Proc } from '../kernel/process.js';
import { capabilityMask } from './capabilities.js';
import type { UsernsMapping } from './types.js';

const BASE = [
  'overlay / overlay rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/12/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/13/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/13/work 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
  'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0',
  'mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0',
  'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0',
  'cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime 0 0',
];

const KUBELET_FILES = ['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf'];

export function mountsFile(volumes: { path: string; readOnly: boolean }[], terminationMessagePath: string, readOnlyRoot = false): string {
  const lines = [...BASE];
  if (readOnlyRoot) lines[0] = lines[0]!.replace(' overlay rw,', ' overlay ro,');
  for (const f of KUBELET_FILES) lines.push(`/dev/sda1 ${f === '/dev/termination-log' ? terminationMessagePath : f} ext4 rw,relatime,discard,errors=remount-ro 0 0`);
  lines.push('shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0');
  for (const v of volumes) {
    const secret = v.path.startsWith('/var/run/secrets') || v.path.startsWith('/run/secrets');
    lines.push(secret ? `tmpfs ${v.path} tmpfs ro,relatime,size=3944436k 0 0` : `/dev/sda1 ${v.path} ext4 ${v.readOnly ? 'ro' : 'rw'},relatime,discard,errors=remount-ro 0 0`);
  }
  lines.push('proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0', 'proc /proc/sys proc ro,nosuid,nodev,noexec,relatime 0 0', 'tmpfs /proc/acpi tmpfs ro,relatime 0 0', 'tmpfs /proc/scsi tmpfs ro,relatime 0 0');
  return `${lines.join('\n')}\n`;
}

export interface ProcessStatus {
  name: string;
  creds: Credentials;
  /** The bounding set; a root process holds all of it, another user none (no ambient capabilities). */
  bounding: Set<string>;
  noNewPrivs: boolean;
  pid?: number;
  ppid?: number;
}

export function statusFile(p: ProcessStatus): string {
  const { uid, gid, groups } = p.creds;
  const bnd = capabilityMask(p.bounding);
  const caps = uid === 0 ? bnd : capabilityMask([]);
  const groupList = groups.map((g) => `${g} `).join('');
  const pid = p.pid ?? 1;
  return `Name:\t${p.name.slice(0, 15)}\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t${pid}\nNgid:\t0\nPid:\t${pid}\nPPid:\t${p.ppid ?? 0}\nTracerPid:\t0\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t${gid}\t${gid}\t${gid}\t${gid}\nFDSize:\t64\nGroups:\t${groupList}\nNSpid:\t${pid}\nNSpgid:\t${pid}\nNSsid:\t${pid}\nThreads:\t1\nCapInh:\t0000000000000000\nCapPrm:\t${caps}\nCapEff:\t${caps}\nCapBnd:\t${bnd}\nCapAmb:\t0000000000000000\nNoNewPrivs:\t${p.noNewPrivs ? 1 : 0}\nSeccomp:\t2\nSeccomp_filters:\t1\n`;
}

/** One /proc/PID/maps line: the kernel pads a named mapping's fields to 72 columns (64-bit) before the name. */
const mapLine = (range: string, perms: string, offset: string, dev: string, inode: number, name: string): string => {
  const fields = `${range} ${perms} ${offset} ${dev} ${inode}`;
  return name ? `${fields.padEnd(72)} ${name}` : fields;
};

/**
 * PID 1's memory map: its executable's four segments, the heap, the glibc loader and libc for a
 * dynamically linked GNU image (busybox-flavoured images run static binaries), the stack and the
 * kernel's vvar/vdso/vsyscall pages. Addresses are one fixed ASLR draw.
 */
export function mapsFile(exe: string, glibc: boolean): string {
  const lines = [
    mapLine('55d0c6a4b000-55d0c6a5e000', 'r--p', '00000000', '00:2e', 1052673, exe),
    mapLine('55d0c6a5e000-55d0c6b2c000', 'r-xp', '00013000', '00:2e', 1052673, exe),
    mapLine('55d0c6b2c000-55d0c6b66000', 'r--p', '000e1000', '00:2e', 1052673, exe),
    mapLine('55d0c6b66000-55d0c6b6a000', 'rw-p', '0011b000', '00:2e', 1052673, exe),
    mapLine('55d0c7f8a000-55d0c7fab000', 'rw-p', '00000000', '00:00', 0, '[heap]'),
  ];
  if (glibc) {
    const libc = '/usr/lib/x86_64-linux-gnu/libc.so.6';
    const ld = '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2';
    lines.push(
      mapLine('7f3d5c1b2000-7f3d5c1d8000', 'r--p', '00000000', '00:2e', 1048951, libc),
      mapLine('7f3d5c1d8000-7f3d5c32d000', 'r-xp', '00026000', '00:2e', 1048951, libc),
      mapLine('7f3d5c32d000-7f3d5c380000', 'r--p', '0017b000', '00:2e', 1048951, libc),
      mapLine('7f3d5c380000-7f3d5c384000', 'r--p', '001ce000', '00:2e', 1048951, libc),
      mapLine('7f3d5c384000-7f3d5c386000', 'rw-p', '001d2000', '00:2e', 1048951, libc),
      mapLine('7f3d5c386000-7f3d5c393000', 'rw-p', '00000000', '00:00', 0, ''),
      mapLine('7f3d5c3b0000-7f3d5c3b1000', 'r--p', '00000000', '00:2e', 1048933, ld),
      mapLine('7f3d5c3b1000-7f3d5c3d6000', 'r-xp', '00001000', '00:2e', 1048933, ld),
      mapLine('7f3d5c3d6000-7f3d5c3e0000', 'r--p', '00026000', '00:2e', 1048933, ld),
      mapLine('7f3d5c3e0000-7f3d5c3e2000', 'r--p', '00030000', '00:2e', 1048933, ld),
      mapLine('7f3d5c3e2000-7f3d5c3e4000', 'rw-p', '00032000', '00:2e', 1048933, ld),
    );
  }
  lines.push(
    mapLine('7ffc3a5d4000-7ffc3a5f5000', 'rw-p', '00000000', '00:00', 0, '[stack]'),
    mapLine('7ffc3a5fa000-7ffc3a5fe000', 'r--p', '00000000', '00:00', 0, '[vvar]'),
    mapLine('7ffc3a5fe000-7ffc3a600000', 'r-xp', '00000000', '00:00', 0, '[vdso]'),
    mapLine('ffffffffff600000-ffffffffff601000', '--xp', '00000000', '00:00', 0, '[vsyscall]'),
  );
  return `${lines.join('\n')}\n`;
}

/** Namespace inode numbers of the initial namespaces (include/linux/proc_ns.h PROC_*_INIT_INO). */
const INIT_INO = { user: 4026531837, time: 4026531834 };

/** A namespace the runtime created, numbered as the kernel's proc inode allocator does (from 4026532000 up). */
function nsInode(key: string): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 4026532000 + (h % 65_536);
}

/**
 * What identifies each namespace of a container: the pod's (net, ipc, uts, and user with hostUsers:
 * false), the PID namespace's, the container's own (mnt, cgroup).
 */
export interface NamespaceKeys {
  pod: string;
  pid: string;
  container: string;
  userns?: UsernsMapping;
}

/**
 * /proc/PID/ns links as readlink shows them (`net:[4026532281]`). Containers stay in the host's time
 * namespace, and in its user namespace unless the pod has one of its own.
 */
function nsLinks(k: NamespaceKeys): Record<string, string> {
  const ids: Record<string, number> = {
    cgroup: nsInode(`cgroup:${k.container}`),
    ipc: nsInode(`ipc:${k.pod}`),
    mnt: nsInode(`mnt:${k.container}`),
    net: nsInode(`net:${k.pod}`),
    pid: nsInode(`pid:${k.pid}`),
    pid_for_children: nsInode(`pid:${k.pid}`),
    time: INIT_INO.time,
    time_for_children: INIT_INO.time,
    user: k.userns ? nsInode(`user:${k.pod}`) : INIT_INO.user,
    uts: nsInode(`uts:${k.pod}`),
  };
  return Object.fromEntries(Object.entries(ids).map(([name, ino]) => [name, `${name.replace(/_for_children$/, '')}:[${ino}]`]));
}

export function writeProcFiles(fs: FileSystem, mounts: string, status: string, maps: string, ns: NamespaceKeys): void {
  const put = (path: string, data: string) => {
    fs.mkdir(dirname(path), true);
    fs.writeFile(path, data, { mode: 0o444 });
  };
  put('/proc/mounts', mounts);
  put('/proc/self/mounts', mounts);
  put('/proc/1/mounts', mounts);
  put('/proc/1/status', status);
  put('/proc/1/maps', maps);
  // The user namespace's mapping as the kernel prints it ("%10u %10u %10u\n"): the initial one's is the identity.
  const { hostId, length } = ns.userns ?? { hostId: 0, length: 4294967295 };
  const line = [0, hostId, length].map((n) => String(n).padStart(10)).join(' ') + '\n';
  for (const pid of ['self', '1']) for (const map of ['uid_map', 'gid_map']) put(`/proc/${pid}/${map}`, line);
  if (!fs.exists('/proc/1/root')) fs.symlink('/', '/proc/1/root');
  for (const dir of ['/proc/self/ns', '/proc/1/ns']) {
    fs.mkdir(dir, true);
    for (const [name, target] of Object.entries(nsLinks(ns))) if (!fs.readdir(dir).includes(name)) fs.symlink(target, `${dir}/${name}`);
  }
}

/** How the processes each container starts (by their context) describe themselves in /proc/PID/status. */
const STATUS = new WeakMap<object, (p: Proc) => string>();

export function describeProcesses(ctx: object, status: (p: Proc) => string): void {
  STATUS.set(ctx, status);
}

/**
 * /proc/PID for each process of `pids` while it lives: the container's own and, in a shared PID
 * namespace (shareProcessNamespace, a debug container's target), its neighbours', PID 1 being the
 * namespace's first process. Grafted in, as the kernel's proc mount shows them whatever the root's mode.
 */
export function trackProcesses(fs: FileSystem, pids: PidNamespace, now: () => number): () => void {
  const statusOf = (p: Proc) => (p.ctx && typeof p.ctx === 'object' ? STATUS.get(p.ctx)?.(p) : undefined);
  const first = pids.get(1);
  const own = first && statusOf(first);
  if (own) fs.graft('/proc/1/status', { kind: 'file', data: own, mode: 0o444, mtime: now() });
  const add = (p: Proc) => {
    const status = statusOf(p);
    if (!status || fs.exists(`/proc/${p.pid}`)) return;
    const dir = newDir(now(), 0o555);
    dir.children.set('status', { kind: 'file', data: status, mode: 0o444, mtime: now() });
    // A neighbour's root is its own container's file system (`head /proc/8/root/etc/nginx/nginx.conf`).
    const theirs = (p.ctx as Partial<MachineContext> | undefined)?.fs;
    dir.children.set('root', { kind: 'link', target: '/', mtime: now(), ...(theirs && theirs.root !== fs.root ? { into: theirs.root } : {}) });
    fs.graft(`/proc/${p.pid}`, dir);
  };
  for (const p of pids.list()) if (p.pid !== 1) add(p);
  const offSpawn = pids.onSpawn(add);
  const offExit = pids.onExit((p) => {
    if (p.pid !== 1 && fs.exists(`/proc/${p.pid}`)) fs.ungraft(`/proc/${p.pid}`);
  });
  return () => {
    offSpawn();
    offExit();
  };
}
