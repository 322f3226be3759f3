/**
 * The content of both OpenAPI documents (Swagger 2.0 at /openapi/v2, OpenAPI 3 per group-version at
 * /openapi/v3/…): definitions built from the schema data the in-browser `kubectl explain` renders
 * (src/kubectl/explain), list and patch metadata from the API server's own table (api/patch/list-meta),
 * and per-resource PATCH/PUT operations with the query parameters and patch content types kubectl
 * checks for (server-side field validation; strategic merge patch support for client-side apply).
 * The two documents differ only in how they spell references and bodies: `Dialect`.
 */
import { RESOURCES } from '../../api/resources.js';
import { ATOMIC_MAPS, ATOMIC_STRUCTS, RETAIN_KEYS_FIELDS, STRUCT_LISTS } from '../../api/patch/list-meta.js';
import type { ResourceInfo } from '../../api/types.js';
import { SCHEMA, type FieldDoc } from '../../kubectl/explain/schema.js';
import { VERSION_INFO } from '../../version.js';

type Json = Record<string, unknown>;

export interface Dialect {
  /** `#/definitions/NAME` (v2) or `#/components/schemas/NAME` (v3). */
  ref(name: string): string;
  /** v3 wraps a referenced field type in `allOf` (so it can carry a description and default); v2 does not. */
  wrapRefs: boolean;
}

export const V2: Dialect = { ref: (n) => `#/definitions/${n}`, wrapRefs: false };
export const V3: Dialect = { ref: (n) => `#/components/schemas/${n}`, wrapRefs: true };

export const SERVER_OPENAPI_VERSION = VERSION_INFO.gitVersion;

const PREFIXES: [string, string][] = [
  ['IIoK8sApimachineryPkgApisMetaV1', 'io.k8s.apimachinery.pkg.apis.meta.v1.'],
  ['IIoK8sApimachineryPkgApiResource', 'io.k8s.apimachinery.pkg.api.resource.'],
  ['IIoK8sApimachineryPkgUtilIntstr', 'io.k8s.apimachinery.pkg.util.intstr.'],
  ['IIoK8sApiCoreV1', 'io.k8s.api.core.v1.'],
  ['IIoK8sApiAppsV1', 'io.k8s.api.apps.v1.'],
];

function groupPrefix(group: string, version: string): string {
  return `io.k8s.api.${group || 'core'}.${version}.`;
}

/** The OpenAPI definition name of a schema key: `IIoK8sApiCoreV1PodSpec` → `io.k8s.api.core.v1.PodSpec`. */
export function definitionName(key: string): string {
  const root = /^root:\/?(?:([^/]+)\/)?(v\d\w*)\/(\w+)$/.exec(key);
  if (root) return `${groupPrefix(root[1] ?? '', root[2])}${root[3]}`;
  for (const [p, d] of PREFIXES) if (key.startsWith(p)) return d + key.slice(p.length);
  return key;
}

const PRIMITIVES: Record<string, Json> = {
  string: { type: 'string' },
  integer: { type: 'integer', format: 'int32' },
  boolean: { type: 'boolean' },
  number: { type: 'number', format: 'double' },
  Object: { type: 'object' },
};

const NAMED_PRIMITIVES: Record<string, string> = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
};

function typeSchema(type: string, ref: string, d: Dialect): Json {
  if (type.startsWith('[]')) return { type: 'array', items: typeSchema(type.slice(2), ref, d) };
  if (type.startsWith('map[string]')) return { type: 'object', additionalProperties: typeSchema(type.slice(11), ref, d) };
  if (ref) return d.wrapRefs ? { allOf: [{ $ref: d.ref(definitionName(ref)) }], default: {} } : { $ref: d.ref(definitionName(ref)) };
  if (NAMED_PRIMITIVES[type]) {
    // v3 wraps a reference that has sibling keywords (description) in allOf, which kubectl explain reads as the type name.
    const to = { $ref: d.ref(NAMED_PRIMITIVES[type]) };
    return d.wrapRefs ? { allOf: [to] } : to;
  }
  return PRIMITIVES[type] ?? { type: 'string' };
}

