/**
 * Services, Endpoints and EndpointSlices (k8s printers.go printService / printEndpoints / formatEndpoints /
 * printEndpointSlice).
 */
import type { Endpoints, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { formatLabels } from '../format/labels.js';
import { columns, type TableContext, type TableHandler } from './types.js';

/** `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s))].sort();
      if (external.length > 0) return [...lb, ...external].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const serviceTable: TableHandler = {
  columns: columns('Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const svc = obj as unknown as Service;
    return [
      obj.metadata.name ?? '',
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      externalIP(svc),
      servicePorts(svc.spec?.ports) || '<none>',
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** ENDPOINTS cell: up to three `ip:port` then `+ N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (s: string) => {
    if (list.length === max) more = true;
    else list.push(s);
  };
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addrs.length;
      for (const a of addrs) add(a.ip);
      continue;
    }
    for (const port of ss.ports ?? []) {
      count += addrs.length;
      for (const a of addrs) add(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
    }
  }
  const s = list.join(',');
  return more ? `${s} + ${count - max} more...` : s;
}

export const endpointsTable: TableHandler = {
  columns: columns('Name', 'Endpoints', 'Age'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    return [obj.metadata.name ?? '', formatEndpoints(obj as unknown as Endpoints), ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};

/** `a,b,c + N more...`, or `<unset>` for none (printers.go listWithMoreString). */
function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}

export const endpointSliceTable: TableHandler = {
  columns: columns('Name', 'AddressType', 'Ports', 'Endpoints', 'Age'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const es = obj as unknown as EndpointSlice;
    const ports = (es.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')));
    const addresses = (es.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [obj.metadata.name ?? '', es.addressType ?? '', listWithMore(ports), listWithMore(addresses), ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};
