/**
 * readlink [-f|-e|-m] [-n] [-v] FILE… (GNU coreutils and busybox): a symbolic link's target; with
 * -f/-e/-m the canonical path, every link followed (-f: all but the last component must exist, -e:
 * all, -m: none). Anything else fails quietly with status 1 unless -v asks for the reason.
 */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import type { FileSystem } from '../kernel/fs.js';
import { abs, badOption, getopt } from './util.js';

type Mode = 'f' | 'e' | 'm';

/** The canonical path of `path`, or undefined when a component `mode` needs is missing (or links loop). */
function canonical(fs: FileSystem, path: string, mode: Mode): string | undefined {
  const todo = path.split('/').filter(Boolean);
  const done: string[] = [];
  for (let hops = 0; todo.length > 0; ) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const here = `/${[...done, part].join('/')}`;
    let kind: string | undefined;
    try {
      kind = fs.lstat(here).kind;
    } catch {
      kind = undefined;
    }
    if (kind === undefined) {
      if (mode === 'e' || (mode === 'f' && todo.length > 0)) return undefined;
      done.push(part);
      continue;
    }
    if (kind === 'link') {
      if (++hops > 40) return undefined;
      const target = fs.readlink(here);
      if (target.startsWith('/')) done.length = 0;
      todo.unshift(...target.split('/').filter(Boolean));
      continue;
    }
    done.push(part);
  }
  return `/${done.join('/')}`;
}

export const readlink: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'femnvqs', { long: { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n', verbose: 'v', quiet: 'q', silent: 's' } });
  if (o.error) return badOption(proc, o.error);
  if (o.operands.length === 0) {
    proc.stderr.write(`readlink: missing operand\nTry 'readlink --help' for more information.\n`);
    return 1;
  }
  const fs = machineOf(proc).fs;
  const mode = (['f', 'e', 'm'] as const).find((m) => o.flags.has(m));
  const end = o.flags.has('n') ? '' : '\n';
  let status = 0;
  for (const name of o.operands) {
    const path = abs(proc, name);
    let out: string | undefined;
    let reason = 'No such file or directory';
    if (mode) out = canonical(fs, path, mode);
    else
      try {
        out = fs.readlink(path);
      } catch (e) {
        if ((e as { code?: string }).code === 'EINVAL') reason = 'Invalid argument';
      }
    if (out === undefined) {
      if (o.flags.has('v')) proc.stderr.write(`readlink: ${name}: ${reason}\n`);
      status = 1;
    } else proc.stdout.write(out + end);
  }
  return status;
};
