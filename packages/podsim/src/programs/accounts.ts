/**
 * User and group names from a machine's /etc/passwd and /etc/group, and the ids a process runs
 * with, for id, whoami, ps and ls -l.
 */
import type { FileSystem } from '../kernel/fs.js';
import { machineOf, type Credentials, type MachineContext } from '../kernel/machine.js';
import type { Proc } from '../kernel/process.js';

function lines(fs: FileSystem, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** id → name of an account file (`/etc/passwd` or `/etc/group`); root is known without one. */
export function accountNames(fs: FileSystem, path: '/etc/passwd' | '/etc/group'): Map<number, string> {
  const out = new Map<number, string>();
  const rows = lines(fs, path);
  if (rows.length === 0) out.set(0, 'root');
  for (const f of rows) if (f[2] !== undefined && /^\d+$/.test(f[2]) && !out.has(Number(f[2]))) out.set(Number(f[2]), f[0]!);
  return out;
}

/** Groups of /etc/group that list `user` as a member (what containerd adds for the image's user). */
export function memberGroups(fs: FileSystem, user: string): number[] {
  return lines(fs, '/etc/group')
    .filter((f) => (f[3] ?? '').split(',').includes(user))
    .map((f) => Number(f[2]));
}

/** Well-known ids of users our images name without an /etc/passwd entry of their own. */
const KNOWN_UIDS: Record<string, number> = { root: 0, nobody: 65534, nginx: 101, redis: 999, 'www-data': 33, nonroot: 65532 };

function credentialsOfName(fs: FileSystem, name: string): Credentials {
  if (/^\d+$/.test(name)) return { uid: Number(name), gid: Number(name), groups: [Number(name)] };
  const entry = lines(fs, '/etc/passwd').find((f) => f[0] === name);
  const uid = entry ? Number(entry[2]) : (KNOWN_UIDS[name] ?? 1000);
  const gid = entry ? Number(entry[3]) : uid;
  return { uid, gid, groups: [gid] };
}

/** The ids `proc` runs with: its machine's credentials, else its user's /etc/passwd entry. */
export function credentialsOf(proc: Proc): Credentials {
  const m = machineOf(proc);
  return m.creds ?? credentialsOfName(m.fs, m.user ?? 'root');
}

/** A context for processes a server starts under another account (setuid to `name`, as nginx's workers). */
export function contextAs<T extends MachineContext>(ctx: T, name: string): T {
  const creds = credentialsOfName(ctx.fs, name);
  return Object.assign(Object.create(ctx) as T, { user: name, creds, fs: ctx.fs.as(creds) });
}
