/**
 * The resource endpoints: get/list/watch/create/update/patch/delete, each translated to one
 * ApiServer call, with the query parameters kubectl 1.32 sends (labelSelector, fieldSelector,
 * resourceVersion, dryRun, fieldValidation, gracePeriodSeconds, propagationPolicy) and Table output.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, notFound, tooLarge } from '../../api/status.js';
import type { ApiServer } from '../../api/server.js';
import type { DeleteOptions, KubeObject, ObjectList, PatchType, WatchEvent, WriteOptions } from '../../api/types.js';
import { evictPod } from '../../api/eviction.js';
import { restList } from '../../api/rest/get.js';
import { readBody, send, statusReply, type Reply } from '../http.js';
import { parse as parseYaml } from 'yaml';
import { decodeKubeProtobuf } from '../protobuf.js';
import { scale } from './scale.js';
import type { ResourcePath } from '../../api/rest/path.js';
import { includeObjectParam, tableOf, wantsTable } from './table.js';
import { asVersion } from '../../api/versions/index.js';

export const PATCH_TYPES: Record<string, PatchType> = {
  'application/strategic-merge-patch+json': 'strategic',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/apply-patch+yaml': 'apply',
};

export interface ResourceContext {
  api: ApiServer;
  /** Called after every write and when a watch opens, so zero-delay reactions run. */
  settle(): void;
}

/** A write without fieldManager is recorded under its User-Agent's product (`kubectl/v1.32.4 …` → `kubectl`), as the apiserver does. */
function writeOptions(req: IncomingMessage, q: URLSearchParams): WriteOptions {
  const o: WriteOptions = {};
  if (q.getAll('dryRun').includes('All')) o.dryRun = true;
  const fv = q.get('fieldValidation');
  if (fv === 'Strict' || fv === 'Warn' || fv === 'Ignore') o.fieldValidation = fv;
  const fm = q.get('fieldManager') || String(req.headers['user-agent'] ?? '').split('/')[0].slice(0, 128);
  if (fm) o.fieldManager = fm;
  if (q.get('force') === 'true') o.force = true;
  return o;
}

/** The body as an object: JSON, or the protobuf kubectl's typed clients send for `create deployment` & co. */
function parseBody(req: IncomingMessage, body: Buffer): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('application/vnd.kubernetes.protobuf')) {
    const decoded = decodeKubeProtobuf(body);
    return decoded.ok ? decoded : { ok: false, reply: statusReply(badRequest(decoded.message)) };
  }
  if (type.startsWith('application/apply-patch+yaml')) {
    try {
      return { ok: true, value: parseYaml(body.toString('utf8')) };
    } catch (e) {
      return { ok: false, reply: statusReply(badRequest(`error decoding YAML: ${(e as Error).message}`)) };
    }
  }
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (e) {
    return { ok: false, reply: statusReply(badRequest(`the server rejected our request due to an error in our request: ${(e as Error).message}`)) };
  }
}

function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const o: DeleteOptions = {};
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const grace = q.get('gracePeriodSeconds') ?? (b.gracePeriodSeconds === undefined ? null : String(b.gracePeriodSeconds));
  if (grace !== null && /^-?\d+$/.test(grace)) o.gracePeriodSeconds = Number(grace);
  const policy = q.get('propagationPolicy') ?? (typeof b.propagationPolicy === 'string' ? b.propagationPolicy : null);
  if (policy === 'Foreground' || policy === 'Background' || policy === 'Orphan') o.propagationPolicy = policy;
  const dry = q.getAll('dryRun').includes('All') || (Array.isArray(b.dryRun) && b.dryRun.includes('All'));
  if (dry) o.dryRun = true;
  return o;
}

/** An object as the version the request's path names shows it (`autoscaling/v1` of a v2 HorizontalPodAutoscaler). */
function shown(ctx: ResourceContext, p: ResourcePath, o: KubeObject): KubeObject {
  return asVersion(p.info.resource, p.apiVersion, ctx.api.withManagedFields(o));
}

/** Renders a single object or list the way the client asked: JSON, or a Table. */
function render(ctx: ResourceContext, req: IncomingMessage, q: URLSearchParams, p: ResourcePath, value: KubeObject | ObjectList<KubeObject>, code = 200, warnings?: string[]): Reply {
  const resource = p.info.resource;
  if (!wantsTable(String(req.headers.accept ?? ''))) {
    const body = 'items' in value ? restList({ ...(value as ObjectList<KubeObject>), apiVersion: p.apiVersion }, (o) => shown(ctx, p, o)) : shown(ctx, p, value);
    return { code, body, warnings };
  }
  const items = 'items' in value ? [...(value.items as KubeObject[])] : [value];
  const rv = 'items' in value ? value.metadata.resourceVersion : undefined;
  return { code, body: tableOf(resource, items, { now: ctx.api.clock.now(), resourceVersion: rv, include: includeObjectParam(q.get('includeObject')) }), warnings };
}