function listExtensions(struct: string, field: string): Json {
  const out: Json = {};
  const m = STRUCT_LISTS[struct]?.[field];
  if (m) {
    if (m.mapKeys) out['x-kubernetes-list-map-keys'] = m.mapKeys;
    out['x-kubernetes-list-type'] = m.listType;
    if (m.mergeKey) out['x-kubernetes-patch-merge-key'] = m.mergeKey;
    out['x-kubernetes-patch-strategy'] = m.strategy;
  }
  if (RETAIN_KEYS_FIELDS[struct]?.includes(field)) out['x-kubernetes-patch-strategy'] = 'retainKeys';
  if (ATOMIC_MAPS[struct]?.includes(field)) out['x-kubernetes-map-type'] = 'atomic';
  return out;
}

function fieldSchema(struct: string, f: FieldDoc, d: Dialect): Json {
  const [name, type, ref, description, , enumValues] = f;
  const s: Json = { ...typeSchema(type, ref, d) };
  if (description) s.description = description;
  if (enumValues.length) s.enum = enumValues;
  return { ...s, ...listExtensions(struct, name) };
}

const SPECIAL: Record<string, Json> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string', format: 'quantity' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

/**
 * OpenAPI 3 can say what these strings really are (kube-openapi's OpenAPIV3OneOfTypes); having no
 * single `type`, kubectl explain names them after their definition (`<IntOrString>`), while Time,
 * a plain string, shows as `<string>`.
 */
const V3_ONE_OF: Record<string, Json> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
};

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Every schema, keyed by definition name. */
export function definitions(d: Dialect): Record<string, Json> {
  const out: Record<string, Json> = { ...SPECIAL, ...(d.wrapRefs ? V3_ONE_OF : {}) };
  const gvk = new Map<string, GroupVersionKind>();
  for (const [kind, k] of Object.entries(SCHEMA.kinds)) gvk.set(k.type, { group: k.group, version: k.version, kind });
  for (const [key, t] of Object.entries(SCHEMA.types)) {
    const name = definitionName(key);
    const struct = name.slice(name.lastIndexOf('.') + 1);
    const s: Json = { description: t.description, type: 'object', properties: Object.fromEntries(t.fields.map((f) => [f[0], fieldSchema(struct, f, d)])) };
    const required = t.fields.filter((f) => f[4]).map((f) => f[0]);
    if (required.length) s.required = required;
    const k = gvk.get(key);
    if (k) s['x-kubernetes-group-version-kind'] = [k];
    if (ATOMIC_STRUCTS.has(struct)) s['x-kubernetes-map-type'] = 'atomic';
    out[name] = s;
  }
  return out;
}

/** What PATCH accepts, in the order the apiserver lists it. */
export const PATCH_CONTENT_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
export const RESPONSE_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

export interface WriteOperation {
  method: 'patch' | 'put';
  resource: ResourceInfo;
  gvk: GroupVersionKind;
  /** The object's definition name (request and response body). */
  definition: string;
  consumes: string[];
  /** Query parameters: name and type. */
  query: [string, 'string' | 'boolean'][];
}

const QUERY: [string, 'string' | 'boolean'][] = [
  ['dryRun', 'string'],
  ['fieldManager', 'string'],
  ['fieldValidation', 'string'],
];

/** `/api/v1/namespaces/{namespace}/pods/{name}`. */
export function itemPath(r: ResourceInfo): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return r.namespaced ? `${base}/namespaces/{namespace}/${r.resource}/{name}` : `${base}/${r.resource}/{name}`;
}

/** PATCH and PUT of every resource of a group ('' = core): what kubectl inspects in either document. */
export function writeOperations(group: string): WriteOperation[] {
  return RESOURCES.filter((r) => r.group === group).flatMap((r) => {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const definition = `${groupPrefix(r.group, r.version)}${r.kind}`;
    return [
      { method: 'patch' as const, resource: r, gvk, definition, consumes: PATCH_CONTENT_TYPES, query: [...QUERY, ['force', 'boolean'] as [string, 'boolean']] },
      { method: 'put' as const, resource: r, gvk, definition, consumes: ['*/*'], query: QUERY },
    ];
  });
}

/** The version a group's resources are served at (each group has one here). */
export function groupVersion(group: string): string {
  return RESOURCES.find((r) => r.group === group)?.version ?? 'v1';
}

/** The groups served, '' first. */
export function groups(): string[] {
  return [...new Set(RESOURCES.map((r) => r.group))];
}
