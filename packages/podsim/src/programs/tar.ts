/**
 * `tar` (GNU tar 1.34 on Debian-based images, busybox's applet elsewhere): create (`c`), extract
 * (`x`) and list (`t`) of uncompressed archives, `-f -` for stdin/stdout, `-C DIR`, `-v`, `-m`, `-o`,
 * `--no-same-owner`, `--no-same-permissions`; old-style bundles (`tar cf - x`). `kubectl cp` drives it
 * (`tar cf - PATH` and `tar -xmf - -C DIR`), so its warnings and failures are the ones each tar prints.
 */
import { decodeTar, encodeTar, GNU_RECORD, type TarEntry } from '../format/tar.js';
import { FsError, type FileSystem } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { abs, badOption, errText, flavorOf, missingOperand, readAll } from './util.js';

interface TarOptions {
  mode?: 'c' | 'x' | 't';
  file: string;
  dir?: string;
  verbose: boolean;
  touch: boolean;
  noSameOwner: boolean;
  noSamePermissions: boolean;
  operands: string[];
}

const LONG: Record<string, string> = {
  create: 'c', extract: 'x', get: 'x', list: 't', file: 'f', directory: 'C', verbose: 'v', touch: 'm', 'no-same-owner': 'o',
  'no-same-permissions': '', 'same-permissions': 'p', 'preserve-permissions': 'p', 'same-owner': '',
};
const WITH_VALUE = new Set(['f', 'C']);
const FLAGS = new Set(['c', 'x', 't', 'v', 'm', 'o', 'p']);

/** Options from argv; an old-style first word (`cf`, `xmf`) takes its letters' values from the next words. */
function parse(argv: string[]): TarOptions | { error: string } {
  const o: TarOptions = { file: '-', verbose: false, touch: false, noSameOwner: false, noSamePermissions: false, operands: [] };
  const args = [...argv];
  const set = (letter: string, value?: string): string | undefined => {
    if (letter === 'c' || letter === 'x' || letter === 't') o.mode = letter;
    else if (letter === 'f') o.file = value!;
    else if (letter === 'C') o.dir = value!;
    else if (letter === 'v') o.verbose = true;
    else if (letter === 'm') o.touch = true;
    else if (letter === 'o') o.noSameOwner = true;
    else if (!FLAGS.has(letter)) return letter;
    return undefined;
  };
  if (args[0] && !args[0].startsWith('-')) {
    const bundle = args.shift()!;
    for (const letter of bundle) {
      if (WITH_VALUE.has(letter)) {
        const v = args.shift();
        if (v === undefined) return { error: `:${letter}` };
        set(letter, v);
      } else if (set(letter)) return { error: letter };
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s);
      if (name === 'no-same-permissions') o.noSamePermissions = true;
      const letter = LONG[name!];
      if (letter === undefined) return { error: a.split('=')[0]! };
      if (letter && WITH_VALUE.has(letter)) {
        const v = value ?? args[++i];
        if (v === undefined) return { error: `:${letter}` };
        set(letter, v);
      } else if (letter) set(letter);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      o.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]!;
      if (WITH_VALUE.has(letter)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { error: `:${letter}` };
        set(letter, v);
        break;
      }
      if (set(letter)) return { error: letter };
    }
  }
  return o;
}

/** tar's status after errors it carried on from: GNU 2 with its closing line, busybox 1 with its own. */
function delayedFailure(proc: Proc): number {
  const gnu = flavorOf(proc) === 'gnu';
  proc.stderr.write(gnu ? 'tar: Exiting with failure status due to previous errors\n' : 'tar: error exit delayed from previous errors\n');
  return gnu ? 2 : 1;
}

/** An error tar cannot go on from. */
function fatal(proc: Proc, gnuText: string, busyboxText: string): number {
  const gnu = flavorOf(proc) === 'gnu';
  proc.stderr.write(gnu ? `tar: ${gnuText}\ntar: Error is not recoverable: exiting now\n` : `tar: ${busyboxText}\n`);
  return gnu ? 2 : 1;
}

