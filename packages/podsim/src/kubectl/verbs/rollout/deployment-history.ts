/** The ReplicaSets of a Deployment with their revision numbers (deployment.kubernetes.io/revision). */
import type { ApiClient, KubeObject } from '../../../api/types.js';

export interface Revision {
  revision: number;
  rs: KubeObject;
}

export function revisionsOf(api: ApiClient, deployment: KubeObject): Revision[] {
  const list = api.list('replicasets', deployment.metadata.namespace);
  if (!list.ok) return [];
  return list.value.items
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === deployment.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0'), rs }))
    .sort((a, b) => a.revision - b.revision);
}
