/**
 * `kubectl cp` file specs (`[[namespace/]pod:]path`) and the path arithmetic cp does on them: Go's
 * path.Clean/Dir/Base/Join, the leading `../` stripping and the "is it still inside the destination"
 * check that keep an archive from writing outside it. Models kubectl pkg/cmd/cp/filespec.go.
 */

export interface FileSpec {
  pod: string;
  namespace: string;
  file: string;
}

export const SPEC_FORMAT_ERROR = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** A path without one trailing slash ("/" stays); remote paths also turn `\` into `/`. */
export function trimTrailingSlash(file: string): string {
  return file !== '/' && file.endsWith('/') ? file.slice(0, -1) : file;
}

export function remotePath(file: string): string {
  return trimTrailingSlash(file).replaceAll('\\', '/');
}

export function extractFileSpec(arg: string): { ok: true; spec: FileSpec } | { ok: false; error: string } {
  const i = arg.indexOf(':');
  if (i === 0) return { ok: false, error: SPEC_FORMAT_ERROR };
  if (i < 0) return { ok: true, spec: { pod: '', namespace: '', file: trimTrailingSlash(arg) } };
  const pieces = arg.slice(0, i).split('/');
  const file = remotePath(arg.slice(i + 1));
  if (pieces.length === 1) return { ok: true, spec: { pod: pieces[0]!, namespace: '', file } };
  if (pieces.length === 2) return { ok: true, spec: { pod: pieces[1]!, namespace: pieces[0]!, file } };
  return { ok: false, error: SPEC_FORMAT_ERROR };
}

/** Go path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go path.Dir. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Go path.Base. */
export function base(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** Go path.Join: the non-empty elements joined and cleaned. */
export function join(...elems: string[]): string {
  const parts = elems.filter((e) => e !== '');
  return parts.length ? clean(parts.join('/')) : '';
}

/** Leading `../` removed, a bare `.`/`..` made empty, then one leading `/` dropped. */
export function stripPathShortcuts(p: string): string {
  let s = p;
  while (s.startsWith('../')) s = s.slice(3);
  if (s === '.' || s === '..') s = '';
  return s.startsWith('/') ? s.slice(1) : s;
}

/** Whether `target` stays inside `base` (filepath.Rel gives `.` or a path not climbing out). */
export function isRelative(baseDir: string, target: string): boolean {
  const b = clean(baseDir);
  const t = clean(target);
  if (b.startsWith('/') !== t.startsWith('/')) return false;
  const bs = b === '.' || b === '/' ? [] : b.replace(/^\//, '').split('/');
  const ts = t === '.' || t === '/' ? [] : t.replace(/^\//, '').split('/');
  // Rel climbs out of every base segment the target does not share.
  let common = 0;
  while (common < bs.length && common < ts.length && bs[common] === ts[common]) common++;
  const rel = [...Array(bs.length - common).fill('..'), ...ts.slice(common)].join('/') || '.';
  return rel === '.' || rel === stripPathShortcuts(rel);
}
