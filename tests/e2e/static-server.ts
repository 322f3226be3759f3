/**
 * A small static server for the built site, mounted at a base path, for the site bench and the
 * sub-path test. Like a plain static host: files only, `dir/` serves `dir/index.html`, `dir`
 * redirects to `dir/`, gzip for text when the browser accepts it, `404.html` for anything else —
 * including every path outside the base, so a link or asset that forgot the base shows as a 404.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.ttf']);

export interface StaticServer {
  origin: string;
  /** Paths requested that had no file (404s), in order. */
  misses: string[];
  close(): Promise<void>;
}

export async function serveStatic(opts: { root: string; base?: string; port: number; host?: string }): Promise<StaticServer> {
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const host = opts.host ?? '127.0.0.1';
  const misses: string[] = [];
  const gzipped = new Map<string, Uint8Array>();

  const fileFor = async (path: string): Promise<{ file: string } | { redirect: string } | undefined> => {
    if (!path.startsWith(base)) return undefined;
    const rel = normalize(decodeURIComponent(path.slice(base.length)));
    if (rel.startsWith('..')) return undefined;
    const file = join(opts.root, rel);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file };
    if (info?.isDirectory()) return path.endsWith('/') ? fileFor(`${path}index.html`) : { redirect: `${path}/` };
    return undefined;
  };

  const send = async (req: IncomingMessage, res: ServerResponse, file: string, status: number) => {
    const ext = extname(file);
    let body: Uint8Array = await readFile(file);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body));
      body = gzipped.get(file)!;
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.writeHead(status, { 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    fileFor(path)
      .then(async (found) => {
        if (found && 'redirect' in found) {
          res.writeHead(301, { Location: found.redirect }).end();
        } else if (found) {
          await send(req, res, found.file, 200);
        } else {
          misses.push(path);
          await send(req, res, join(opts.root, '404.html'), 404).catch(() => res.writeHead(404).end());
        }
      })
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, resolve);
  });
  return {
    origin: `http://${host}:${opts.port}`,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
