/** The API server as kubectl's REST client reaches it: its host:port, and raw GETs (`get --raw`, `proxy`). */
import { restGet, type RestText } from '../api/rest/get.js';
import type { Invocation } from './command.js';

/** host:port of the kubeconfig's server, as /api reports it in serverAddressByClientCIDRs. */
export function apiServerAddress(inv: Invocation): string {
  const u = new URL(inv.host.kubeconfig.server);
  return `${u.hostname}:${u.port || 443}`;
}

export function rawGet(inv: Invocation, url: string, headers: { accept?: string; userAgent?: string } = {}): RestText {
  return restGet(inv.api, url, { ...headers, serverAddress: apiServerAddress(inv) });
}
