/**
 * Writes that in-cluster clients send the API server over the network (client-go's REST client): POST
 * to a collection creates, PUT to an object replaces it, PUT to its `status` subresource replaces the
 * status (a controller reporting what it did, an ingress controller publishing its address). Status
 * codes as the generic REST handlers answer (201 Created, 200 OK); errors are the API's own Status.
 * Only add-ons' programs write, never a course page's first commands: a lazy part (lazy/part.ts).
 */
import { parseResourcePath } from '../api/rest/path.js';
import { badRequest } from '../api/status.js';
import type { ApiClient, ApiResult, KubeObject, Status } from '../api/types.js';

export type WriteAnswer = { code: number; value: unknown } | { code: number; status: Status };

/** The answer to a write, or undefined for a request that is not one of these writes. */
function restWrite(api: ApiClient, method: string, path: string, body: string | undefined): WriteAnswer | undefined {
  const p = parseResourcePath(path);
  if (!p || (method !== 'POST' && method !== 'PUT')) return undefined;
  const kind = method === 'POST' ? (!p.name && !p.subresource ? 'create' : undefined) : p.name && !p.subresource ? 'update' : p.name && p.subresource === 'status' ? 'status' : undefined;
  if (!kind) return undefined;
  let obj: unknown;
  try {
    obj = JSON.parse(body ?? '');
  } catch {
    const s = badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
    return { code: 400, status: s };
  }
  const resource = p.info.resource;
  const r: ApiResult<KubeObject> = kind === 'create' ? api.create(resource, p.namespace, obj) : kind === 'update' ? api.update(resource, p.namespace, obj) : api.updateStatus(resource, p.namespace, obj);
  if (!r.ok) return { code: r.status.code ?? 500, status: r.status };
  return { code: kind === 'create' ? 201 : 200, value: r.value };
}

export default { restWrite };