/**
 * Member names lose a leading `/` and `../` (GNU: each distinct prefix once; busybox: once per run,
 * and also a `/../` part in the middle).
 */
function memberName(proc: Proc, name: string, warned: Set<string>): string {
  const gnu = flavorOf(proc) === 'gnu';
  let rest = name;
  for (;;) {
    if (rest.startsWith('/')) rest = rest.slice(1);
    else if (rest.startsWith('../')) rest = rest.slice(3);
    else if (!gnu && rest.includes('/../')) rest = rest.slice(rest.indexOf('/../') + 4);
    else break;
  }
  if (rest === '..') rest = '';
  const prefix = name.slice(0, name.length - rest.length);
  if (prefix && !(gnu ? warned.has(prefix) : warned.size > 0)) {
    warned.add(prefix);
    proc.stderr.write(gnu ? `tar: Removing leading \`${prefix}' from member names\n` : `tar: removing leading '${prefix}' from member names\n`);
  }
  return rest;
}

function entriesOf(fs: FileSystem, path: string, name: string, out: TarEntry[]): void {
  const st = fs.lstat(path);
  const base = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtime / 1000), data: '', linkname: '' };
  if (st.kind === 'link') out.push({ ...base, name, type: 'symlink', linkname: fs.readlink(path) });
  else if (st.kind === 'file') out.push({ ...base, name, type: 'file', data: fs.readFile(path) });
  else {
    out.push({ ...base, name: name.endsWith('/') || !name ? name : `${name}/`, type: 'dir' });
    for (const child of fs.readdir(path)) entriesOf(fs, `${path === '/' ? '' : path}/${child}`, name ? `${name.replace(/\/$/, '')}/${child}` : child, out);
  }
}

function* create(proc: Proc, o: TarOptions, fs: FileSystem): Generator<never, number, unknown> {
  const gnu = flavorOf(proc) === 'gnu';
  if (o.operands.length === 0) {
    proc.stderr.write(gnu ? "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n" : 'tar: empty archive\n');
    return gnu ? 2 : 1;
  }
  if (o.file === '-' && proc.stdout.isTTY && gnu) {
    proc.stderr.write("tar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n");
    return 2;
  }
  const cwd = o.dir ? abs(proc, o.dir) : proc.cwd;
  const entries: TarEntry[] = [];
  const warned = new Set<string>();
  let failed = false;
  for (const operand of o.operands) {
    // GNU names the member before it looks at the file; busybox only names what it found.
    const name = gnu ? memberName(proc, operand, warned) : operand;
    try {
      const found: TarEntry[] = [];
      entriesOf(fs, operand.startsWith('/') ? operand : `${cwd}/${operand}`, name, found);
      for (const e of found) {
        e.name = gnu ? e.name : memberName(proc, e.name, warned);
        if (e.name) entries.push(e);
      }
    } catch (e) {
      proc.stderr.write(gnu ? `tar: ${operand}: Cannot stat: ${errText(e)}\n` : `tar: ${operand}: ${errText(e)}\n`);
      failed = true;
    }
  }
  const archive = encodeTar(entries, gnu ? GNU_RECORD : 0);
  const listing = entries.map((e) => `${e.name}\n`).join('');
  if (o.file === '-') {
    if (o.verbose) proc.stderr.write(listing);
    proc.stdout.write(archive);
  } else {
    if (o.verbose) proc.stdout.write(listing);
    try {
      fs.writeFile(abs(proc, o.file), archive);
    } catch (e) {
      return fatal(proc, `${o.file}: Cannot open: ${errText(e)}`, `can't open '${o.file}': ${errText(e)}`);
    }
  }
  return failed ? delayedFailure(proc) : 0;
}

