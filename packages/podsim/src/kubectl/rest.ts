/** The API server as kubectl's REST client reaches it: its host:port, and raw GETs (`get --raw`, `proxy`). */
import { advertisedAddress } from '../api/rest/advertise.js';
import { restGet, type RestText } from '../api/rest/get.js';
import type { Invocation } from './command.js';

/** Where /api says the API server is: its advertised address, else the kubeconfig's server (no Endpoints yet). */
export function apiServerAddress(inv: Invocation): string {
  const advertised = advertisedAddress(inv.api);
  if (advertised) return advertised;
  const u = new URL(inv.host.kubeconfig.server);
  return `${u.hostname}:${u.port || 443}`;
}

export function rawGet(inv: Invocation, url: string, headers: { accept?: string; userAgent?: string } = {}): RestText {
  return restGet(inv.api, url, { ...headers, serverAddress: apiServerAddress(inv) });
}
