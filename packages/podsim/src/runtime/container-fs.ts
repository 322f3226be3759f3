/**
 * Builds a container's root file system: the image's tree, built once per image and shared
 * copy-on-write (so writes never leak between containers), the files the kubelet manages (/etc/hosts, /etc/hostname, /etc/resolv.conf,
 * /dev/termination-log) and the pod's volumes mounted by reference.
 */
import type { Clock } from '../clock/clock.js';
import { FileSystem, dirname, resolvePath, shareTree, type DirNode, type FsNode } from '../kernel/fs.js';
import type { Image } from '../images/types.js';
import { executableStub } from '../kernel/executable.js';
import type { DnsConfig, MountSpec } from './types.js';

/** Image layers carry their build time; one fixed instant keeps `ls -l` stable. */
const IMAGE_BUILD_TIME = Date.UTC(2026, 9, 1, 12, 0, 0);

export interface PodFiles {
  hostname: string;
  hostNames?: string[];
  ip: string;
  dns: DnsConfig;
}

const imageTrees = new WeakMap<Image, DirNode>();

const PRIVATE_AND_SHARED_DIRS: [string, number][] = [
  ['/tmp', 0o1777],
  ['/var/tmp', 0o1777],
  ['/root', 0o700],
];

function imageTree(image: Image): DirNode {
  let root = imageTrees.get(image);
  if (root) return root;
  const fs = new FileSystem(() => IMAGE_BUILD_TIME);
  for (const [path, data] of Object.entries(image.files)) {
    if (path.endsWith('/')) fs.mkdir(path, true);
    else put(fs, path, data, 0o644);
  }
  for (const path of Object.keys(image.binaries)) put(fs, path, executableStub(path), 0o755);
  for (const [path, target] of Object.entries(image.links ?? {})) {
    fs.mkdir(dirname(path), true);
    if (!fs.exists(path)) fs.symlink(target, path);
  }
  for (const d of ['/dev', '/proc', '/sys', '/etc']) fs.mkdir(d, true);
  // Base layers make /tmp and /var/tmp world-writable and sticky and /root private (busybox: buildroot's
  // system/device_table.txt, which docker-library/busybox's Dockerfile.builder applies; Debian's and Alpine's base trees alike).
  for (const [dir, mode] of PRIVATE_AND_SHARED_DIRS) if (fs.exists(dir)) fs.chmod(dir, mode);
  root = shareTree(fs.root);
  imageTrees.set(image, root);
  return root;
}

export function buildContainerFs(clock: Clock, image: Image, pod: PodFiles, mounts: MountSpec[], terminationMessagePath: string): FileSystem {
  const fs = new FileSystem(() => clock.now(), imageTree(image));
  put(fs, '/etc/hostname', `${pod.hostname}\n`, 0o644);
  put(fs, '/etc/hosts', hostsFile(pod), 0o644);
  put(fs, '/etc/resolv.conf', resolvConf(pod.dns), 0o644);
  for (const dev of ['/dev/null', '/dev/zero', '/dev/tty']) if (!fs.exists(dev)) put(fs, dev, '', 0o666);
  put(fs, terminationMessagePath, '', 0o666);
  for (const m of mounts) mountVolume(fs, m);
  return fs;
}

function put(fs: FileSystem, path: string, data: string, mode: number): void {
  fs.mkdir(dirname(path), true);
  fs.writeFile(path, data, { mode });
}

export function hostsFile(pod: PodFiles): string {
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${pod.ip}\t${(pod.hostNames ?? [pod.hostname]).join('\t')}`,
    '',
  ].join('\n');
}

/** resolv.conf as containerd writes it from the CRI DNSConfig: search, nameservers, options. */
export function resolvConf(dns: DnsConfig): string {
  let text = '';
  if (dns.searches.length) text += `search ${dns.searches.join(' ')}\n`;
  for (const s of dns.servers) text += `nameserver ${s}\n`;
  if (dns.options.length) text += `options ${dns.options.join(' ')}\n`;
  return text;
}

/** Mounts a volume, or the part of it named by subPath (created on demand, as the kubelet does). */
function mountVolume(fs: FileSystem, m: MountSpec): void {
  const target = resolvePath('/', m.path);
  if (!m.subPath) {
    fs.mount(target, m.volume, m.readOnly);
    return;
  }
  let node: FsNode = m.volume;
  const segs = m.subPath.split('/').filter((s) => s !== '' && s !== '.');
  for (const [i, seg] of segs.entries()) {
    if (node.kind !== 'dir') return;
    let next = node.children.get(seg);
    if (!next) {
      next = { kind: 'dir', children: new Map(), mode: 0o755, mtime: IMAGE_BUILD_TIME } satisfies DirNode;
      node.children.set(seg, next);
    }
    node = next;
    if (i === segs.length - 1 && node.kind === 'file') {
      // A single file (a configMap key): graft the shared node itself so updates stay visible.
      fs.mkdir(dirname(target), true);
      fs.graft(target, node);
      return;
    }
  }
  if (node.kind === 'dir') fs.mount(target, node, m.readOnly);
}
