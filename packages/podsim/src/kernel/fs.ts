/**
 * An in-memory POSIX-like file system. Volumes are directories shared by reference: mounting the
 * same DirNode into two containers' trees is what makes a pod's volume visible to both.
 */
import { permits, R, ROOT, stickyDenies, W, X, type Credentials } from './access.js';
import { FsError } from './fs-error.js';
import type { DirNode, FileNode, FsNode, Ownership, Stat } from './fs-nodes.js';
import { dirname, resolvePath, walkOf } from './paths.js';
import { utf8Length } from './utf8.js';

export { basename, dirname, resolvePath } from './paths.js';
export { FsError, FS_ERROR_TEXT, type FsErrorCode } from './fs-error.js';
export type { DirNode, FileNode, FsNode, LinkNode, Ownership, Stat } from './fs-nodes.js';

export function newDir(now = 0, mode = 0o755): DirNode {
  return { kind: 'dir', children: new Map(), mode, mtime: now };
}

/**
 * Nodes of frozen trees (an image's files, built once and shared by all its containers). A
 * FileSystem never changes one: it copies a directory before changing its entries and replaces a
 * file instead of rewriting it, so each container sees its own changes only.
 */
const sharedNodes = new WeakSet<FsNode>();

/** Marks every node under `root` copy-on-write; the tree must not be changed directly afterwards. */
export function shareTree(root: DirNode): DirNode {
  const walk = (n: FsNode) => {
    sharedNodes.add(n);
    if (n.kind === 'dir') for (const c of n.children.values()) walk(c);
  };
  walk(root);
  return root;
}

function copyDir(d: DirNode): DirNode {
  return { kind: 'dir', children: new Map(d.children), mode: d.mode, mtime: d.mtime, ...ownerOf(d) };
}

function ownerOf(n: Ownership): Ownership {
  const o: Ownership = {};
  if (n.uid) o.uid = n.uid;
  if (n.gid) o.gid = n.gid;
  return o;
}

/** Who is told of changes to a directory's entries (inotify on a directory: an entry created, written, moved or removed). */
const dirWatchers = new WeakMap<DirNode, Set<() => void>>();

