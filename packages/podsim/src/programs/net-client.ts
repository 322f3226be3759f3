/**
 * Client side of the simulated network for wget/curl/nc/nslookup: name resolution through
 * /etc/resolv.conf search domains and the cluster DNS (Network.lookup), connect, one HTTP exchange.
 */
import { DNS_PROTOCOL, type DnsQuery, type DnsReply } from '../kernel/dns.js';
import { machineOf } from '../kernel/machine.js';
import type { ConnectError, HttpResponse, Listener } from '../kernel/net.js';
import type { Proc } from '../kernel/process.js';
import type { Waitable } from '../kernel/waitable.js';
import { wait } from '../kernel/waitable.js';

export const HTTP_REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/** `host[:port][/path]` with or without `http://`; undefined when it is not a URL at all. */
export function parseUrl(text: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?][^#]*)?/.exec(text);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ? (m[4].startsWith('?') ? `/${m[4]}` : m[4]) : '/';
  return { scheme, host: m[2].replace(/^\[|\]$/g, ''), port, path };
}

interface ResolverConf {
  search: string[];
  ndots: number;
  nameserver?: string;
}

/** The machine's /etc/resolv.conf: search list, ndots (glibc and musl default to 1) and first nameserver. */
export function resolverConf(proc: Proc): ResolverConf {
  const conf: ResolverConf = { search: [], ndots: 1 };
  let text: string;
  try {
    text = machineOf(proc).fs.readFile('/etc/resolv.conf');
  } catch {
    return conf;
  }
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'search') conf.search = rest;
    else if (key === 'nameserver' && conf.nameserver === undefined) conf.nameserver = rest[0];
    else if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) conf.ndots = Number(o.slice(6)) || 0;
  }
  return conf;
}

/**
 * The names a resolver asks for, in order: a name ending in a dot as is; one with at least `ndots`
 * dots as is first, then with each search domain; a shorter one with the search domains first.
 */
export function candidateNames(proc: Proc, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const { search, ndots } = resolverConf(proc);
  const searched = search.map((d) => `${name}.${d}`);
  return name.split('.').length - 1 >= ndots ? [name, ...searched] : [...searched, name];
}

/** Where the machine's web documents are served from: one address of TEST-NET-3 (RFC 5737) per host. */
const WEB_NET = '203.0.113.';

function webHosts(proc: Proc): string[] {
  const hosts = new Set<string>();
  for (const u of Object.keys(machineOf(proc).web ?? {})) {
    const p = parseUrl(u);
    if (p) hosts.add(p.host);
  }
  return [...hosts].sort();
}

/** A server answering GET for the machine's web documents at `ip`, else undefined. */
function webServer(proc: Proc, ip: string, port: number): Listener | undefined {
  if (!ip.startsWith(WEB_NET)) return undefined;
  const host = webHosts(proc)[Number(ip.slice(WEB_NET.length)) - 1];
  const web = machineOf(proc).web ?? {};
  if (!host) return undefined;
  return {
    port,
    owner: host,
    ...(port === 443 ? { tls: { issuer: 'public', names: [host] } } : {}),
    http: (req) => {
      const scheme = port === 443 ? 'https' : 'http';
      const body = web[`${scheme}://${host}${req.path}`];
      return body === undefined ? { status: 404, body: '404 page not found\n' } : { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
    },
  };
}

export interface HostsEntry {
  name: string;
  aliases: string[];
  ips: string[];
}

/** The /etc/hosts line(s) naming `key`, of one address family: what the C library reads before DNS. */
export function hostsFileEntry(proc: Proc, key: string, v6: boolean): HostsEntry | undefined {
  const text = machineOf(proc).fs.readFileOr('/etc/hosts');
  const ips: string[] = [];
  let found: HostsEntry | undefined;
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !names.includes(key) || ip.includes(':') !== v6) continue;
    found ??= { name: names[0], aliases: names.slice(1), ips };
    ips.push(ip);
  }
  return found;
}

