/**
 * client-go's in-cluster configuration for a program in a Pod: the API server at
 * KUBERNETES_SERVICE_HOST:KUBERNETES_SERVICE_PORT, authenticated with the service account token the
 * kubelet mounts. JSON requests and replies; undefined when the server cannot be reached.
 */
import { machineOf } from '../../../kernel/machine.js';
import type { Proc } from '../../../kernel/process.js';
import { connect } from '../../net-client.js';

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface ApiReply {
  status: number;
  json: Record<string, unknown>;
}

export type InCluster = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => ApiReply | undefined;

/** The client, or the error client-go's rest.InClusterConfig returns without a token. */
export function inClusterClient(proc: Proc, userAgent: string): InCluster | string {
  let token: string;
  try {
    token = machineOf(proc).fs.readFile(TOKEN).trim();
  } catch {
    return `open ${TOKEN}: no such file or directory`;
  }
  const host = proc.env.KUBERNETES_SERVICE_HOST ?? '';
  const port = Number(proc.env.KUBERNETES_SERVICE_PORT ?? 443);
  return (method, path, body) => {
    const l = connect(proc, host, port);
    if (typeof l === 'string' || !l.http) return undefined;
    const headers = { Host: `${host}:${port}`, 'User-Agent': userAgent, Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    const r = l.http({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body), remoteAddr: machineOf(proc).net?.ip ?? '' });
    if ('subscribe' in r) return undefined;
    try {
      return { status: r.status, json: JSON.parse(r.body) as Record<string, unknown> };
    } catch {
      return { status: r.status, json: {} };
    }
  };
}
