/**
 * /openapi/v3 (index + one document per group-version) built from the schema data the in-browser
 * `kubectl explain` renders (src/kubectl/explain), so the real `kubectl explain` prints the same
 * docs, plus per-resource PATCH operations listing `fieldValidation`, which kubectl's query-param
 * verifier looks for before sending server-side field validation.
 */
import { createHash } from 'node:crypto';
import { RESOURCES } from '../../api/resources.js';
import type { ResourceInfo } from '../../api/types.js';
import { SCHEMA, type FieldDoc } from '../../kubectl/explain/schema.js';
import type { Reply } from '../http.js';

const PREFIXES: [string, string][] = [
  ['IIoK8sApimachineryPkgApisMetaV1', 'io.k8s.apimachinery.pkg.apis.meta.v1.'],
  ['IIoK8sApimachineryPkgApiResource', 'io.k8s.apimachinery.pkg.api.resource.'],
  ['IIoK8sApimachineryPkgUtilIntstr', 'io.k8s.apimachinery.pkg.util.intstr.'],
  ['IIoK8sApiCoreV1', 'io.k8s.api.core.v1.'],
  ['IIoK8sApiAppsV1', 'io.k8s.api.apps.v1.'],
];

function groupPrefix(group: string): string {
  return group ? `io.k8s.api.${group}.v1.` : 'io.k8s.api.core.v1.';
}

/** The OpenAPI definition name of a schema key: `IIoK8sApiCoreV1PodSpec` → `io.k8s.api.core.v1.PodSpec`. */
export function definitionName(key: string): string {
  const root = /^root:\/(?:([^/]+)\/)?v1\/(\w+)$/.exec(key);
  if (root) return `${groupPrefix(root[1] ?? '')}${root[2]}`;
  for (const [p, d] of PREFIXES) if (key.startsWith(p)) return d + key.slice(p.length);
  return key;
}

const PRIMITIVES: Record<string, Record<string, unknown>> = {
  string: { type: 'string' },
  integer: { type: 'integer', format: 'int32' },
  boolean: { type: 'boolean' },
  number: { type: 'number', format: 'double' },
  Object: { type: 'object' },
  Quantity: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' },
  IntOrString: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
  Time: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' },
  MicroTime: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime' },
};

type RefStyle = (name: string) => string;

function typeSchema(type: string, ref: string, refOf: RefStyle): Record<string, unknown> {
  if (type.startsWith('[]')) return { type: 'array', items: typeSchema(type.slice(2), ref, refOf) };
  if (type.startsWith('map[string]')) return { type: 'object', additionalProperties: typeSchema(type.slice(11), ref, refOf) };
  if (ref) return { allOf: [{ $ref: refOf(definitionName(ref)) }] };
  const p = PRIMITIVES[type];
  if (!p) return { type: 'string' };
  return p.$ref ? { $ref: refOf(String(p.$ref).split('/').pop()!) } : p;
}

function fieldSchema(f: FieldDoc, refOf: RefStyle): Record<string, unknown> {
  const [, type, ref, description, , enumValues] = f;
  const s: Record<string, unknown> = { ...typeSchema(type, ref, refOf) };
  if (description) s.description = description;
  if (enumValues.length) s.enum = enumValues;
  if (s.allOf) s.default = {};
  return s;
}

const SPECIAL: Record<string, Record<string, unknown>> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string', format: 'quantity' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

/** Every schema, keyed by definition name; `refOf` makes `$ref`s (v2 `#/definitions/`, v3 `#/components/schemas/`). */
function schemas(refOf: RefStyle): Record<string, unknown> {
  const out: Record<string, unknown> = { ...SPECIAL };
  const gvk = new Map<string, { group: string; version: string; kind: string }>();
  for (const [kind, k] of Object.entries(SCHEMA.kinds)) gvk.set(k.type, { group: k.group, version: k.version, kind });
  for (const [key, t] of Object.entries(SCHEMA.types)) {
    const s: Record<string, unknown> = { description: t.description, type: 'object', properties: Object.fromEntries(t.fields.map((f) => [f[0], fieldSchema(f, refOf)])) };
    const required = t.fields.filter((f) => f[4]).map((f) => f[0]);
    if (required.length) s.required = required;
    const k = gvk.get(key);
    if (k) s['x-kubernetes-group-version-kind'] = [k];
    out[definitionName(key)] = s;
  }
  return out;
}

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' }, type: name === 'force' ? 'boolean' : 'string', uniqueItems: true }));

function itemPath(r: ResourceInfo): string {
  const base = r.group ? `/apis/${r.group}/v1` : '/api/v1';
  return r.namespaced ? `${base}/namespaces/{namespace}/${r.resource}/{name}` : `${base}/${r.resource}/{name}`;
}

function paths(group: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of RESOURCES.filter((x) => x.group === group)) {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    out[itemPath(r)] = {
      patch: { operationId: `patch${r.kind}`, 'x-kubernetes-action': 'patch', 'x-kubernetes-group-version-kind': gvk, parameters: WRITE_PARAMS, responses: { 200: { description: 'OK' } } },
      put: { operationId: `replace${r.kind}`, 'x-kubernetes-action': 'put', 'x-kubernetes-group-version-kind': gvk, parameters: WRITE_PARAMS, responses: { 200: { description: 'OK' } } },
    };
  }
  return out;
}

const V3_DOCS: Record<string, string> = { 'api/v1': '', 'apis/apps/v1': 'apps' };
const cache = new Map<string, string>();

function v3Document(gv: string): string {
  let doc = cache.get(gv);
  if (!doc) {
    doc = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'v1.32.4' },
      paths: paths(V3_DOCS[gv]),
      components: { schemas: schemas((n) => `#/components/schemas/${n}`) },
    });
    cache.set(gv, doc);
  }
  return doc;
}

function hash(text: string): string {
  return createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase();
}

export function openapi(path: string): Reply | undefined {
  if (path === '/openapi/v3') {
    const entries = Object.keys(V3_DOCS).map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash(v3Document(gv))}` }]);
    return { code: 200, body: { paths: Object.fromEntries(entries) } };
  }
  const m = /^\/openapi\/v3\/(.+)$/.exec(path);
  if (m && m[1] in V3_DOCS) return { code: 200, body: v3Document(m[1]) };
  return undefined;
}
