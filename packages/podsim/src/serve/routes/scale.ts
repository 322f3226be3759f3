/**
 * The `scale` subresource of deployments and replicasets (autoscaling/v1 Scale), which `kubectl scale`
 * reads and patches: a view of spec.replicas / status.replicas and the selector, written back as a
 * patch of spec.replicas on the owner.
 */
import { badRequest, notFound } from '../../api/status.js';
import type { ApiServer } from '../../api/server.js';
import type { KubeObject, WriteOptions } from '../../api/types.js';
import { statusReply, type Reply } from '../http.js';
import type { ResourcePath } from './path.js';

function selectorText(obj: KubeObject): string {
  const labels = ((obj.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels ?? {}) as Record<string, string>;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function scaleOf(obj: KubeObject): Record<string, unknown> {
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
function requestedReplicas(body: unknown): number | undefined {
  if (Array.isArray(body)) {
    const op = body.find((o: { path?: string }) => o?.path === '/spec/replicas') as { value?: unknown } | undefined;
    return typeof op?.value === 'number' ? op.value : undefined;
  }
  const r = (body as { spec?: { replicas?: unknown } } | undefined)?.spec?.replicas;
  return typeof r === 'number' ? r : undefined;
}

export function scale(api: ApiServer, method: string, p: ResourcePath, _contentType: string, body: unknown, opts: WriteOptions): Reply {
  if (p.info.resource !== 'deployments' && p.info.resource !== 'replicasets') return statusReply(notFound(p.info.resource, p.name ?? ''));
  const got = api.get(p.info.resource, p.namespace, p.name ?? '');
  if (!got.ok) return statusReply(got.status);
  if (method === 'GET') return { code: 200, body: scaleOf(got.value) };
  const replicas = requestedReplicas(body);
  if (replicas === undefined) return statusReply(badRequest('the body of the request does not set spec.replicas'));
  const patched = api.patch(p.info.resource, p.namespace, p.name!, 'merge', { spec: { replicas } }, { ...opts, subresource: 'scale' });
  return patched.ok ? { code: 200, body: scaleOf(patched.value) } : statusReply(patched.status);
}
