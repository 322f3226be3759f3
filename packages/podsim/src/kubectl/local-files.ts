/**
 * Files on the reader's machine as kubectl's Go code meets them: paths relative to the working
 * directory, and Go's `open PATH: no such file or directory` wording when they cannot be read.
 */
import { FsError, resolvePath } from '../kernel/fs.js';
import type { Invocation } from './command.js';

export type LocalRead = { ok: true; text: string } | { ok: false; error: string };

/** Go os.PathError text for a failed `op` (open, stat, lstat…) on `path`. */
export function goPathError(op: string, path: string, e: unknown): string {
  return e instanceof FsError ? `${op} ${path}: ${e.text.toLowerCase()}` : `${op} ${path}: ${e instanceof Error ? e.message : String(e)}`;
}

export function readLocalFile(inv: Invocation, path: string): LocalRead {
  try {
    return { ok: true, text: inv.host.fs.readFile(resolvePath(inv.proc.cwd, path)) };
  } catch (e) {
    return { ok: false, error: goPathError('open', path, e) };
  }
}
