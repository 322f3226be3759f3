/**
 * kubectl cp's own tar work on the reader's machine: packing a local file or tree under the name it
 * gets in the pod (makeTar: only empty directories get an entry of their own), and unpacking what the
 * pod's `tar cf -` sent (untarAll: the remote prefix cut off, members that would land outside the
 * destination and symlinks skipped with kubectl's warnings). Go's os errors in their own wording.
 */
import type { TarEntry } from '../../../format/tar.js';
import { FsError, resolvePath, type FileSystem } from '../../../kernel/fs.js';
import { goPathError } from '../../local-files.js';
import { dir, isRelative, join, remotePath } from './filespec.js';

/** The archive entries for local `src`, named from `destName` (the last element of the pod path). */
export function makeTarEntries(fs: FileSystem, cwd: string, src: string, destName: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (local: string, name: string): void => {
    const path = resolvePath(cwd, local);
    const st = fs.lstat(path);
    const header = { name, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtime / 1000), data: '', linkname: '' };
    if (st.kind === 'dir') {
      const children = fs.readdir(path);
      if (children.length === 0) out.push({ ...header, type: 'dir' });
      for (const child of children) walk(`${local}/${child}`, join(name, child));
    } else if (st.kind === 'link') out.push({ ...header, type: 'symlink', linkname: fs.readlink(path) });
    else out.push({ ...header, type: 'file', data: fs.readFile(path) });
  };
  walk(src, destName);
  return out;
}

export interface UntarContext {
  fs: FileSystem;
  cwd: string;
  /** The remote path cut off every member name (already without leading `/` and `../`). */
  prefix: string;
  /** The local destination as given. */
  dest: string;
  /** For the first symlink's hint: `kubectl exec -n "NS" "POD" -- tar cf - "SRC" | tar xf -`. */
  namespace: string;
  pod: string;
  src: string;
  warn(text: string): void;
}

/** Go's os.MkdirAll: the first path element that is not a directory fails as `mkdir PATH: not a directory`. */
function mkdirAll(fs: FileSystem, cwd: string, path: string): void {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    if (!p) continue;
    const abs = resolvePath(cwd, p);
    if (!fs.exists(abs)) fs.mkdir(abs);
    else if (fs.stat(abs).kind !== 'dir') throw new Error(goPathError('mkdir', p, new FsError('ENOTDIR', abs)));
  }
}

function wrap(op: string, path: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof FsError) throw new Error(goPathError(op, path, e), { cause: e });
    throw e;
  }
}

/** Unpacks `archive` under the destination; throws the Go error text that ends the copy. */
export function untarAll(ctx: UntarContext, entries: TarEntry[]): void {
  let hinted = false;
  for (const e of entries) {
    if (!e.name.startsWith(ctx.prefix)) throw new Error('tar contents corrupted');
    const target = join(ctx.dest, remotePath(e.name.slice(ctx.prefix.length)));
    if (!isRelative(ctx.dest, target)) {
      ctx.warn(`warning: file ${JSON.stringify(target)} is outside target destination, skipping\n`);
      continue;
    }
    mkdirAll(ctx.fs, ctx.cwd, dir(target));
    if (e.type === 'dir') {
      mkdirAll(ctx.fs, ctx.cwd, target);
      continue;
    }
    if (e.type === 'symlink') {
      const hint = hinted ? '' : ` (consider using "kubectl exec -n ${JSON.stringify(ctx.namespace)} ${JSON.stringify(ctx.pod)} -- tar cf - ${JSON.stringify(ctx.src)} | tar xf -")`;
      ctx.warn(`warning: skipping symlink: ${JSON.stringify(target)} -> ${JSON.stringify(e.linkname)}${hint}\n`);
      hinted = true;
      continue;
    }
    wrap('open', target, () => ctx.fs.writeFile(resolvePath(ctx.cwd, target), e.data));
  }
}