/** Writes one member under `dir`; an error is reported in each tar's wording and extraction goes on (GNU) or stops (busybox). */
function extractOne(proc: Proc, fs: FileSystem, dir: string, e: TarEntry, o: TarOptions): void {
  const path = `${dir === '/' ? '' : dir}/${e.name.replace(/\/$/, '')}`;
  const creds = machineOf(proc).creds;
  const root = !creds || creds.uid === 0;
  const mode = root && !o.noSamePermissions ? e.mode : e.mode & ~0o022;
  const saved = fs.creator;
  if (root && !o.noSameOwner) fs.creator = { uid: e.uid, gid: e.gid };
  try {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!fs.exists(parent)) fs.mkdir(parent, true);
    if (e.type === 'dir') {
      if (!fs.exists(path)) fs.mkdir(path);
      fs.chmod(path, mode);
      return;
    }
    if (fs.exists(path) || isLink(fs, path)) {
      if (fs.lstat(path).kind === 'dir') throw new FsError('EISDIR', path);
      fs.remove(path);
    }
    if (e.type === 'symlink') fs.symlink(e.linkname, path);
    else fs.writeFile(path, e.data, { mode });
  } finally {
    fs.creator = saved;
  }
}

function isLink(fs: FileSystem, path: string): boolean {
  try {
    return fs.lstat(path).kind === 'link';
  } catch {
    return false;
  }
}

function* readArchive(proc: Proc, o: TarOptions, fs: FileSystem) {
  if (o.file === '-') return { ok: true as const, text: yield* readAll(proc) };
  try {
    return { ok: true as const, text: fs.readFile(abs(proc, o.file)) };
  } catch (e) {
    return { ok: false as const, code: fatal(proc, `${o.file}: Cannot open: ${errText(e)}`, `can't open '${o.file}': ${errText(e)}`) };
  }
}

function* extractOrList(proc: Proc, o: TarOptions, fs: FileSystem) {
  const gnu = flavorOf(proc) === 'gnu';
  const read = yield* readArchive(proc, o, fs);
  if (!read.ok) return read.code;
  let dir = proc.cwd;
  if (o.dir) {
    dir = abs(proc, o.dir);
    const st = fs.exists(dir) ? fs.stat(dir) : undefined;
    if (!st || st.kind !== 'dir') {
      const why = new FsError(st ? 'ENOTDIR' : 'ENOENT', dir).text;
      return fatal(proc, `${o.dir}: Cannot open: ${why}`, `can't change directory to '${o.dir}': ${why}`);
    }
  }
  const archive = decodeTar(read.text);
  if (archive.error === 'not-tar') {
    // busybox reads an empty input as an archive that ended at once.
    if (!gnu && read.text === '') {
      proc.stderr.write('tar: short read\n');
      return 0;
    }
    if (gnu) {
      proc.stderr.write('tar: This does not look like a tar archive\n');
      return delayedFailure(proc);
    }
    proc.stderr.write(read.text.length < 512 ? 'tar: short read\n' : 'tar: invalid tar magic\n');
    return 1;
  }
  const warned = new Set<string>();
  let failed = false;
  for (const e of archive.entries) {
    const name = memberName(proc, e.name, warned);
    if (!name) continue;
    if (gnu && name.split('/').includes('..')) {
      proc.stderr.write(`tar: ${e.name}: Member name contains '..'\n`);
      failed = true;
      continue;
    }
    if (o.verbose || o.mode === 't') proc.stdout.write(`${e.name}\n`);
    if (o.mode === 't') continue;
    try {
      extractOne(proc, fs, dir, { ...e, name }, o);
    } catch (err) {
      if (!gnu) return fatal(proc, '', `can't open '${name}': ${errText(err)}`);
      proc.stderr.write(`tar: ${name}: Cannot open: ${errText(err)}\n`);
      failed = true;
    }
  }
  if (archive.error === 'truncated') return fatal(proc, 'Unexpected EOF in archive', 'short read');
  return failed ? delayedFailure(proc) : 0;
}

export const tar: Program = function* (proc) {
  const gnu = flavorOf(proc) === 'gnu';
  const o = parse(proc.argv.slice(1));
  if ('error' in o) return badOption(proc, o.error, gnu ? 2 : 1);
  const { fs } = machineOf(proc);
  if (!o.mode) {
    if (!gnu) return missingOperand(proc);
    proc.stderr.write("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n");
    return 2;
  }
  return o.mode === 'c' ? yield* create(proc, o, fs) : yield* extractOrList(proc, o, fs);
};
