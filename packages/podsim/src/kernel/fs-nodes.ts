/** The nodes of the in-memory file system and what stat(2) tells of them. */

/** Owner ids; absent means root (0), which every image file and kubelet-made file has. */
export interface Ownership {
  uid?: number;
  gid?: number;
}

export interface FileNode extends Ownership {
  kind: 'file';
  data: string;
  mode: number;
  mtime: number;
}

export interface DirNode extends Ownership {
  kind: 'dir';
  children: Map<string, FsNode>;
  mode: number;
  mtime: number;
}

export interface LinkNode {
  kind: 'link';
  target: string;
  mtime: number;
  /**
   * A magic link (/proc/PID/root): readlink shows `target`, but a walk through it goes on in another
   * mount namespace's root, not at `target` in this one.
   */
  into?: DirNode;
}

export type FsNode = FileNode | DirNode | LinkNode;

export interface Stat {
  kind: 'file' | 'dir' | 'link';
  size: number;
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
}
