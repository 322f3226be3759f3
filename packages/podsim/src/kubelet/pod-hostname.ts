/**
 * The pod's host name and domain as the kubelet gives them (GeneratePodHostNameAndDomain,
 * GetNodenameForKernel): spec.hostname or the pod's name, cut to 63 characters; with a subdomain the
 * domain `SUB.NAMESPACE.svc.cluster.local`, which the managed /etc/hosts names as the pod's FQDN and
 * which setHostnameAsFQDN makes the kernel's hostname too. A pod on the host network is the node.
 */
import type { Pod } from '../api/types.js';
import { CLUSTER_DOMAIN } from './dns-config.js';

export interface PodHostname {
  /** What the kernel's hostname (uname, /etc/hostname, $HOSTNAME) says. */
  kernel: string;
  /** The short name /etc/hosts maps the pod's address to. */
  short: string;
  /** `SUB.NAMESPACE.svc.cluster.local`, or '' without a subdomain. */
  domain: string;
}

export function podHostname(pod: Pod, nodeName: string): PodHostname {
  if (pod.spec?.hostNetwork) return { kernel: nodeName, short: nodeName, domain: '' };
  const name = pod.spec?.hostname || pod.metadata?.name || '';
  // truncatePodHostnameIfNeeded: a cut name loses the dashes and dots it would end with.
  const short = name.length > 63 ? name.slice(0, 63).replace(/[-.]+$/, '') : name;
  const domain = pod.spec?.subdomain ? `${pod.spec.subdomain}.${pod.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : '';
  return { kernel: pod.spec?.setHostnameAsFQDN && domain ? `${short}.${domain}` : short, short, domain };
}

/** The sandbox's hostname and the names /etc/hosts gives its address (`IP FQDN SHORT` with a domain). */
export function sandboxNames(h: PodHostname): { hostname: string; hostNames: string[] } {
  return { hostname: h.kernel, hostNames: h.domain ? [`${h.short}.${h.domain}`, h.short] : [h.kernel] };
}
