/**
 * The /proc files tutorials read inside a container, written when the container is created:
 * mounts (the overlay root, the kernel file systems, the kubelet-managed files and the pod's
 * volumes, as containerd sets them up) and PID 1's status and root. Files only: /proc is a
 * snapshot of what is fixed for the container's life.
 */
import { dirname, type FileSystem } from '../kernel/fs.js';
import type { Credentials } from '../kernel/machine.js';
import { capabilityMask } from './capabilities.js';

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
}

export function statusFile(p: ProcessStatus): string {
  const { uid, gid, groups } = p.creds;
  const bnd = capabilityMask(p.bounding);
  const caps = uid === 0 ? bnd : capabilityMask([]);
  const groupList = groups.map((g) => `${g} `).join('');
  return `Name:\t${p.name.slice(0, 15)}\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t1\nNgid:\t0\nPid:\t1\nPPid:\t0\nTracerPid:\t0\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t${gid}\t${gid}\t${gid}\t${gid}\nFDSize:\t64\nGroups:\t${groupList}\nNSpid:\t1\nNSpgid:\t1\nNSsid:\t1\nThreads:\t1\nCapInh:\t0000000000000000\nCapPrm:\t${caps}\nCapEff:\t${caps}\nCapBnd:\t${bnd}\nCapAmb:\t0000000000000000\nNoNewPrivs:\t${p.noNewPrivs ? 1 : 0}\nSeccomp:\t2\nSeccomp_filters:\t1\n`;
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
