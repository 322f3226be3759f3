/** The machines of a simulated cluster: a kubeadm-style control plane plus numbered workers. */
export interface NodeSpec {
  name: string;
  controlPlane: boolean;
  podCIDR: string;
  internalIP: string;
}

export const CONTROL_PLANE_NAME = 'controlplane';

/** The nodes' own network (172.18.0.0/16, as a kind or Docker bridge gives them; the gateway is .1). */
export function onNodeNetwork(ip: string): boolean {
  return ip.startsWith('172.18.');
}

/** `controlplane` (10.244.0.0/24, 172.18.0.2), then `node01`… (10.244.1.0/24, 172.18.0.3…). */
export function clusterNodes(workers: number): NodeSpec[] {
  const count = Math.max(0, Math.min(20, Math.floor(Number.isFinite(workers) ? workers : 3)));
  const nodes: NodeSpec[] = [];
  for (let i = 0; i <= count; i++) {
    nodes.push({
      name: i === 0 ? CONTROL_PLANE_NAME : `node${String(i).padStart(2, '0')}`,
      controlPlane: i === 0,
      podCIDR: `10.244.${i}.0/24`,
      internalIP: `172.18.0.${i + 2}`,
    });
  }
  return nodes;
}
