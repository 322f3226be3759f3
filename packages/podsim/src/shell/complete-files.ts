/** File-name completion relative to the shell's working directory (`~` kept as typed). */
import type { Shell } from './shell.js';

export function fileCandidates(sh: Shell, word: string, dirsOnly = false): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const home = sh.getVar('HOME') ?? '/';
  const dirAbs = sh.resolvePath(dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart || '.');
  let names: string[];
  try {
    names = sh.fs.readdir(dirAbs);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    if (!n.startsWith(base) || (n.startsWith('.') && !base.startsWith('.'))) continue;
    let isDir = false;
    try {
      isDir = sh.fs.stat(`${dirAbs}/${n}`).kind === 'dir';
    } catch {
      /* dangling link */
    }
    if (dirsOnly && !isDir) continue;
    out.push(dirPart + n + (isDir ? '/' : ''));
  }
  return out;
}
