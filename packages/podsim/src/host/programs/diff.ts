/**
 * GNU diffutils `diff [-u] [-N] [-q] A B` on the reader's machine: files, or two directories compared
 * entry by entry (what `kubectl diff` runs on its LIVE and MERGED folders). Unified output with three
 * lines of context and the files' modification times, or the normal `NcM` format. Exit 0 when equal,
 * 1 when different, 2 on trouble. The line matching is jsdiff's (Myers, as GNU diff).
 */
import { diffLines, structuredPatch } from 'diff';
import { machineOf } from '../../kernel/machine.js';
import type { Program } from '../../kernel/process.js';
import { abs, errText, getopt } from '../../programs/util.js';

/** `2026-12-07 03:33:51.690376759 +0000`: GNU diff's time stamp of a header line (UTC, nanoseconds). */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function unified(a: string, b: string, aText: string, bText: string, aTime: number, bTime: number): string {
  const patch = structuredPatch(a, b, aText, bText, '', '', { context: 3 });
  let out = `--- ${a}\t${stamp(aTime)}\n+++ ${b}\t${stamp(bTime)}\n`;
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const l of h.lines) out += `${l}\n`;
  }
  return out;
}

/** The normal format: `3c3`, `5a6,7`, `8d7` with `<` and `>` lines. */
function normal(aText: string, bText: string): string {
  let out = '';
  let aLine = 1;
  let bLine = 1;
  const parts = diffLines(aText, bText);
  const lines = (v: string) => v.replace(/\n$/, '').split('\n');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) {
      aLine += p.count ?? 0;
      bLine += p.count ?? 0;
      continue;
    }
    const removed = p.removed ? p : undefined;
    const added = p.removed && parts[i + 1]?.added ? parts[++i] : p.added ? p : undefined;
    const rc = removed?.count ?? 0;
    const ac = added?.count ?? 0;
    const aRange = rc <= 1 ? `${rc === 0 ? aLine - 1 : aLine}` : `${aLine},${aLine + rc - 1}`;
    const bRange = ac <= 1 ? `${ac === 0 ? bLine - 1 : bLine}` : `${bLine},${bLine + ac - 1}`;
    out += `${aRange}${rc && ac ? 'c' : rc ? 'd' : 'a'}${bRange}\n`;
    if (removed) out += lines(removed.value).map((l) => `< ${l}\n`).join('');
    if (removed && added) out += '---\n';
    if (added) out += lines(added.value).map((l) => `> ${l}\n`).join('');
    aLine += rc;
    bLine += ac;
  }
  return out;
}

interface Side {
  path: string;
  text: string;
  mtime: number;
}

export const diff: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'uNq', { long: { unified: 'u', 'new-file': 'N', brief: 'q' } });
  if (o.error) {
    proc.stderr.write(o.error.startsWith('--') ? `diff: unrecognized option '${o.error}'\n` : `diff: invalid option -- '${o.error}'\n`);
    proc.stderr.write("diff: Try 'diff --help' for more information.\n");
    return 2;
  }
  if (o.operands.length < 2) {
    proc.stderr.write(`diff: missing operand after '${o.operands[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  if (o.operands.length > 2) {
    proc.stderr.write(`diff: extra operand '${o.operands[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const { fs } = machineOf(proc);
  const [a, b] = o.operands;
  const options = proc.argv.slice(1).filter((w) => w.startsWith('-') && w !== '-');
  const newFile = o.flags.has('N');
  const read = (path: string, missingOk: boolean): Side | undefined => {
    try {
      return { path, text: fs.readFile(abs(proc, path)), mtime: fs.stat(abs(proc, path)).mtime };
    } catch (e) {
      if (missingOk && !fs.exists(abs(proc, path))) return { path, text: '', mtime: 0 };
      proc.stderr.write(`diff: ${path}: ${errText(e)}\n`);
      return undefined;
    }
  };
  const compare = (x: Side, y: Side, header: boolean): number => {
    if (x.text === y.text) return 0;
    if (o.flags.has('q')) {
      proc.stdout.write(`Files ${x.path} and ${y.path} differ\n`);
      return 1;
    }
    // The header repeats the options as they were given.
    if (header) proc.stdout.write(`diff ${[...options, x.path, y.path].join(' ')}\n`);
    proc.stdout.write(o.flags.has('u') ? unified(x.path, y.path, x.text, y.text, x.mtime, y.mtime) : normal(x.text, y.text));
    return 1;
  };
  const isDir = (p: string): boolean => fs.exists(abs(proc, p)) && fs.stat(abs(proc, p)).kind === 'dir';
  if (!isDir(a) || !isDir(b)) {
    // A file against a directory compares with the file of the same name inside it.
    const x = read(isDir(a) ? `${a.replace(/\/$/, '')}/${b.split('/').pop()}` : a, false);
    const y = read(isDir(b) ? `${b.replace(/\/$/, '')}/${a.split('/').pop()}` : b, false);
    return x && y ? compare(x, y, false) : 2;
  }
  let status = 0;
  const names = [...new Set([...fs.readdir(abs(proc, a)), ...fs.readdir(abs(proc, b))])].sort();
  for (const name of names) {
    const pa = `${a.replace(/\/$/, '')}/${name}`;
    const pb = `${b.replace(/\/$/, '')}/${name}`;
    const inA = fs.exists(abs(proc, pa));
    const inB = fs.exists(abs(proc, pb));
    if ((!inA || !inB) && !newFile) {
      proc.stdout.write(`Only in ${inA ? a : b}: ${name}\n`);
      status = Math.max(status, 1);
      continue;
    }
    if (isDir(pa) && isDir(pb)) {
      proc.stdout.write(`Common subdirectories: ${pa} and ${pb}\n`);
      continue;
    }
    const x = read(pa, newFile);
    const y = read(pb, newFile);
    status = Math.max(status, x && y ? compare(x, y, true) : 2);
  }
  return status;
};
