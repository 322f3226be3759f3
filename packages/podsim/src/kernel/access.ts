/**
 * POSIX discretionary access control: what the permission bits let a process do. Root passes every
 * check, as CAP_DAC_OVERRIDE does, except executing a file that has no execute bit at all.
 */

export interface Credentials {
  uid: number;
  gid: number;
  /** Supplementary groups as getgroups(2) returns them: sorted, the kernel's set_groups order. */
  groups: readonly number[];
}

export const ROOT: Credentials = { uid: 0, gid: 0, groups: [] };

/** Access wanted, as access(2)'s R_OK, W_OK and X_OK bits. */
export const R = 4;
export const W = 2;
export const X = 1;

interface Guarded {
  kind: 'file' | 'dir';
  mode: number;
  uid?: number;
  gid?: number;
}

/** Whether `who` may do `want` on `node`: the owner's bits, else the group's (primary or supplementary), else the others'. */
export function permits(node: Guarded, who: Credentials, want: number): boolean {
  if (who.uid === 0) return !(want & X) || node.kind === 'dir' || (node.mode & 0o111) !== 0;
  const gid = node.gid ?? 0;
  const shift = (node.uid ?? 0) === who.uid ? 6 : who.gid === gid || who.groups.includes(gid) ? 3 : 0;
  return ((node.mode >> shift) & want) === want;
}

/** The sticky bit: in such a directory (/tmp) only an entry's owner or the directory's may remove or rename it. */
export function stickyDenies(dir: Guarded, entry: { uid?: number }, who: Credentials): boolean {
  return (dir.mode & 0o1000) !== 0 && who.uid !== 0 && (entry.uid ?? 0) !== who.uid && (dir.uid ?? 0) !== who.uid;
}
