/**
 * The part of the Caddyfile a Pod tutorial writes: site blocks addressed `:PORT` or `http://…`, with
 * root, file_server and respond; directives Caddy has that the sandbox does not model are kept as
 * "not simulated" handlers, and anything else fails as `caddy adapt` does (file:line: message).
 */
export interface Site {
  port: number;
  root: string;
  fileServer: boolean;
  respond?: { body: string; status: number };
  unsimulated: string[];
}

/** Directives of the standard Caddy build (https://caddyserver.com/docs/caddyfile/directives). */
const KNOWN = new Set([
  'abort', 'acme_server', 'basic_auth', 'basicauth', 'bind', 'encode', 'error', 'forward_auth', 'handle', 'handle_errors', 'handle_path', 'header', 'import',
  'intercept', 'invoke', 'log', 'log_append', 'log_skip', 'map', 'method', 'metrics', 'php_fastcgi', 'push', 'redir', 'request_body', 'request_header',
  'reverse_proxy', 'rewrite', 'route', 'templates', 'tls', 'tracing', 'try_files', 'uri', 'vars',
]);
/** Directives that change nothing a sandbox reader can see. */
const HARMLESS = new Set(['encode', 'log', 'tls', 'bind', 'metrics', 'tracing', 'import', 'log_skip', 'log_append']);

export class CaddyfileError extends Error {}

function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)].map((m) => m[1]?.replace(/\\"/g, '"') ?? m[2] ?? m[3]);
}

export function parseCaddyfile(text: string, file: string): Site[] {
  const sites: Site[] = [];
  let site: Site | undefined;
  let depth = 0;
  let skipping = 0;
  text.split('\n').forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const w = words(line);
    const opens = w[w.length - 1] === '{';
    if (opens) w.pop();
    if (line === '}') {
      if (skipping > 0) skipping--;
      else if (--depth === 0) site = undefined;
      if (depth < 0) throw new CaddyfileError(`${where}: Unexpected '}' because no matching opening brace`);
      return;
    }
    if (skipping > 0) {
      if (opens) skipping++;
      return;
    }
    if (depth === 0) {
      depth = opens ? 1 : 0;
      if (w.length === 0) {
        skipping = opens ? 1 : 0;
        depth = 0;
        return;
      }
      site = { port: portOf(w[0], where), root: '', fileServer: false, unsimulated: [] };
      sites.push(site);
      return;
    }
    if (!site) return;
    const [name, ...args] = w;
    const rest = args[0]?.startsWith('/') || args[0] === '*' ? args.slice(1) : args;
    if (name === 'root') site.root = rest[0] ?? '';
    else if (name === 'file_server') site.fileServer = true;
    else if (name === 'respond') {
      const status = /^\d{3}$/.test(rest[rest.length - 1] ?? '') ? Number(rest.pop()) : 200;
      site.respond = { body: rest[0] ?? '', status };
    } else if (KNOWN.has(name)) {
      if (!HARMLESS.has(name)) site.unsimulated.push(name);
    } else throw new CaddyfileError(`${where}: unrecognized directive: ${name}`);
    if (opens) skipping = 1;
  });
  if (depth !== 0) throw new CaddyfileError(`${file}:${text.split('\n').length}: Unexpected EOF`);
  return sites;
}

function portOf(address: string, where: string): number {
  const m = /^(?:(https?):\/\/)?([^:/]*)(?::(\d+))?$/.exec(address);
  if (!m) throw new CaddyfileError(`${where}: parsing site address '${address}'`);
  const [, scheme, host, port] = m;
  if (port) return Number(port);
  if (scheme === 'http') return 80;
  throw new CaddyfileError(`${where}: site '${host}' would be served over automatic HTTPS, which this sandbox does not simulate; address it as :PORT or http://${host}`);
}
