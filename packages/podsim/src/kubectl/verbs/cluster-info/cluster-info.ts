/**
 * `kubectl cluster-info`: where the control plane answers, then each Service of the namespace (kube-system
 * unless -n says) labelled kubernetes.io/cluster-service=true, named by its kubernetes.io/name label, at its
 * load balancer or else at its services/[https:]NAME[:PORT-NAME]/proxy URL on the API server.
 * Models kubectl pkg/cmd/clusterinfo/clusterinfo.go.
 */
import type { KubeObject, Service } from '../../../api/types.js';
import type { Command } from '../../command.js';

type Svc = KubeObject & Pick<Service, 'spec' | 'status'>;

function link(server: string, svc: Svc): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  const ports = svc.spec?.ports ?? [];
  if (ingress) return ports.map((p) => `http://${ingress.ip || ingress.hostname}:${p.port} `).join('');
  let id = svc.metadata.name ?? '';
  const first = ports[0];
  // utilnet.JoinSchemeNamePort: a scheme takes all three parts, an empty port included.
  if (first?.name === 'https' || first?.port === 443) id = `https:${id}:${first.name ?? ''}`;
  else if (first?.name) id = `${id}:${first.name}`;
  return `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${id}/proxy`;
}

export const clusterInfo: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'cluster-info [flags] [options]',
  flags: [],
  *run(inv) {
    const server = inv.host.kubeconfig.server;
    const namespace = inv.namespaceExplicit ? inv.namespace : 'kube-system';
    const services = inv.api.list<Svc>('services', namespace, { labelSelector: 'kubernetes.io/cluster-service=true' });
    let text = `Kubernetes control plane is running at ${server}\n`;
    if (services.ok) for (const s of services.value.items) text += `${s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name} is running at ${link(server, s)}\n`;
    inv.out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};
