/** The `scale` subresource over HTTP (`kubectl scale` reads and patches it); the view lives in api/scale.ts. */
import { badRequest, notFound } from '../../api/status.js';
import type { ApiServer } from '../../api/server.js';
import { requestedReplicas, SCALABLE, scaleOf } from '../../api/scale.js';
import type { WriteOptions } from '../../api/types.js';
import { statusReply, type Reply } from '../http.js';
import type { ResourcePath } from '../../api/rest/path.js';

export function scale(api: ApiServer, method: string, p: ResourcePath, _contentType: string, body: unknown, opts: WriteOptions): Reply {
  if (!SCALABLE.has(p.info.resource)) return statusReply(notFound(p.info.resource, p.name ?? ''));
  const got = api.get(p.info.resource, p.namespace, p.name ?? '');
  if (!got.ok) return statusReply(got.status);
  if (method === 'GET') return { code: 200, body: scaleOf(got.value) };
  const replicas = requestedReplicas(body);
  if (replicas === undefined) return statusReply(badRequest('the body of the request does not set spec.replicas'));
  const patched = api.patch(p.info.resource, p.namespace, p.name!, 'merge', { spec: { replicas } }, { ...opts, subresource: 'scale' });
  return patched.ok ? { code: 200, body: scaleOf(patched.value) } : statusReply(patched.status);
}
