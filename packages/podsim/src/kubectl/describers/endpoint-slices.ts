/**
 * The addresses describe prints for one service port (describe.go formatEndpointSlices in 1.32): ready
 * endpoints of the Service's EndpointSlices, at most three then `+ N more...`. No slice at all is
 * `<none>`; slices without ready endpoints print nothing.
 */
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiClient } from '../../api/types.js';

const MAX = 3;

export function serviceSlices(api: ApiClient, namespace: string | undefined, service: string): EndpointSlice[] {
  const r = api.list('endpointslices', namespace, { labelSelector: `kubernetes.io/service-name=${service}` });
  return r.ok ? (r.value.items as unknown as EndpointSlice[]) : [];
}

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  // As upstream, a full list marks "more" before the endpoint's readiness is looked at.
  const add = (e: Endpoint, port: number | undefined) => {
    if (list.length === MAX) more = true;
    if (e.conditions?.ready === false) return;
    if (!more) list.push(port === undefined ? e.addresses[0] : joinHostPort(e.addresses[0], port));
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    // A headless Service without ports lists bare addresses.
    if ((slice.ports ?? []).length === 0) for (const e of endpoints) add(e, undefined);
    for (const p of slice.ports ?? []) if ((p.name ?? '') === portName) for (const e of endpoints) add(e, p.port ?? 0);
  }
  const s = list.join(',');
  return more ? `${s} + ${count - MAX} more...` : s;
}
