/** `kubectl describe ingress` and `ingressclass` (describe.go describeIngressV1, describeIngressClassV1 in 1.32). */
import type { Event } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../api/types.js';
import { formatEndpointSlices, serviceSlices } from './endpoint-slices.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer.js';

/** `web:80 (10.244.1.3:80)`: the backend, then the ready endpoints of the Service port it names. */
function describeBackend(api: ApiClient, ns: string | undefined, backend: IngressBackend): string {
  const svc = backend.service;
  if (svc) {
    const name = `${svc.name}:${svc.port?.number ? svc.port.number : (svc.port?.name ?? '')}`;
    const got = api.get('services', ns, svc.name);
    if (!got.ok) return `${name} (<error: ${got.status.message}>)`;
    let portName = '';
    for (const sp of (got.value as unknown as Service).spec?.ports ?? []) {
      if ((svc.port?.number && svc.port.number === sp.port) || (svc.port?.name && svc.port.name === sp.name)) portName = sp.name ?? '';
    }
    return `${name} (${formatEndpointSlices(serviceSlices(api, ns, svc.name), portName)})`;
  }
  const r = backend.resource;
  return r ? `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}` : '';
}

/** The load balancer's IPs or host names, sorted and without repeats (ingressLoadBalancerStatusStringerV1, wide). */
function addresses(ing: Ingress): string {
  const set = new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean));
  return [...set].sort().join(',');
}

export function describeIngress(api: ApiClient, ing: Ingress, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const ns = ing.metadata?.namespace;
  const spec = ing.spec ?? {};
  w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ''}\n`);
  printLabels(w, 'Labels', ing.metadata?.labels);
  w.write(LEVEL_0, `Namespace:\t${ns ?? ''}\n`);
  w.write(LEVEL_0, `Address:\t${addresses(ing)}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? describeBackend(api, ns, spec.defaultBackend) : '<default>';
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  if ((spec.tls ?? []).length > 0) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of spec.tls ?? []) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  const rules = (spec.rules ?? []).filter((r) => r.http);
  for (const rule of rules) {
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http?.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(api, ns, p.backend)}\n`);
  }
  if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotations(w, 'Annotations', ing.metadata?.annotations);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describeIngressClass(ic: IngressClass, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ic.metadata?.name ?? ''}\n`);
  printLabels(w, 'Labels', ic.metadata?.labels);
  printAnnotations(w, 'Annotations', ic.metadata?.annotations);
  w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
  const params = ic.spec?.parameters;
  if (params) {
    w.write(LEVEL_0, 'Parameters:\n');
    if (params.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${params.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${params.kind}\n`);
    w.write(LEVEL_1, `Name:\t${params.name}\n`);
  }
  if (events) describeEvents(w, events, now);
  return w.toString();
}