/** A watch stream: one JSON WatchEvent per line, chunked, open until the client goes away. */
function watch(ctx: ResourceContext, req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams): void {
  const asTable = wantsTable(String(req.headers.accept ?? ''));
  const include = includeObjectParam(q.get('includeObject'));
  const fieldSelector = q.get('fieldSelector') ?? undefined;
  const labelSelector = q.get('labelSelector') ?? undefined;
  // Validate the selectors the way list does, so a bad selector is a 400 rather than a silent empty stream.
  const check = ctx.api.list(p.info.resource, p.namespace, { labelSelector, fieldSelector });
  if (!check.ok) return send(res, statusReply(check.status));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  let first = true;
  const rv = q.get('resourceVersion') ?? undefined;
  const emit = (ev: WatchEvent): void => {
    if (res.destroyed) return;
    const object = asTable ? tableOf(p.info.resource, [ev.object], { now: ctx.api.clock.now(), include, headers: first }) : shown(ctx, p, ev.object);
    first = false;
    res.write(`${JSON.stringify({ type: ev.type, object })}\n`);
  };
  const stop = ctx.api.watch(p.info.resource, p.namespace, emit, { labelSelector, fieldSelector, resourceVersion: rv || '0' });
  const close = (): void => stop();
  req.on('close', close);
  res.on('close', close);
  const timeout = Number(q.get('timeoutSeconds'));
  if (timeout > 0) {
    // timeoutSeconds is wall time for the client's connection, not virtual cluster time.
    const t = setTimeout(() => res.end(), timeout * 1000);
    res.on('close', () => clearTimeout(t));
  }
  ctx.settle();
}

export async function handleResource(ctx: ResourceContext, req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams): Promise<void> {
  const { api } = ctx;
  const r = p.info.resource;
  // status and ephemeralcontainers are views of the object itself; scale is a Scale of its own.
  const viewed = p.subresource === 'status' || (p.subresource === 'ephemeralcontainers' && r === 'pods');
  const resource = viewed ? `${r}/${p.subresource}` : r;
  const method = req.method ?? 'GET';
  if (r === 'pods' && p.subresource === 'eviction' && method === 'POST') return evict(ctx, req, res, p, q);
  if (p.subresource && !viewed && p.subresource !== 'scale') return send(res, statusReply(notFound(r, p.name ?? '')));
  if (method === 'GET' && p.subresource === 'scale') return send(res, scale(api, method, p, '', undefined, {}));
  if (method === 'GET' && !p.name) {
    if (q.get('watch') === 'true' || q.get('watch') === '1') return watch(ctx, req, res, p, q);
    const list = api.list(r, p.namespace, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
    return send(res, list.ok ? render(ctx, req, q, p, list.value) : statusReply(list.status));
  }
  if (method === 'GET') {
    const got = api.get(r, p.namespace, p.name!);
    return send(res, got.ok ? render(ctx, req, q, p, got.value) : statusReply(got.status));
  }
  const text = await readBody(req);
  if (p.subresource === 'scale' && text !== undefined) {
    const body = text.length ? parseBody(req, text) : { ok: true as const, value: undefined };
    const reply = body.ok ? scale(api, req.method ?? 'GET', p, String(req.headers['content-type'] ?? ''), body.value, writeOptions(req, q)) : body.reply;
    ctx.settle();
    return send(res, reply);
  }
  if (text === undefined) return send(res, statusReply(tooLarge(3 * 1024 * 1024)));
  const reply = write(ctx, req, p, q, resource, text);
  ctx.settle();
  send(res, reply);
}

/** POST pods/NAME/eviction: 201 with a Success Status once the pod may go (eviction.go), else the refusal. */
async function evict(ctx: ResourceContext, req: IncomingMessage, res: ServerResponse, p: ResourcePath, q: URLSearchParams): Promise<void> {
  const text = await readBody(req);
  if (text === undefined) return send(res, statusReply(tooLarge(3 * 1024 * 1024)));
  const body = parseBody(req, text);
  if (!body.ok) return send(res, body.reply);
  const eviction = (body.value ?? {}) as { metadata?: { name?: string }; deleteOptions?: unknown };
  if (eviction.metadata?.name !== p.name) return send(res, statusReply(badRequest('name in URL does not match name in Eviction object')));
  const r = evictPod(ctx.api, p.namespace ?? '', p.name ?? '', deleteOptions(q, eviction.deleteOptions), ctx.api.clock.now());
  ctx.settle();
  send(res, r.ok ? { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } } : statusReply(r.status));
}

function write(ctx: ResourceContext, req: IncomingMessage, p: ResourcePath, q: URLSearchParams, resource: string, text: Buffer): Reply {
  const { api } = ctx;
  const method = req.method ?? 'GET';
  const opts = { ...writeOptions(req, q), apiVersion: p.apiVersion };
  if (method === 'DELETE') {
    const body = text.toString('utf8').trim() ? parseBody(req, text) : { ok: true as const, value: undefined };
    if (!body.ok) return body.reply;
    if (!p.name) return statusReply(badRequest('deletecollection is not supported by podsim'));
    const del = api.delete(p.info.resource, p.namespace, p.name, deleteOptions(q, body.value));
    return del.ok ? { code: 200, body: asVersion(p.info.resource, p.apiVersion, del.value) } : statusReply(del.status);
  }
  const body = parseBody(req, text);
  if (!body.ok) return body.reply;
  if (method === 'POST' && !p.name) {
    const created = api.create(p.info.resource, p.namespace, body.value, opts);
    return created.ok ? render(ctx, req, q, p, created.value, 201, created.warnings) : statusReply(created.status);
  }
  if (method === 'PUT' && p.name) {
    const updated = api.update(resource, p.namespace, body.value, opts);
    return updated.ok ? render(ctx, req, q, p, updated.value, 200, updated.warnings) : statusReply(updated.status);
  }
  if (method === 'PATCH' && p.name) {
    const type = PATCH_TYPES[String(req.headers['content-type'] ?? '').split(';')[0].trim()];
    if (!type) return { code: 415, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`, reason: 'UnsupportedMediaType', code: 415 } };
    const patched = api.patch(resource, p.namespace, p.name, type, body.value, opts);
    return patched.ok ? render(ctx, req, q, p, patched.value, 200, patched.warnings) : statusReply(patched.status);
  }
  return { code: 405, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server does not allow this method on the requested resource`, reason: 'MethodNotAllowed', code: 405 } };
}
