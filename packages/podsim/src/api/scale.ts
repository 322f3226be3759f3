/**
 * The `scale` subresource of deployments, replicasets and statefulsets (autoscaling/v1 Scale): a view of
 * spec.replicas / status.replicas and the selector, written back as spec.replicas on the owner.
 */
import type { KubeObject } from './types.js';

/** Resources that have a scale subresource here. */
export const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets']);

function selectorText(obj: KubeObject): string {
  const labels = ((obj.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels ?? {}) as Record<string, string>;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function scaleOf(obj: KubeObject): KubeObject {
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: (obj.spec as { replicas?: number } | undefined)?.replicas ?? 0 },
    status: { replicas: (obj.status as { replicas?: number } | undefined)?.replicas ?? 0, selector: selectorText(obj) },
  };
}

/** spec.replicas from a Scale body, a merge/strategic patch of one, or a JSON patch replacing it. */
export function requestedReplicas(body: unknown): number | undefined {
  if (Array.isArray(body)) {
    const op = body.find((o: { path?: string }) => o?.path === '/spec/replicas') as { value?: unknown } | undefined;
    return typeof op?.value === 'number' ? op.value : undefined;
  }
  const r = (body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  return typeof r === 'number' ? r : undefined;
}
