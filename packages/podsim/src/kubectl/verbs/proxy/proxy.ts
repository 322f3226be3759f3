/**
 * `kubectl proxy`: serves the cluster API on the reader's loopback (127.0.0.1:8001 by default) until
 * Ctrl+C, so `curl localhost:8001/api/v1/...` reads the cluster; paths under --api-prefix go to the API
 * server (its GETs, and the pods and services proxy subresources), exec and attach are refused as
 * --reject-paths says. Models kubectl pkg/cmd/proxy/proxy.go and pkg/proxy/proxy_server.go.
 */
import { proxyAnswer } from '../../../api/rest/get.js';
import { goJsonText } from '../../../api/rest/json.js';
import { methodNotAllowed } from '../../../api/status.js';
import type { Listener } from '../../../kernel/net.js';
import { forever, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { rawGet } from '../../rest.js';

const FLAGS: FlagSpec[] = [
  { name: 'accept-hosts', type: 'string', default: '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$', help: 'Regular expressions of the Host headers the proxy accepts.' },
  { name: 'accept-paths', type: 'string', default: '^.*', help: 'Regular expressions of the paths the proxy accepts.' },
  { name: 'address', type: 'string', default: '127.0.0.1', help: 'The IP address to serve on.' },
  { name: 'api-prefix', type: 'string', default: '/', help: 'Prefix under which the API is served.' },
  { name: 'append-server-path', type: 'bool', default: false, help: "Append the kubeconfig server's path to every request." },
  { name: 'disable-filter', type: 'bool', default: false, help: 'Turn off the request filter (unsafe).' },
  { name: 'keepalive', type: 'duration', default: '0s', help: 'Keep-alive period of network connections.' },
  { name: 'port', short: 'p', type: 'int', default: 8001, help: 'The port to serve on; 0 picks one.' },
  { name: 'reject-methods', type: 'string', default: '^$', help: 'Regular expressions of the HTTP methods the proxy refuses.' },
  { name: 'reject-paths', type: 'string', default: '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach', help: 'Regular expressions of the paths the proxy refuses.' },
  { name: 'unix-socket', short: 'u', type: 'string', help: 'A Unix socket to serve on instead of a port.' },
  { name: 'www', short: 'w', type: 'string', help: 'A directory of static files to serve too.' },
  { name: 'www-prefix', short: 'P', type: 'string', default: '/static/', help: 'Prefix under which the static files are served.' },
];

const patterns = (s: string): RegExp[] => s.split(',').filter(Boolean).map((p) => new RegExp(p));
const matchesAny = (res: RegExp[], s: string): boolean => res.some((r) => r.test(s));

function* runProxy(inv: Invocation) {
  const prefix = inv.flags.str('api-prefix');
  const address = inv.flags.str('address');
  const port = inv.flags.int('port') || 30000 + inv.host.random.int(30000);
  const rejectPaths = patterns(inv.flags.str('reject-paths'));
  const acceptPaths = patterns(inv.flags.str('accept-paths'));
  const rejectMethods = patterns(inv.flags.str('reject-methods'));
  const filter = !inv.flags.bool('disable-filter');
  const listener: Listener = {
    port,
    owner: `kubectl[${inv.proc.pid}]`,
    http: (req) => {
      const full = req.path;
      const pathOnly = full.split('?')[0];
      if (!pathOnly.startsWith(prefix)) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
      const apiPath = `/${full.slice(prefix.length).replace(/^\/+/, '')}`;
      if (filter && (matchesAny(rejectMethods, req.method) || matchesAny(rejectPaths, apiPath.split('?')[0]) || !matchesAny(acceptPaths, apiPath.split('?')[0]))) {
        return { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Forbidden' };
      }
      const pretty = /^(curl|Wget)/.test(req.headers['User-Agent'] ?? '');
      const proxied = proxyAnswer(inv.api, { ...req, path: apiPath }, pretty);
      if (proxied) return proxied;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return { status: 405, headers: { 'Content-Type': 'application/json' }, body: goJsonText(methodNotAllowed(), pretty) };
      }
      const r = rawGet(inv, apiPath, { accept: req.headers.Accept, userAgent: req.headers['User-Agent'] });
      return { status: r.code, headers: { 'Content-Type': r.contentType }, body: r.body };
    },
  };
  if (inv.host.net.listen(listener) === 'EADDRINUSE') {
    inv.err(plainError(`listen tcp ${address}:${port}: bind: address already in use`));
    return 1;
  }
  inv.out(`Starting to serve on ${address.includes(':') ? `[${address}]` : address}:${port}\n`);
  try {
    yield* wait(forever);
  } finally {
    inv.host.net.close(port, listener);
  }
  return 0;
}

export const proxy: Command = {
  name: 'proxy',
  short: 'Run a proxy to the Kubernetes API server',
  usage: 'proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]',
  examples: '# Serve the API on localhost:8001\nkubectl proxy\n\n# Serve it on port 8011 under /k8s-api\nkubectl proxy --port=8011 --api-prefix=/k8s-api',
  flags: FLAGS,
  run: runProxy,
};
