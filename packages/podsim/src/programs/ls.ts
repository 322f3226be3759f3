/**
 * ls: one name per line into a pipe, columns on a terminal, `-l` long format (busybox fixed-width
 * fields, GNU fitted columns), -a/-A/-1/-d/-F.
 */
import type { FileSystem, Stat } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc, Program } from '../kernel/process.js';
import { strftime } from './date.js';
import { accountNames } from './accounts.js';
import { abs, badOption, errText, flavorOf, getopt } from './util.js';

interface Entry {
  name: string;
  path: string;
  st: Stat;
  target?: string;
}

/** The special bit of each rwx triplet (setuid, setgid, sticky) and the letters it shows with and without x. */
const SPECIAL = [
  { bit: 0o4000, x: 's', noX: 'S' },
  { bit: 0o2000, x: 's', noX: 'S' },
  { bit: 0o1000, x: 't', noX: 'T' },
];

function modeString(st: Stat): string {
  const type = st.kind === 'dir' ? 'd' : st.kind === 'link' ? 'l' : '-';
  let s = '';
  for (let i = 0; i < 3; i++) {
    const bits = (st.mode >> (6 - 3 * i)) & 7;
    const special = SPECIAL[i]!;
    const x = st.mode & special.bit ? (bits & 1 ? special.x : special.noX) : bits & 1 ? 'x' : '-';
    s += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + x;
  }
  return type + s;
}

function linkCount(fs: FileSystem, e: Entry): number {
  if (e.st.kind !== 'dir') return 1;
  try {
    return 2 + fs.readdir(e.path).filter((n) => fs.lstat(`${e.path === '/' ? '' : e.path}/${n}`).kind === 'dir').length;
  } catch {
    return 2;
  }
}

/** `Mmm dd HH:MM` for the last six months, `Mmm dd  YYYY` before. */
function timeField(mtime: number, now: number): string {
  const recent = now - mtime < 182 * 86_400_000 && mtime <= now + 3_600_000;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime);
}

function entryOf(fs: FileSystem, name: string, path: string): Entry {
  const st = fs.lstat(path);
  return { name, path, st, target: st.kind === 'link' ? fs.readlink(path) : undefined };
}

function decorate(e: Entry, classify: boolean): string {
  if (!classify) return e.name;
  if (e.st.kind === 'dir') return `${e.name}/`;
  if (e.st.kind === 'link') return `${e.name}@`;
  return (e.st.mode & 0o111) !== 0 ? `${e.name}*` : e.name;
}

function longLines(proc: Proc, fs: FileSystem, entries: Entry[], gnu: boolean, classify: boolean): string {
  const now = proc.clock.now();
  const users = accountNames(fs, '/etc/passwd');
  const groups = accountNames(fs, '/etc/group');
  const rows = entries.map((e) => {
    return {
      mode: modeString(e.st),
      links: String(linkCount(fs, e)),
      owner: users.get(e.st.uid) ?? String(e.st.uid),
      group: groups.get(e.st.gid) ?? String(e.st.gid),
      size: String(e.st.size),
      time: timeField(e.st.mtime, now),
      name: decorate(e, classify && e.st.kind !== 'link') + (e.target !== undefined ? ` -> ${e.target}` : ''),
    };
  });
  if (!gnu) return rows.map((r) => `${r.mode} ${r.links.padStart(4)} ${r.owner.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.time} ${r.name}\n`).join('');
  const w = (k: 'links' | 'owner' | 'group' | 'size') => Math.max(...rows.map((r) => r[k].length));
  return rows.map((r) => `${r.mode} ${r.links.padStart(w('links'))} ${r.owner.padEnd(w('owner'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${r.time} ${r.name}\n`).join('');
}

/** Column-major grid as on a terminal: busybox uses one width for all columns, GNU fits each column. */
function columns(names: string[], width: number, gnu: boolean): string {
  if (names.length === 0) return '';
  const gap = 2;
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const realCols = Math.ceil(names.length / rows);
    const colWidths: number[] = [];
    for (let c = 0; c < realCols; c++) {
      const slice = names.slice(c * rows, (c + 1) * rows);
      colWidths.push(Math.max(...slice.map((n) => n.length)));
    }
    const uniform = Math.max(...colWidths);
    const widths = gnu ? colWidths : colWidths.map(() => uniform);
    const total = widths.reduce((a, b) => a + b + gap, 0) - gap;
    if (total > width && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < realCols; c++) {
        const n = names[c * rows + r];
        if (n !== undefined) cells.push(n);
      }
      out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + gap))).join('') + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
}

