/** Path arithmetic on the virtual file system: absolute, normalised, slash-separated paths. */

/** A `.` or `..` segment, a double slash or a trailing slash: the path needs normalising. */
const NOT_NORMAL = /\/\/|\/\.\.?(\/|$)|.\/$/;

/** Normalises `path` against `cwd` into an absolute path without `.`/`..`/double slashes. */
export function resolvePath(cwd: string, path: string): string {
  if (path.charCodeAt(0) === 47 && !NOT_NORMAL.test(path)) return path;
  const parts: string[] = [];
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/**
 * A normalised path and its segments, per path string as given. Programs and servers open the same
 * paths over and over (a web server's index page on every probe): the split is kept, not redone.
 */
export interface Walk {
  abs: string;
  segs: readonly string[];
}
const walks = new Map<string, Walk>();
const WALKS_LIMIT = 512;
const WALK_PATH_MAX = 256;

export function walkOf(path: string): Walk {
  let w = walks.get(path);
  if (!w) {
    const abs = resolvePath('/', path);
    w = { abs, segs: abs === '/' ? [] : abs.slice(1).split('/') };
    if (path.length > WALK_PATH_MAX) return w;
    if (walks.size >= WALKS_LIMIT) walks.clear();
    walks.set(path, w);
  }
  return w;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1) || '/';
}
