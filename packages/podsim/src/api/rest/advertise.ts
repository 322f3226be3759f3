/**
 * The API server's advertise address and secure port, as /api reports it in serverAddressByClientCIDRs:
 * the address it publishes in the `kubernetes` Endpoints (e.g. `172.18.0.2:6443` on kubeadm), the same
 * whatever name or port a client reached it by.
 */
import type { ApiClient, Endpoints, KubeObject } from '../types.js';

export function advertisedAddress(api: ApiClient): string | undefined {
  const ep = api.get<Endpoints & KubeObject>('endpoints', 'default', 'kubernetes');
  const subset = ep.ok ? ep.value.subsets?.[0] : undefined;
  const ip = subset?.addresses?.[0]?.ip;
  return ip ? `${ip}:${subset?.ports?.[0]?.port ?? 6443}` : undefined;
}