export const ls: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'laA1dFhRrtSC', {
    long: { all: 'a', 'almost-all': 'A', classify: 'F', 'human-readable': 'h', directory: 'd', reverse: 'r', color: '', colour: '', 'group-directories-first': '' },
  });
  if (o.error) return badOption(proc, o.error, flavorOf(proc) === 'gnu' ? 2 : 1);
  const { fs } = machineOf(proc);
  const gnu = flavorOf(proc) === 'gnu';
  const long = o.flags.has('l');
  const classify = o.flags.has('F');
  const onePerLine = o.flags.has('1') || (!proc.stdout.isTTY && !o.flags.has('C'));
  const width = Number(proc.env.COLUMNS) || 80;
  const operands = o.operands.length > 0 ? o.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    try {
      const path = abs(proc, name);
      const st = fs.stat(path);
      const e: Entry = { name, path, st };
      if (st.kind === 'dir' && !o.flags.has('d')) dirs.push(e);
      else files.push(long ? entryOf(fs, name, path) : e);
    } catch (err) {
      proc.stderr.write(gnu ? `ls: cannot access '${name}': ${errText(err)}\n` : `ls: ${name}: ${errText(err)}\n`);
      status = gnu ? 2 : 1;
    }
  }
  const render = (entries: Entry[]) => {
    const sorted = sortEntries(entries, o.flags);
    if (long) return longLines(proc, fs, sorted, gnu, classify);
    const names = sorted.map((e) => decorate(e, classify));
    return onePerLine ? names.map((n) => n + '\n').join('') : columns(names, width, gnu);
  };
  let out = files.length > 0 ? render(files) : '';
  const headers = operands.length > 1 || o.flags.has('R');
  dirs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // -R lists each directory's subdirectories (not links to them) right after it, depth first.
  for (let i = 0; i < dirs.length; i++) {
    const d = dirs[i];
    let children: Entry[];
    try {
      children = listDir(fs, d.path, o.flags.has('a'), o.flags.has('A'));
    } catch (err) {
      // opendir fails before the directory's header is printed; what came before goes out first.
      proc.stdout.write(out);
      out = '';
      proc.stderr.write(gnu ? `ls: cannot open directory '${d.name}': ${errText(err)}\n` : `ls: can't open '${d.name}': ${errText(err)}\n`);
      status = gnu ? 2 : 1;
      continue;
    }
    if (out !== '' || i > 0) out += '\n';
    if (headers) out += `${d.name}:\n`;
    if (long) out += `total ${children.reduce((n, c) => n + (c.st.kind === 'link' ? 0 : Math.ceil(c.st.size / 4096) * 4), 0)}\n`;
    out += render(children);
    if (o.flags.has('R')) {
      const sub = sortEntries(children, o.flags).filter((c) => c.st.kind === 'dir' && c.name !== '.' && c.name !== '..');
      dirs.splice(i + 1, 0, ...sub.map((c) => ({ ...c, name: `${d.name.replace(/\/+$/, '')}/${c.name}` })));
    }
  }
  proc.stdout.write(out);
  return status;
};

function listDir(fs: FileSystem, path: string, all: boolean, almostAll: boolean): Entry[] {
  const base = path === '/' ? '' : path;
  const names = fs.readdir(path).filter((n) => all || almostAll || !n.startsWith('.'));
  const entries = names.map((n) => entryOf(fs, n, `${base}/${n}`));
  if (all) entries.push({ name: '.', path, st: fs.stat(path) }, { name: '..', path: base.slice(0, base.lastIndexOf('/')) || '/', st: fs.stat(base.slice(0, base.lastIndexOf('/')) || '/') });
  return entries;
}

function sortEntries(entries: Entry[], flags: Map<string, string | number>): Entry[] {
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const sorted = [...entries].sort(flags.has('t') ? (a, b) => b.st.mtime - a.st.mtime || byName(a, b) : flags.has('S') ? (a, b) => b.st.size - a.st.size || byName(a, b) : byName);
  return flags.has('r') ? sorted.reverse() : sorted;
}
