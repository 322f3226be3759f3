/** The kubeconfig `podsim serve` writes so the real kubectl talks to it: plain HTTP on loopback, no auth. */
import { writeFileSync } from 'node:fs';

export function kubeconfigYaml(server: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${server}
  name: podsim
contexts:
- context:
    cluster: podsim
    namespace: ${namespace}
    user: podsim
  name: podsim
current-context: podsim
preferences: {}
users:
- name: podsim
  user: {}
`;
}

export function writeKubeconfig(file: string, server: string): void {
  writeFileSync(file, kubeconfigYaml(server), { mode: 0o600 });
}
