import { X } from '../kernel/access.js';
import { FsError } from '../kernel/fs.js';
import type { Shell } from './shell.js';

/** Why execve refused a file that exists (status 126): the caller may not execute it. */
export function execDenied(sh: Shell, path: string): string | undefined {
  try {
    sh.fs.access(sh.resolvePath(path), X);
  } catch (e) {
    if (e instanceof FsError && e.code === 'EACCES') return e.text;
  }
  return undefined;
}
