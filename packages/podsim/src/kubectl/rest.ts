/** The API server as kubectl's REST client reaches it: its host:port, and raw GETs (`get --raw`, `proxy`). */
import { restGet, type RestText } from '../api/rest/get.js';
import type { Endpoints, KubeObject } from '../api/types.js';
import type { Invocation } from './command.js';

/**
 * The API server's advertise address and secure port, as /api reports it in serverAddressByClientCIDRs
 * (an IP, e.g. `172.18.0.2:6443` on kubeadm, whatever name the kubeconfig reaches it by): the address it
 * publishes in the `kubernetes` Endpoints.
 */
export function apiServerAddress(inv: Invocation): string {
  const ep = inv.api.get<Endpoints & KubeObject>('endpoints', 'default', 'kubernetes');
  const subset = ep.ok ? ep.value.subsets?.[0] : undefined;
  const ip = subset?.addresses?.[0]?.ip;
  if (ip) return `${ip}:${subset?.ports?.[0]?.port ?? 6443}`;
  const u = new URL(inv.host.kubeconfig.server);
  return `${u.hostname}:${u.port || 443}`;
}

export function rawGet(inv: Invocation, url: string, headers: { accept?: string; userAgent?: string } = {}): RestText {
  return restGet(inv.api, url, { ...headers, serverAddress: apiServerAddress(inv) });
}
