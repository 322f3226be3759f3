/** `kubectl cluster-info`: where the control plane answers. */
import type { Command } from '../../command.js';

export const clusterInfo: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'cluster-info [flags] [options]',
  flags: [],
  *run(inv) {
    const server = inv.host.kubeconfig.server;
    let text = `Kubernetes control plane is running at ${server}\n`;
    const dns = inv.api.get('services', 'kube-system', 'kube-dns');
    if (dns.ok) text += `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`;
    inv.out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};
