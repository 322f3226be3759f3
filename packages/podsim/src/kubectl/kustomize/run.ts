/**
 * kustomize against the reader's file system: what `kubectl kustomize DIR` prints and what `-k DIR`
 * hands to apply, get, delete and the other verbs that read manifests.
 */
import { FsError } from '../../kernel/fs.js';
import type { Invocation } from '../command.js';
import { kustomizeBuild, type BuildResult } from './build.js';
import { KustomizeError, type KFs } from './res.js';

function fsOf(inv: Invocation): KFs {
  const fs = inv.host.fs;
  return {
    exists: (p) => fs.exists(p),
    isDir: (p) => fs.exists(p) && fs.stat(p).kind === 'dir',
    read: (p) => {
      try {
        return fs.exists(p) && fs.stat(p).kind !== 'dir' ? fs.readFile(p) : undefined;
      } catch (e) {
        if (e instanceof FsError) return undefined;
        throw e;
      }
    },
  };
}

/** Builds `dir`, printing kustomize's deprecation warnings to stderr as it meets them. */
export function runKustomize(inv: Invocation, dir: string): { ok: true; result: BuildResult } | { ok: false; error: string } {
  try {
    return { ok: true, result: kustomizeBuild(fsOf(inv), inv.proc.cwd, dir, (line) => inv.err(`${line}\n`)) };
  } catch (e) {
    if (e instanceof KustomizeError) return { ok: false, error: e.message };
    throw e;
  }
}