/** Calls `fn` after each change to an entry of `dir`; returns the unwatch. */
export function watchDir(dir: DirNode, fn: () => void): () => void {
  let set = dirWatchers.get(dir);
  if (!set) dirWatchers.set(dir, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

function changed(dir: DirNode | undefined): void {
  const set = dir && dirWatchers.get(dir);
  if (set) for (const fn of [...set]) fn();
}

/** The set-group-ID bit: on a directory, new entries take its group (and new directories the bit). */
export const S_ISGID = 0o2000;

interface Mount {
  node: DirNode;
  readOnly: boolean;
}

/** Mount points by path segment, so a walk finds them without building each prefix path. */
interface MountTrie {
  children: Map<string, MountTrie>;
  mount?: Mount;
}

export class FileSystem {
  readonly root: DirNode;
  private readonly mounts = new Map<string, Mount>();
  private readonly mountTrie: MountTrie = { children: new Map() };
  /** Who creates files through this view (the container's user); root when unset. */
  creator: { uid: number; gid: number } | undefined;
  /** Who acts through this view (see `as`); unset on the kernel's and runtime's own handle, which nothing holds back. */
  caller: Credentials | undefined;

  constructor(
    private readonly now: () => number = () => 0,
    root?: DirNode,
  ) {
    this.root = root ? (sharedNodes.has(root) ? copyDir(root) : root) : newDir(now());
  }

  /** This file system as a process of `who` uses it: what it makes is theirs, and the permission bits hold it. */
  as(who: Credentials): FileSystem {
    return Object.assign(Object.create(this) as FileSystem, { caller: who, creator: who });
  }

  /** Fails with EACCES unless the caller may do `want` (R, W, X bits) on `node`. */
  private check(node: FileNode | DirNode, want: number, abs: string): void {
    if (this.caller && !permits(node, this.caller, want)) throw new FsError('EACCES', abs);
  }

  /** Grafts a shared directory at `path` (created if missing), like a volume mount. */
  mount(path: string, node: DirNode, readOnly = false): void {
    const abs = resolvePath('/', path);
    this.mkdir(abs, true);
    const mount = { node, readOnly };
    this.mounts.set(abs, mount);
    let t = this.mountTrie;
    for (const seg of abs.split('/').filter(Boolean)) {
      let next = t.children.get(seg);
      if (!next) t.children.set(seg, (next = { children: new Map() }));
      t = next;
    }
    t.mount = mount;
  }

  /** Places a shared node (a volume's file) at `path` by reference; its directory must exist. */
  graft(path: string, node: FsNode): void {
    const { parent, name, abs } = this.lookup(path, false, 0, true);
    if (!parent) throw new FsError('EINVAL', abs);
    parent.children.set(name, node);
  }

  /** Takes away what graft placed at `path`, whatever the mount's mode. */
  ungraft(path: string): void {
    const { parent, name } = this.lookup(path, false, 0, true);
    parent?.children.delete(name);
  }

  mountPoints(): { path: string; readOnly: boolean }[] {
    return [...this.mounts].map(([path, m]) => ({ path, readOnly: m.readOnly }));
  }

  /**
   * Walks to a node; returns the node, its resolved path and whether it sits on a read-only mount.
   * `forWrite` makes the directories on the way (so the returned parent) this file system's own.
   */
  private lookup(path: string, followLast = true, depth = 0, forWrite = false): { node: FsNode | undefined; parent: DirNode | undefined; name: string; abs: string; readOnly: boolean } {
    if (depth > 16) throw new FsError('ELOOP', path);
    const { abs, segs } = walkOf(path);
    let trie: MountTrie | undefined = this.mountTrie;
    let node: FsNode = trie.mount?.node ?? this.root;
    let parent: DirNode | undefined;
    let readOnly = trie.mount?.readOnly ?? false;
    for (let i = 0; i < segs.length; i++) {
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', abs);
      this.check(node, X, abs);
      parent = node;
      const seg = segs[i]!;
      trie = trie?.children.get(seg);
      const m = trie?.mount;
      let next: FsNode | undefined = m ? m.node : node.children.get(seg);
      if (m) readOnly = m.readOnly;
      else if (forWrite && next && next.kind === 'dir' && i < segs.length - 1 && sharedNodes.has(next)) node.children.set(seg, (next = copyDir(next)));
      if (next && next.kind === 'link' && next.into && (followLast || i < segs.length - 1)) {
        // The other namespace's own mounts are not seen through it: its root's tree is.
        node = next.into;
        trie = undefined;
        readOnly = false;
        continue;
      }
      if (next && next.kind === 'link' && (followLast || i < segs.length - 1)) {
        const dir = '/' + segs.slice(0, i).join('/');
        const target = resolvePath(dir, next.target);
        return this.lookup(target + (i < segs.length - 1 ? '/' + segs.slice(i + 1).join('/') : ''), followLast, depth + 1, forWrite);
      }
      if (!next) {
        if (i < segs.length - 1) throw new FsError('ENOENT', abs);
        return { node: undefined, parent, name: seg, abs, readOnly };
      }
      node = next;
    }
    return { node, parent, name: segs[segs.length - 1] ?? '', abs, readOnly };
  }

  exists(path: string): boolean {
    try {
      return this.lookup(path).node !== undefined;
    } catch {
      return false;
    }
  }

  stat(path: string): Stat {
    const { node, abs } = this.lookup(path);
    if (!node) throw new FsError('ENOENT', abs);
    return {
      kind: node.kind,
      // Counting a file's bytes walks its text: only done for the callers that ask (ls -l, wc, du).
      get size() {
        return node.kind === 'file' ? utf8Length(node.data) : node.kind === 'dir' ? 4096 : node.target.length;
      },
      mode: node.kind === 'link' ? 0o777 : node.mode,
      mtime: node.mtime,
      uid: node.kind === 'link' ? 0 : (node.uid ?? 0),
      gid: node.kind === 'link' ? 0 : (node.gid ?? 0),
    };
  }

  /** access(2): fails as that call does (ENOENT; EROFS for writing; EACCES) unless the caller may do `want` on `path`. */
  access(path: string, want: number): void {
    const { node, abs, readOnly } = this.lookup(path);
    if (!node) throw new FsError('ENOENT', abs);
    if (want & W && readOnly) throw new FsError('EROFS', abs);
    if (node.kind !== 'link' && !permits(node, this.caller ?? ROOT, want)) throw new FsError('EACCES', abs);
  }

  /** Like stat, but a symbolic link describes itself (ls -l, cp -P). */
  lstat(path: string): Stat {
    const { node, abs } = this.lookup(path, false);
    if (!node) throw new FsError('ENOENT', abs);
    if (node.kind !== 'link') return this.stat(path);
    return { kind: 'link', size: node.target.length, mode: 0o777, mtime: node.mtime, uid: 0, gid: 0 };
  }

  /**
   * Makes the root read-only (readOnlyRootFilesystem) except the directories in `writable`, which stay
   * writable as their own mounts (a container's /dev is a tmpfs of its own).
   */
  setReadOnlyRoot(writable: string[]): void {
    for (const path of writable) {
      const { node, parent, name } = this.lookup(path, true, 0, true);
      if (!node || node.kind !== 'dir' || !parent) continue;
      const own = sharedNodes.has(node) ? copyDir(node) : node;
      parent.children.set(name, own);
      this.mount(path, own, false);
    }
    this.mount('/', this.root, true);
  }

  /** Owner of an entry created in `parent`: the creator, with the directory's group under set-group-ID. */
  private newOwner(parent: DirNode): Ownership {
    const o: Ownership = {};
    if (this.creator?.uid) o.uid = this.creator.uid;
    const gid = parent.mode & S_ISGID ? (parent.gid ?? 0) : (this.creator?.gid ?? 0);
    if (gid) o.gid = gid;
    return o;
  }

  /** Sets the permission bits of a file or directory (chmod). */
  chmod(path: string, mode: number): void {
    const { node, parent, name, abs, readOnly } = this.lookup(path, true, 0, true);
    if (!node) throw new FsError('ENOENT', abs);
    if (readOnly) throw new FsError('EROFS', abs);
    if (node.kind === 'link') return;
    if (this.caller && this.caller.uid !== 0 && (node.uid ?? 0) !== this.caller.uid) throw new FsError('EPERM', abs);
    if (parent && sharedNodes.has(node)) parent.children.set(name, node.kind === 'dir' ? { ...copyDir(node), mode: mode & 0o7777 } : { ...node, mode: mode & 0o7777 });
    else node.mode = mode & 0o7777;
  }

  /** Target of a symbolic link; EINVAL for anything else. */
  readlink(path: string): string {
    const { node, abs } = this.lookup(path, false);
    if (!node) throw new FsError('ENOENT', abs);
    if (node.kind !== 'link') throw new FsError('EINVAL', abs);
    return node.target;
  }

  readFile(path: string): string {
    const { node, abs } = this.lookup(path);
    if (!node) throw new FsError('ENOENT', abs);
    if (node.kind === 'dir') throw new FsError('EISDIR', abs);
    if (node.kind !== 'file') return '';
    this.check(node, R, abs);
    return node.data;
  }

  /** The file's text, or `fallback` when it cannot be read (missing, a directory, a dangling link). */
  readFileOr(path: string, fallback = ''): string {
    try {
      return this.readFile(path);
    } catch (e) {
      if (e instanceof FsError) return fallback;
      throw e;
    }
  }

  writeFile(path: string, data: string, opts: { append?: boolean; mode?: number } = {}): void {
    const { node, parent, name, abs, readOnly } = this.lookup(path, true, 0, true);
    if (readOnly) throw new FsError('EROFS', abs);
    if (node?.kind === 'dir') throw new FsError('EISDIR', abs);
    if (!parent) throw new FsError('EISDIR', abs);
    if (node?.kind === 'file') this.check(node, W, abs);
    else this.check(parent, W | X, abs);
    const now = this.now();
    if (node && node.kind === 'file' && sharedNodes.has(node)) {
      parent.children.set(name, { kind: 'file', data: opts.append ? node.data + data : data, mode: node.mode, mtime: now, ...ownerOf(node) });
    } else if (node && node.kind === 'file') {
      node.data = opts.append ? node.data + data : data;
      node.mtime = now;
    } else {
      parent.children.set(name, { kind: 'file', data, mode: opts.mode ?? 0o644, mtime: now, ...this.newOwner(parent) });
      parent.mtime = now;
    }
    changed(parent);
  }

  readdir(path: string): string[] {
    const { node, abs } = this.lookup(path);
    if (!node) throw new FsError('ENOENT', abs);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', abs);
    this.check(node, R, abs);
    const names = new Set(node.children.keys());
    const prefix = abs === '/' ? '/' : abs + '/';
    for (const mp of this.mounts.keys()) {
      if (mp.startsWith(prefix) && !mp.slice(prefix.length).includes('/') && mp.length > prefix.length) names.add(mp.slice(prefix.length));
    }
    return [...names].sort();
  }

  mkdir(path: string, recursive = false): void {
    const abs = resolvePath('/', path);
    if (recursive) {
      let cur = '';
      for (const seg of abs.split('/').filter(Boolean)) {
        cur += '/' + seg;
        const r = this.lookup(cur);
        if (r.node) {
          if (r.node.kind !== 'dir') throw new FsError('ENOTDIR', cur);
          continue;
        }
        this.mkdir(cur);
      }
      return;
    }
    const { node, parent, name, readOnly } = this.lookup(abs, true, 0, true);
    if (node) throw new FsError('EEXIST', abs);
    if (readOnly) throw new FsError('EROFS', abs);
    if (!parent) throw new FsError('EEXIST', abs);
    this.check(parent, W | X, abs);
    const dir = { ...newDir(this.now(), parent.mode & S_ISGID ? 0o755 | S_ISGID : 0o755), ...this.newOwner(parent) };
    parent.children.set(name, dir);
    changed(parent);
  }

  symlink(target: string, path: string): void {
    const { node, parent, name, abs } = this.lookup(path, false, 0, true);
    if (node) throw new FsError('EEXIST', abs);
    if (!parent) throw new FsError('EEXIST', abs);
    this.check(parent, W | X, abs);
    parent.children.set(name, { kind: 'link', target, mtime: this.now() });
    changed(parent);
  }

  /** Removes a file, link, or (with recursive, or when empty) a directory. */
  remove(path: string, recursive = false): void {
    const { node, parent, name, abs, readOnly } = this.lookup(path, false, 0, true);
    if (!node || !parent) throw new FsError('ENOENT', abs);
    if (readOnly) throw new FsError('EROFS', abs);
    if (this.mounts.has(abs)) throw new FsError('EINVAL', abs);
    if (node.kind === 'dir' && node.children.size > 0 && !recursive) throw new FsError('ENOTEMPTY', abs);
    this.mayUnlink(parent, node, abs);
    // Emptying a directory first means writing to it (rm -r): its own bits hold too.
    if (node.kind === 'dir' && node.children.size > 0) this.check(node, W | X, abs);
    parent.children.delete(name);
    parent.mtime = this.now();
    changed(parent);
  }

  rename(from: string, to: string): void {
    const src = this.lookup(from, false, 0, true);
    if (!src.node || !src.parent) throw new FsError('ENOENT', src.abs);
    if (src.readOnly) throw new FsError('EROFS', src.abs);
    let dst = this.lookup(to, false, 0, true);
    if (dst.node?.kind === 'dir') dst = this.lookup(dst.abs + '/' + src.name, false, 0, true);
    if (!dst.parent) throw new FsError('EINVAL', dst.abs);
    if (dst.readOnly) throw new FsError('EROFS', dst.abs);
    this.mayUnlink(src.parent, src.node, src.abs);
    this.check(dst.parent, W | X, dst.abs);
    src.parent.children.delete(src.name);
    dst.parent.children.set(dst.name, src.node);
    changed(src.parent);
    if (dst.parent !== src.parent) changed(dst.parent);
  }

  /** Taking an entry out of `dir` (unlink, rmdir, rename's source): write and search on it, and the sticky bit's owner rule (EPERM). */
  private mayUnlink(dir: DirNode, entry: FsNode, abs: string): void {
    this.check(dir, W | X, abs);
    if (this.caller && stickyDenies(dir, entry as Ownership, this.caller)) throw new FsError('EPERM', abs);
  }

  /** Plain-object copy of the tree below `path` (for snapshots and tests). */
  toJSON(path = '/'): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (p: string) => {
      for (const name of this.readdir(p)) {
        const child = p === '/' ? `/${name}` : `${p}/${name}`;
        const st = this.stat(child);
        if (st.kind === 'dir') walk(child);
        else out[child] = this.readFile(child);
      }
    };
    walk(resolvePath('/', path));
    return out;
  }
}

/** Builds a directory tree from `{ '/etc/hostname': 'x', '/bin/': '' }` (a trailing slash makes a directory). */
export function treeFrom(files: Record<string, string>, now = 0): DirNode {
  const fs = new FileSystem(() => now);
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) fs.mkdir(path, true);
    else {
      fs.mkdir(dirname(path), true);
      fs.writeFile(path, data);
    }
  }
  return fs.root;
}
