/**
 * The /proc files tutorials read inside a container, written when the container is created:
 * mounts (the overlay root, the kernel file systems, the kubelet-managed files and the pod's
 * volumes, as containerd sets them up) and PID 1's status and root. Files only: /proc is a
 * snapshot of what is fixed for the container's life.
 */
import { dirname, type FileSystem } from '../kernel/fs.js';

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

export function mountsFile(volumes: { path: string; readOnly: boolean }[], terminationMessagePath: string): string {
  const lines = [...BASE];
  for (const f of KUBELET_FILES) lines.push(`/dev/sda1 ${f === '/dev/termination-log' ? terminationMessagePath : f} ext4 rw,relatime,discard,errors=remount-ro 0 0`);
  lines.push('shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0');
  for (const v of volumes) {
    const secret = v.path.startsWith('/var/run/secrets') || v.path.startsWith('/run/secrets');
    lines.push(secret ? `tmpfs ${v.path} tmpfs ro,relatime,size=3944436k 0 0` : `/dev/sda1 ${v.path} ext4 ${v.readOnly ? 'ro' : 'rw'},relatime,discard,errors=remount-ro 0 0`);
  }
  lines.push('proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0', 'proc /proc/sys proc ro,nosuid,nodev,noexec,relatime 0 0', 'tmpfs /proc/acpi tmpfs ro,relatime 0 0', 'tmpfs /proc/scsi tmpfs ro,relatime 0 0');
  return `${lines.join('\n')}\n`;
}

/** Docker's default capability set (what runc grants a container without securityContext changes). */
const DEFAULT_CAPS = '00000000a80425fb';

export function statusFile(name: string, uid: number, gid: number): string {
  const caps = uid === 0 ? DEFAULT_CAPS : '0000000000000000';
  return `Name:\t${name.slice(0, 15)}\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t1\nNgid:\t0\nPid:\t1\nPPid:\t0\nTracerPid:\t0\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t${gid}\t${gid}\t${gid}\t${gid}\nFDSize:\t64\nGroups:\t${gid === 0 ? '0 1 2 3 4 6 10 11 20 26 27 ' : ''}\nNSpid:\t1\nNSpgid:\t1\nNSsid:\t1\nThreads:\t1\nCapInh:\t0000000000000000\nCapPrm:\t${caps}\nCapEff:\t${caps}\nCapBnd:\t${DEFAULT_CAPS}\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t2\nSeccomp_filters:\t1\n`;
}

/** uid and gid of an image user (`name`, `uid`, `uid:gid`) by the container's /etc/passwd. */
export function userIds(fs: FileSystem, user: string): [number, number] {
  const [u, g] = user.split(':');
  let passwd = '';
  try {
    passwd = fs.readFile('/etc/passwd');
  } catch {
    passwd = '';
  }
  const entry = passwd.split('\n').map((l) => l.split(':')).find((f) => f[0] === u || f[2] === u);
  const uid = /^\d+$/.test(u) ? Number(u) : Number(entry?.[2] ?? 0);
  const gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : Number(entry?.[3] ?? uid);
  return [uid, gid];
}

export function writeProcFiles(fs: FileSystem, mounts: string, status: string): void {
  const put = (path: string, data: string) => {
    fs.mkdir(dirname(path), true);
    fs.writeFile(path, data, { mode: 0o444 });
  };
  put('/proc/mounts', mounts);
  put('/proc/self/mounts', mounts);
  put('/proc/1/mounts', mounts);
  put('/proc/1/status', status);
  if (!fs.exists('/proc/1/root')) fs.symlink('/', '/proc/1/root');
}
