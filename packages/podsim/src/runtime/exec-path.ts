/**
 * execve + $PATH lookup over a container's file system, with runc's error wording
 * (Go os/exec LookPath errors: `exec: "x": executable file not found in $PATH`).
 */
import { X } from '../kernel/access.js';
import { FsError, resolvePath, type FileSystem } from '../kernel/fs.js';
import type { Program } from '../kernel/process.js';
import { DEFAULT_PATH } from '../images/types.js';
import { STUB_MARKER } from '../kernel/executable.js';
import { packageProgram } from '../programs/packages/index.js';

export type LookPathResult = { ok: true; path: string; program: Program } | { ok: false; error: string; notFound: boolean };

export function lookPath(fs: FileSystem, binaries: ReadonlyMap<string, Program>, name: string, pathEnv: string | undefined, cwd: string): LookPathResult {
  const quoted = JSON.stringify(name);
  if (name.includes('/')) {
    const r = probe(fs, binaries, resolvePath(cwd, name));
    if (name.endsWith('/') && typeof r === 'function') return { ok: false, error: `exec: ${quoted}: stat ${name}: not a directory`, notFound: true };
    if (r === 'ENOENT') return { ok: false, error: `exec: ${quoted}: stat ${name}: no such file or directory`, notFound: true };
    if (r === 'EACCES') return { ok: false, error: `exec: ${quoted}: permission denied`, notFound: false };
    if (r === 'ENOEXEC') return { ok: false, error: `exec: ${quoted}: exec format error`, notFound: false };
    return { ok: true, path: name, program: r };
  }
  if (name !== '') {
    for (const dir of (pathEnv ?? DEFAULT_PATH).split(':')) {
      const full = resolvePath(cwd, `${dir || '.'}/${name}`);
      const r = probe(fs, binaries, full);
      if (typeof r === 'function') return { ok: true, path: full, program: r };
    }
  }
  return { ok: false, error: `exec: ${quoted}: executable file not found in $PATH`, notFound: true };
}

type Probe = Program | 'ENOENT' | 'EACCES' | 'ENOEXEC';

function probe(fs: FileSystem, binaries: ReadonlyMap<string, Program>, path: string, scripts = true): Probe {
  let data: string;
  try {
    if (fs.stat(path).kind === 'dir') return 'EACCES';
    fs.access(path, X);
    data = fs.readFile(path);
  } catch (e) {
    return e instanceof FsError && e.code === 'EACCES' ? 'EACCES' : 'ENOENT';
  }
  if (scripts && data.startsWith('#!')) return interpreted(fs, binaries, path, data);
  if (!data.startsWith(STUB_MARKER)) return 'ENOEXEC';
  const key = data.slice(STUB_MARKER.length).trim();
  // Programs a package manager installed at run time are not in the image's table.
  return binaries.get(key) ?? packageProgram(key) ?? 'ENOEXEC';
}

/** A `#!interpreter [arg]` script: the kernel runs the interpreter with the script's path inserted. */
function interpreted(fs: FileSystem, binaries: ReadonlyMap<string, Program>, path: string, data: string): Probe {
  const [interp, ...rest] = data.slice(2).split('\n')[0].trim().split(/\s+/);
  if (!interp || !interp.startsWith('/')) return 'ENOEXEC';
  const target = probe(fs, binaries, interp, false);
  if (typeof target !== 'function') return 'ENOENT';
  const arg = rest.join(' ');
  return function* (proc) {
    proc.argv.splice(0, 1, interp, ...(arg ? [arg] : []), path);
    return yield* target(proc);
  };
}
