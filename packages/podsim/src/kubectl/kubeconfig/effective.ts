/**
 * Which cluster a kubectl command talks to (client-go clientcmd): --context or the current context
 * of the kubeconfig files, its cluster's server. The sandbox's API server answers only at its own
 * address; any other server fails as a real one out of reach does (refused, unresolvable, timing out).
 */
import { resolvePath } from '../../kernel/fs.js';
import { sleep, type Task } from '../../kernel/waitable.js';
import type { Invocation } from '../command.js';
import type { KubeConfigInfo } from '../context.js';
import { klogError } from '../klog.js';
import { mergeConfigs, readConfigFiles } from './files.js';

export type Effective = { ok: true; info: KubeConfigInfo } | { ok: false; unreachable?: { server: string; dial: string; waitMs: number }; error?: string };

/** The context a command uses, or why it cannot reach a cluster. */
export function effectiveContext(inv: Invocation, sandboxServer: string): Effective {
  const explicit = inv.flags.str('kubeconfig');
  if (explicit && !inv.host.fs.exists(resolvePath(inv.proc.cwd, explicit))) return { ok: false, error: `stat ${explicit}: no such file or directory` };
  const read = readConfigFiles(inv);
  if (!read.ok) return { ok: false, error: read.error };
  const merged = mergeConfigs(read.files);
  const flagContext = inv.flags.str('context');
  const name = flagContext || merged['current-context'];
  const ctx = merged.contexts.find((x) => x.name === name);
  if (flagContext && !ctx) return { ok: false, error: `context was not found for specified context: ${flagContext}` };
  const clusterName = inv.flags.str('cluster') || String(ctx?.context.cluster ?? '');
  const server = inv.flags.str('server') || String(merged.clusters.find((x) => x.name === clusterName)?.cluster.server ?? '');
  if (!server) return { ok: false, unreachable: { server: 'localhost:8080', dial: 'dial tcp 127.0.0.1:8080: connect: connection refused', waitMs: 0 } };
  if (server === sandboxServer) {
    return { ok: true, info: { context: name, cluster: clusterName, user: inv.flags.str('user') || String(ctx?.context.user ?? ''), namespace: String(ctx?.context.namespace ?? '') || 'default', server } };
  }
  let url: URL;
  try {
    url = new URL(server.includes('://') ? server : `https://${server}`);
  } catch {
    return { ok: false, error: `invalid configuration: [host must be a URL or a host:port pair: ${JSON.stringify(server)}]` };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'http:' ? '80' : '443');
  const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  if (host === 'localhost' || host === '127.0.0.1' || host === '::1') return { ok: false, unreachable: { server: `${host}:${port}`, dial: `dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${port}: connect: connection refused`, waitMs: 0 } };
  if (/^[\d.]+$/.test(host) || host.includes(':')) return { ok: false, unreachable: { server: url.origin, dial: `dial tcp ${target}: i/o timeout`, waitMs: 30_000 } };
  return { ok: false, unreachable: { server: url.origin, dial: `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`, waitMs: 0 } };
}

/** What kubectl prints while discovery fails five times against an unreachable server, then gives up. */
export function* unreachable(inv: Invocation, u: NonNullable<Extract<Effective, { ok: false }>['unreachable']>): Task<number> {
  const base = u.server.includes('://') ? u.server : `http://${u.server}`;
  for (let i = 0; i < 5; i++) {
    if (u.waitMs) yield* waitFor(inv, u.waitMs);
    inv.err(klogError(inv.now(), inv.proc.pid, 'memcache.go:265', `"Unhandled Error" err="couldn't get current server API group list: Get \\"${base}/api?timeout=32s\\": ${u.dial.replace(/"/g, '\\"')}"`));
  }
  inv.err(u.dial.endsWith('connection refused') ? `The connection to the server ${u.server.replace(/^https?:\/\//, '')} was refused - did you specify the right host or port?\n` : `Unable to connect to the server: ${u.dial}\n`);
  return 1;
}

function* waitFor(inv: Invocation, ms: number): Task<void> {
  yield sleep(inv.host.clock, ms);
}
