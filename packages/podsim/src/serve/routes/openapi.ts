/**
 * /openapi/v2 (Swagger 2.0, as JSON or as the gnostic protobuf kubectl asks for) and /openapi/v3 (index
 * + one document per group-version), both built from openapi-schema.ts so the real `kubectl explain`
 * prints the in-browser docs and client-side `kubectl apply` finds the strategic-merge metadata.
 */
import { createHash } from 'node:crypto';
import type { Reply } from '../http.js';
import { definitions, groups, groupVersion, itemPath, RESPONSE_TYPES, SERVER_OPENAPI_VERSION, V2, V3, writeOperations, type WriteOperation } from './openapi-schema.js';
import { encodeSwaggerProto, SWAGGER_PROTO_TYPE } from './openapi-proto.js';

type Json = Record<string, unknown>;

const pathParams = (op: WriteOperation): [string, string][] => [['name', `name of the ${op.resource.kind}`], ...(op.resource.namespaced ? [['namespace', 'object name and auth scope, such as for teams and projects'] as [string, string]] : [])];

function v3Operation(op: WriteOperation): Json {
  const ref = { $ref: V3.ref(op.definition) };
  return {
    operationId: `${op.method === 'put' ? 'replace' : 'patch'}${op.resource.kind}`,
    parameters: op.query.map(([name, type]) => ({ name, in: 'query', schema: { type, uniqueItems: true } })),
    requestBody: { content: Object.fromEntries(op.consumes.map((c) => [c, { schema: op.method === 'put' ? ref : { type: 'object' } }])), required: true },
    responses: { 200: { description: 'OK', content: Object.fromEntries(RESPONSE_TYPES.map((t) => [t, { schema: ref }])) } },
    'x-kubernetes-action': op.method,
    'x-kubernetes-group-version-kind': op.gvk,
  };
}

function v2Operation(op: WriteOperation): Json {
  const ref = { $ref: V2.ref(op.definition) };
  return {
    consumes: op.consumes,
    produces: RESPONSE_TYPES,
    operationId: `${op.method === 'put' ? 'replace' : 'patch'}${op.resource.kind}`,
    parameters: [{ name: 'body', in: 'body', required: true, schema: op.method === 'put' ? ref : { type: 'object' } }, ...op.query.map(([name, type]) => ({ uniqueItems: true, type, name, in: 'query' }))],
    responses: { 200: { description: 'OK', schema: ref } },
    'x-kubernetes-action': op.method,
    'x-kubernetes-group-version-kind': op.gvk,
  };
}

function paths(ops: WriteOperation[], operation: (op: WriteOperation) => Json, params: (op: WriteOperation) => Json[]): Json {
  const out: Record<string, Json> = {};
  for (const op of ops) {
    const p = (out[itemPath(op.resource)] ??= { parameters: params(op) });
    p[op.method] = operation(op);
  }
  return out;
}

const cache = new Map<string, string | Buffer>();

function cached<T extends string | Buffer>(key: string, build: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = build()));
  return v as T;
}

/** One document per served group version (a group's preferred one: autoscaling is served at v2). */
const V3_DOCS: Record<string, string> = Object.fromEntries(groups().map((g) => [g ? `apis/${g}/${groupVersion(g)}` : `api/${groupVersion(g)}`, g]));

function v3Document(gv: string): string {
  return cached(`v3:${gv}`, () =>
    JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: SERVER_OPENAPI_VERSION },
      paths: paths(writeOperations(V3_DOCS[gv]), v3Operation, (op) => pathParams(op).map(([name, description]) => ({ name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } }))),
      components: { schemas: definitions(V3) },
    }),
  );
}

/** The Swagger 2.0 document: every group's operations, one definitions map. */
export function swaggerDocument(): Json {
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: SERVER_OPENAPI_VERSION },
    paths: paths(groups().flatMap(writeOperations), v2Operation, (op) => pathParams(op).map(([name, description]) => ({ uniqueItems: true, type: 'string', description, name, in: 'path', required: true }))),
    definitions: definitions(V2),
  };
}

function hash(text: string): string {
  return createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase();
}

/** kubectl asks for protobuf only (client-go discovery OpenAPISchema); browsers and curl get JSON. */
function wantsProto(accept: string): boolean {
  return accept.split(',')[0].trim().startsWith('application/com.github.proto-openapi.spec.v2');
}

export function openapi(path: string, accept = ''): Reply | undefined {
  if (path === '/openapi/v2') {
    if (wantsProto(accept)) return { code: 200, body: cached('v2:pb', () => encodeSwaggerProto(swaggerDocument())), contentType: SWAGGER_PROTO_TYPE };
    return { code: 200, body: cached('v2:json', () => JSON.stringify(swaggerDocument())) };
  }
  if (path === '/openapi/v3') {
    const entries = Object.keys(V3_DOCS).map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash(v3Document(gv))}` }]);
    return { code: 200, body: { paths: Object.fromEntries(entries) } };
  }
  const m = /^\/openapi\/v3\/(.+)$/.exec(path);
  if (m && m[1] in V3_DOCS) return { code: 200, body: v3Document(m[1]) };
  return undefined;
}
