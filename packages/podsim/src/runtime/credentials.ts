/**
 * The user a container's processes run as, as containerd's CRI plugin builds it: the image's USER
 * (name or uid[:gid], looked up in the container's /etc/passwd), runAsUser/runAsGroup over it (a
 * runAsUser without runAsGroup takes the gid /etc/passwd gives that uid, else 0), and the groups:
 * the primary gid (added since the CVE-2023-25173 fix), the groups /etc/group lists the user in
 * (unless supplementalGroupsPolicy is Strict), supplementalGroups and fsGroup; the kernel keeps
 * them sorted.
 */
import type { FileSystem } from '../kernel/fs.js';
import type { Credentials } from '../kernel/machine.js';
import type { ContainerSecurity } from './types.js';

interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
}

function passwd(fs: FileSystem): PasswdEntry[] {
  try {
    return fs
      .readFile('/etc/passwd')
      .split('\n')
      .map((l) => l.split(':'))
      .filter((f) => f.length >= 4 && /^\d+$/.test(f[2]!) && /^\d+$/.test(f[3]!))
      .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]) }));
  } catch {
    return [];
  }
}

function groupsOf(fs: FileSystem, user: string | undefined): number[] {
  if (!user) return [];
  try {
    return fs
      .readFile('/etc/group')
      .split('\n')
      .map((l) => l.split(':'))
      .filter((f) => f[0] !== user && (f[3] ?? '').split(',').includes(user) && /^\d+$/.test(f[2] ?? ''))
      .map((f) => Number(f[2]));
  } catch {
    return [];
  }
}

/**
 * The container's credentials and its user's login name; `resolved` is false for an image USER name
 * its /etc/passwd does not have (containerd refuses those; our catalogue keeps the name for ps/whoami).
 */
export function containerCredentials(fs: FileSystem, imageUser: string, sec: ContainerSecurity | undefined): Credentials & { name: string | undefined; resolved: boolean } {
  const entries = passwd(fs);
  const [u = '', g] = imageUser.split(':');
  const byImage = /^\d+$/.test(u) ? entries.find((e) => e.uid === Number(u)) : entries.find((e) => e.name === (u || 'root'));
  let uid = /^\d+$/.test(u) ? Number(u) : (byImage?.uid ?? 0);
  let gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : (byImage?.gid ?? 0);
  let entry = byImage;
  if (sec?.runAsUser !== undefined) {
    uid = sec.runAsUser;
    entry = entries.find((e) => e.uid === uid);
    gid = entry?.gid ?? 0;
  }
  if (sec?.runAsGroup !== undefined) gid = sec.runAsGroup;
  const all = new Set([gid, ...(sec?.strictGroups ? [] : groupsOf(fs, entry?.name)), ...(sec?.extraGroups ?? [])]);
  const resolved = sec?.runAsUser !== undefined || /^\d+$/.test(u) || u === '' || byImage !== undefined;
  return { uid, gid, groups: [...all].sort((a, b) => a - b), name: entry?.name, resolved };
}
