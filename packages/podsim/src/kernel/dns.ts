/**
 * The cluster's DNS as kubeadm's CoreDNS serves it (the `kubernetes cluster.local in-addr.arpa ip6.arpa`
 * plugin with `pods insecure`): A records of Services (`svc.ns.svc.cluster.local`: the cluster IP, or
 * every ready endpoint of a headless Service), of endpoints with a hostname (`host.svc.ns.svc.cluster.local`),
 * pod A records by their dashed address (`10-244-1-5.ns.pod.cluster.local`, answered for any address),
 * the reverse (PTR) names of those addresses, and SRV records of named Service ports. Everything else is NXDOMAIN.
 */

import type { Session } from './net.js';

export const CLUSTER_DOMAIN = 'cluster.local';

const POD_RECORD = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.[a-z0-9]([-a-z0-9]*[a-z0-9])?\.pod\.cluster\.local$/;

/** One SRV record's port and target (priority and weight are CoreDNS's: 0, and 100 shared out). */
export interface SrvRecord {
  port: number;
  target: string;
}

export class ClusterDns {
  private readonly records = new Map<string, string[]>();
  private readonly services = new Map<string, SrvRecord[]>();
  /** Reverse names: an address can be named by several records; the latest set wins, as CoreDNS answers one. */
  private readonly ptr = new Map<string, string>();

  /** Sets (or with no addresses removes) the A records of `fqdn`; `ptr` names each address back. */
  set(fqdn: string, ips: readonly string[], ptr: (ip: string) => string | undefined = () => fqdn): void {
    for (const ip of this.records.get(fqdn) ?? []) if (this.ptr.get(ip)?.endsWith(fqdn)) this.ptr.delete(ip);
    if (ips.length === 0) {
      this.records.delete(fqdn);
      return;
    }
    this.records.set(fqdn, [...ips]);
    for (const ip of ips) {
      const name = ptr(ip);
      if (name) this.ptr.set(ip, name);
    }
  }

  /** The A records of a fully qualified name (no trailing dot), empty for NXDOMAIN. */
  lookup(fqdn: string): string[] {
    const name = fqdn.toLowerCase().replace(/\.$/, '');
    const found = this.records.get(name);
    if (found) return found;
    const pod = POD_RECORD.exec(name);
    if (pod && pod.slice(1, 5).every((o) => Number(o) <= 255)) return [pod.slice(1, 5).join('.')];
    return [];
  }

  /** Sets (or with none removes) the SRV records of `fqdn`. */
  setSrv(fqdn: string, records: readonly SrvRecord[]): void {
    if (records.length) this.services.set(fqdn, [...records]);
    else this.services.delete(fqdn);
  }

  /** The SRV records of a fully qualified name, empty for none. */
  srv(fqdn: string): SrvRecord[] {
    return this.services.get(fqdn.toLowerCase().replace(/\.$/, '')) ?? [];
  }

  /** The name an address resolves back to, if the cluster DNS knows one. */
  reverse(ip: string): string | undefined {
    return this.ptr.get(ip);
  }
}

/** A question to a DNS server over the simulated network (the `dns` protocol of a Session). */
export interface DnsQuery {
  name: string;
  type: 'A' | 'PTR' | 'SRV';
}

export interface DnsReply {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Addresses for A, names for PTR, `PRIORITY WEIGHT PORT TARGET.` for SRV. */
  answers: string[];
  /** The additional section: the targets' addresses of SRV answers. */
  extra?: { name: string; ip: string }[];
}

export const DNS_PROTOCOL = 'dns';

/** What a DNS server's port 53 opens for each client: one session answering with `answer`. */
export function dnsSessions(answer: (q: DnsQuery) => DnsReply): () => Session {
  return () => ({ protocol: DNS_PROTOCOL, request: (q) => answer(q as DnsQuery) });
}
