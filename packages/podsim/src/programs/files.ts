/** File management: touch, rm, mkdir, rmdir, cp, mv — busybox `can't …` / GNU `cannot …` wording. */
import { FsError, basename, type FileSystem } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { abs, badOption, errText, flavorOf, getopt, missingOperand, q } from './util.js';

const gnu = (proc: Proc) => flavorOf(proc) === 'gnu';

function report(proc: Proc, busybox: string, gnuText: string, e: unknown): void {
  proc.stderr.write(`${(proc.argv[0] ?? '').split('/').pop()}: ${gnu(proc) ? gnuText : busybox}: ${errText(e)}\n`);
}

/** Applies `action` to each operand, reporting failures as `<prog>: <words>: <strerror>`; 0 or 1. */
function eachOperand(proc: Proc, operands: string[], action: (path: string) => void, words: (name: string) => [busybox: string, gnu: string]): number {
  let status = 0;
  for (const f of operands) {
    try {
      action(abs(proc, f));
    } catch (e) {
      report(proc, ...words(f), e);
      status = 1;
    }
  }
  return status;
}

export const touch: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'acmd:t:r:h');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  const touchOne = (path: string) => {
    if (!fs.exists(path)) {
      if (!o.flags.has('c')) fs.writeFile(path, '');
    } else if (fs.stat(path).kind === 'file') fs.writeFile(path, '', { append: true });
  };
  return eachOperand(proc, o.operands, touchOne, (f) => [f, `cannot touch ${q(f)}`]);
};

export const rm: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'rRfiv');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  const recursive = o.flags.has('r') || o.flags.has('R');
  const force = o.flags.has('f');
  let status = 0;
  for (const f of o.operands) {
    const path = abs(proc, f);
    try {
      const st = fs.lstat(path);
      if (st.kind === 'dir' && !recursive) {
        proc.stderr.write(gnu(proc) ? `rm: cannot remove ${q(f)}: Is a directory\n` : `rm: ${q(f)} is a directory\n`);
        status = 1;
        continue;
      }
      fs.remove(path, recursive);
    } catch (e) {
      if (force && e instanceof FsError && e.code === 'ENOENT') continue;
      report(proc, `can't remove ${q(f)}`, `cannot remove ${q(f)}`, e);
      status = 1;
    }
  }
  return status;
};

export const mkdir: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'pm:v');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  return eachOperand(proc, o.operands, (path) => fs.mkdir(path, o.flags.has('p')), (f) => [`can't create directory ${q(f)}`, `cannot create directory ${q(f)}`]);
};

export const rmdir: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'p');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  const rmdirOne = (path: string) => {
    if (fs.lstat(path).kind !== 'dir') throw new FsError('ENOTDIR', path);
    fs.remove(path, false);
  };
  return eachOperand(proc, o.operands, rmdirOne, (f) => [q(f), `failed to remove ${q(f)}`]);
};

function copyTree(fs: FileSystem, from: string, to: string): void {
  const st = fs.stat(from);
  if (st.kind !== 'dir') {
    fs.writeFile(to, fs.readFile(from), { mode: st.mode });
    return;
  }
  if (!fs.exists(to)) fs.mkdir(to);
  for (const name of fs.readdir(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`);
}

/** Destination path for `src` given the last operand (into it when it is a directory). */
function target(fs: FileSystem, dest: string, src: string): string {
  return fs.exists(dest) && fs.stat(dest).kind === 'dir' ? `${dest === '/' ? '' : dest}/${basename(src)}` : dest;
}

export const cp: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'rRaPpfidvL');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  if (o.operands.length < 2) return missingOperand(proc, 'file operand');
  const recursive = o.flags.has('r') || o.flags.has('R') || o.flags.has('a');
  const dest = abs(proc, o.operands[o.operands.length - 1]);
  let status = 0;
  for (const f of o.operands.slice(0, -1)) {
    const src = abs(proc, f);
    try {
      const st = fs.stat(src);
      if (st.kind === 'dir' && !recursive) {
        proc.stderr.write(gnu(proc) ? `cp: -r not specified; omitting directory ${q(f)}\n` : `cp: omitting directory ${q(f)}\n`);
        status = 1;
        continue;
      }
      copyTree(fs, src, target(fs, dest, src));
    } catch (e) {
      const stage = e instanceof FsError && e.path === src ? 'stat' : 'create';
      report(proc, `can't ${stage} ${q(stage === 'stat' ? f : o.operands[o.operands.length - 1])}`, `cannot ${stage} ${q(stage === 'stat' ? f : o.operands[o.operands.length - 1])}`, e);
      status = 1;
    }
  }
  return status;
};

export const mv: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'fintvT');
  if (o.error) return badOption(proc, o.error);
  const { fs } = machineOf(proc);
  if (o.operands.length < 2) return missingOperand(proc, 'file operand');
  const dest = abs(proc, o.operands[o.operands.length - 1]);
  let status = 0;
  for (const f of o.operands.slice(0, -1)) {
    const src = abs(proc, f);
    try {
      fs.lstat(src);
    } catch (e) {
      report(proc, `can't rename ${q(f)}`, `cannot stat ${q(f)}`, e);
      status = 1;
      continue;
    }
    const to = target(fs, dest, src);
    try {
      fs.rename(src, to);
    } catch (e) {
      // GNU names the destination as it joined it: the operand, then the source's name when that is a directory.
      const destOperand = o.operands[o.operands.length - 1];
      const shown = to === dest ? destOperand : `${destOperand.replace(/\/+$/, '')}/${basename(src)}`;
      report(proc, `can't rename ${q(f)}`, `cannot move ${q(f)} to ${q(shown)}`, e);
      status = 1;
    }
  }
  return status;
};
