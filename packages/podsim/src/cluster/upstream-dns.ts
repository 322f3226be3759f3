/**
 * The resolver the nodes' resolv.conf names (the gateway of the nodes' network): pods with
 * dnsPolicy Default ask it directly, CoreDNS forwards what is outside cluster.local to it. The
 * sandbox has no Internet behind it, so every name is unknown there.
 */
import { dnsSessions, type DnsReply } from '../kernel/dns.js';
import { NetNamespace, type Network } from '../kernel/net.js';
import { NODE_RESOLVER } from '../kubelet/dns-config.js';

export function attachUpstreamDns(network: Network): void {
  for (const ip of NODE_RESOLVER.servers) {
    const ns = new NetNamespace(ip, network);
    const reply: DnsReply = { rcode: 'NXDOMAIN', answers: [] };
    ns.listen({ port: 53, owner: 'upstream-dns', open: dnsSessions(() => reply) });
    network.attach(ns);
  }
}