/** The address `name` resolves to from this machine, or undefined (unknown host). */
export function resolveHost(proc: Proc, name: string): string | undefined {
  if (name === 'localhost') return '127.0.0.1';
  const web = webHosts(proc).indexOf(name);
  if (web >= 0) return `${WEB_NET}${web + 1}`;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name) || name === '::1') return name;
  const listed = hostsFileEntry(proc, name, false);
  if (listed) return listed.ips[0];
  const net = machineOf(proc).net;
  if (net && name === proc.sys.hostname()) return net.ip;
  return resolveFqdn(proc, name)?.ip;
}

/**
 * Asks the DNS server at `server` one question over the cluster network; undefined when nothing
 * answers there (no DNS server behind the address, a Service without ready endpoints).
 */
export function queryDns(proc: Proc, server: string, q: DnsQuery): DnsReply | undefined {
  const net = machineOf(proc).net;
  const listener = net?.connect(server, 53);
  if (!net || typeof listener === 'string' || !listener?.open) return undefined;
  const session = listener.open(net.ip);
  return session?.protocol === DNS_PROTOCOL ? (session.request(q) as DnsReply) : undefined;
}

/**
 * The fully qualified name that resolved and its addresses, asking the resolv.conf nameserver;
 * 'timeout' when no server answers. A machine without a nameserver reads the cluster's records directly.
 */
export function resolveNames(proc: Proc, names: string[], server = resolverConf(proc).nameserver): { fqdn: string; ips: string[] } | 'timeout' | undefined {
  const network = machineOf(proc).net?.network;
  if (!network) return undefined;
  for (const fqdn of names) {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(fqdn)) return { fqdn, ips: [fqdn] };
    if (server === undefined) {
      const ips = network.dns.lookup(fqdn);
      if (ips.length) return { fqdn, ips };
      continue;
    }
    const reply = queryDns(proc, server, { name: fqdn, type: 'A' });
    if (!reply) return 'timeout';
    if (reply.answers.length) return { fqdn, ips: reply.answers };
  }
  return undefined;
}

/** The fully qualified name that resolved and its first address (nslookup's `Name:` line). */
export function resolveFqdn(proc: Proc, name: string): { fqdn: string; ip: string } | undefined {
  const found = resolveNames(proc, candidateNames(proc, name));
  return typeof found === 'object' ? { fqdn: found.fqdn, ip: found.ips[0] } : undefined;
}

export function connect(proc: Proc, ip: string, port: number): Listener | ConnectError {
  const site = webServer(proc, ip, port);
  if (site) return site;
  const net = machineOf(proc).net;
  if (!net) return ip === '127.0.0.1' || ip === '::1' ? 'ECONNREFUSED' : 'EHOSTUNREACH';
  return net.connect(ip, port);
}

export const CONNECT_ERROR_TEXT: Record<ConnectError, string> = {
  ECONNREFUSED: 'Connection refused',
  EHOSTUNREACH: 'No route to host',
  ETIMEDOUT: 'Connection timed out',
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/** Sends one request to a connected listener; a plain TCP server (no `http`) answers nothing. */
export function* exchange(
  proc: Proc,
  listener: Listener,
  req: { method: string; path: string; host: string; userAgent: string; body?: string; to: string; headers?: Readonly<Record<string, string | null>> },
): Generator<Waitable<unknown>, HttpResponse | undefined, unknown> {
  if (!listener.http) return undefined;
  const net = machineOf(proc).net;
  // A connection to a loopback address comes from that same address, as the server's log shows it.
  const remoteAddr = LOOPBACK.test(req.to) ? req.to : net ? net.ip : '127.0.0.1';
  const headers: Record<string, string> = { Host: req.host, 'User-Agent': req.userAgent, Accept: '*/*' };
  // The client's own headers replace the defaults whatever their case; null removes one.
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
    if (value !== null) headers[name] = value;
  }
  const r = listener.http({ method: req.method, path: req.path, headers, body: req.body, remoteAddr });
  const res = 'subscribe' in r ? yield* wait(r) : r;
  return res.closed ? undefined : res;
}
