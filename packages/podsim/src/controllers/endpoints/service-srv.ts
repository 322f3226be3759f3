/**
 * SRV records of a Service's named ports, as the DNS specification and CoreDNS give them
 * (`_NAME._PROTO.SVC.NS.svc.cluster.local`, concepts/services-networking/dns-pod-service): the
 * Service's own name and port, or for a headless Service one record per ready endpoint, naming it by
 * its hostname (else its dashed address) under the Service, with the endpoint's port.
 */
import type { Endpoints, Service } from '../../api/types.js';
import type { SrvRecord } from '../../kernel/dns.js';

/** A headless endpoint's name under its Service: its hostname, else its address with dashes. */
export function endpointName(address: { ip: string; hostname?: string }, fqdn: string): string {
  return `${address.hostname ?? address.ip.replaceAll('.', '-')}.${fqdn}`;
}

export function serviceSrv(svc: Service, fqdn: string, headless: boolean, subsets: Endpoints['subsets']): Map<string, SrvRecord[]> {
  const out = new Map<string, SrvRecord[]>();
  for (const p of svc.spec?.ports ?? []) {
    if (!p.name) continue;
    const name = `_${p.name}._${(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`;
    const records = headless
      ? (subsets ?? []).flatMap((s) => {
          const port = s.ports?.find((e) => (e.name ?? '') === p.name)?.port;
          return port === undefined ? [] : (s.addresses ?? []).map((a) => ({ port, target: endpointName(a, fqdn) }));
        })
      : [{ port: p.port, target: fqdn }];
    if (records.length) out.set(name, records);
  }
  return out;
}
