/** Glob patterns: matching (case, ${x#pat}, [[ ]]) and path expansion on a machine's file system. */
import type { FileSystem } from '../kernel/fs.js';

/** A pattern piece: `glob` text has *, ?, […] active; quoted text matches literally. */
export interface PatternChunk {
  text: string;
  glob: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function hasGlob(chunks: PatternChunk[]): boolean {
  return chunks.some((c) => c.glob && /[*?[]/.test(c.text));
}

/** Regular-expression source for a pattern (no anchors); `greedy` false makes * lazy. */
export function patternSource(chunks: PatternChunk[], greedy = true): string {
  let re = '';
  for (const c of chunks) {
    if (!c.glob) {
      re += escapeRe(c.text);
      continue;
    }
    const s = c.text;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '*') re += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
      else if (ch === '?') re += '[\\s\\S]';
      else if (ch === '\\' && i + 1 < s.length) re += escapeRe(s[++i]);
      else if (ch === '[') {
        const end = s.indexOf(']', i + 2);
        if (end < 0) {
          re += '\\[';
          continue;
        }
        let body = s.slice(i + 1, end);
        const neg = body[0] === '!' || body[0] === '^';
        if (neg) body = body.slice(1);
        body = body
          .replace(/\[:(\w+):\]/g, (_, cls: string) => CLASSES[cls] ?? '')
          .replace(/\\/g, '\\\\')
          .replace(/]/g, '\\]');
        re += `[${neg ? '^' : ''}${body}]`;
        i = end;
      } else re += escapeRe(ch);
    }
  }
  return re;
}

export const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n',
  xdigit: '0-9A-Fa-f',
};

export function matchPattern(chunks: PatternChunk[], text: string): boolean {
  try {
    return new RegExp(`^${patternSource(chunks)}$`).test(text);
  } catch {
    return false;
  }
}

/** Expands a path pattern against `fs`; sorted matches, or [] when nothing matches. */
export function globPaths(fs: FileSystem, cwd: string, chunks: PatternChunk[]): string[] {
  // Split the pattern at '/' while keeping each chunk's quoting.
  const segs: PatternChunk[][] = [[]];
  for (const c of chunks) {
    const pieces = c.text.split('/');
    pieces.forEach((p, idx) => {
      if (idx > 0) segs.push([]);
      if (p) segs[segs.length - 1].push({ text: p, glob: c.glob });
    });
  }
  const absolute = segs[0].length === 0 && chunks[0]?.text.startsWith('/');
  let results: string[] = [absolute ? '/' : ''];
  const parts = absolute ? segs.slice(1) : segs;
  for (let k = 0; k < parts.length; k++) {
    const seg = parts[k];
    const next: string[] = [];
    const last = k === parts.length - 1;
    for (const base of results) {
      if (seg.length === 0) {
        next.push(base);
        continue;
      }
      const dir = base === '' ? cwd : base;
      if (!hasGlob(seg)) {
        const name = seg.map((c) => c.text).join('');
        const path = join(base, name);
        if (fs.exists(path.startsWith('/') ? path : `${cwd}/${path}`)) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = new RegExp(`^${patternSource(seg)}$`);
      const dotOk = seg[0].text.startsWith('.');
      for (const n of names) {
        if (n.startsWith('.') && !dotOk) continue;
        if (!re.test(n)) continue;
        const path = join(base, n);
        if (!last) {
          try {
            if (fs.stat(path.startsWith('/') ? path : `${cwd}/${path}`).kind !== 'dir') continue;
          } catch {
            continue;
          }
        }
        next.push(path);
      }
    }
    results = next;
  }
  return results.filter((r) => r !== '').sort();
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}
