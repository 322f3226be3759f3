/**
 * The pod's DNS settings as the kubelet forms them for the runtime (pkg/kubelet/network/dns):
 * ClusterFirst (and ClusterFirstWithHostNet) get the cluster DNS, the namespace's search list
 * ahead of the node's and ndots:5; Default (and ClusterFirst on the host network) the node's own
 * resolver; None nothing. `dnsConfig` is then appended (duplicates dropped, options merged by name),
 * and what exceeds the resolver's limits is cut with a DNSConfigForming warning.
 */
import type { DnsConfig } from '../runtime/types.js';

export const CLUSTER_DNS_SERVER = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

/** The node's resolv.conf (--resolv-conf): the gateway of the nodes' network answers for them. */
export const NODE_RESOLVER: DnsConfig = { servers: ['172.18.0.1'], searches: [], options: [] };

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

interface PodDnsInput {
  namespace: string;
  dnsPolicy?: string;
  hostNetwork?: boolean;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name?: string; value?: string }[] };
}

const unique = (xs: string[]) => [...new Set(xs)];

function mergeOptions(existing: string[], extra: { name?: string; value?: string }[]): string[] {
  const merged = new Map<string, string>();
  for (const op of existing) {
    const at = op.indexOf(':');
    merged.set(at < 0 ? op : op.slice(0, at), at < 0 ? '' : op.slice(at + 1));
  }
  for (const op of extra) merged.set(op.name ?? '', op.value ?? '');
  return [...merged].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/** The DNS settings and the warnings (event messages) the kubelet records when it had to cut them. */
export function podDnsConfig(pod: PodDnsInput): { dns: DnsConfig; warnings: string[] } {
  const policy = pod.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.hostNetwork);
  let dns: DnsConfig;
  if (policy === 'None') dns = { servers: [], searches: [], options: [] };
  else if (cluster) {
    const searches = [`${pod.namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...NODE_RESOLVER.searches];
    dns = { servers: [CLUSTER_DNS_SERVER], searches: unique(searches), options: ['ndots:5'] };
  } else dns = { servers: [...NODE_RESOLVER.servers], searches: [...NODE_RESOLVER.searches], options: [...NODE_RESOLVER.options] };
  const extra = pod.dnsConfig;
  if (extra) {
    dns = {
      servers: unique([...dns.servers, ...(extra.nameservers ?? [])]),
      searches: unique([...dns.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(dns.options, extra.options ?? []),
    };
  }
  const warnings: string[] = [];
  if (dns.servers.length > MAX_NAMESERVERS) {
    dns.servers = dns.servers.slice(0, MAX_NAMESERVERS);
    warnings.push(`Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${dns.servers.join(' ')}`);
  }
  let searches = dns.searches;
  if (searches.join(' ').length > MAX_SEARCH_CHARS) {
    while (searches.length && searches.join(' ').length > MAX_SEARCH_CHARS) searches = searches.slice(0, -1);
  }
  if (searches.length > MAX_SEARCH_PATHS) searches = searches.slice(0, MAX_SEARCH_PATHS);
  if (searches.length !== dns.searches.length) {
    dns.searches = searches;
    warnings.push(`Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`);
  }
  return { dns, warnings };
}
