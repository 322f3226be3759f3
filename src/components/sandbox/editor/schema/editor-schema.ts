/**
 * Turns the Kubernetes API documentation `kubectl explain` uses (packages/podsim's
 * schema.generated.json) into the JSON schema monaco-yaml checks manifests against: one definition
 * per API type reachable from the kinds a reader writes, selected per YAML document by `kind`.
 * Struct types reject unknown fields, as the API server's strict field validation does; maps and
 * free-form objects do not. `status` is written by the cluster, never by hand: it is accepted as a
 * free-form object and its types are left out (the result: 124 definitions, about 230 KB,
 * 50 KB gzip).
 */
import type { ExplainSchema, FieldDoc } from 'podsim/explain-schema';

export type JsonSchema = { [key: string]: unknown };

/** Kinds served by the simulator that a reader may write (Node, Event and Endpoints are the cluster's). */
export const EDITOR_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'PersistentVolumeClaim'];

/** Schemas of the explain data's scalar type names. */
const SCALARS: Record<string, JsonSchema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  // YAML readers write `cpu: 1` as well as `cpu: 500m`, `port: 8080` as well as `port: http`.
  Quantity: { type: ['string', 'number'] },
  IntOrString: { type: ['string', 'integer'] },
  Object: { type: 'object' },
};

export function editorSchema(explain: ExplainSchema, kinds: readonly string[] = EDITOR_KINDS): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const nameOf = (key: string) => explain.types[key]?.name ?? key;

  const visit = (key: string, isRoot: boolean): void => {
    const doc = explain.types[key];
    if (!doc || definitions[doc.name]) return;
    const def: JsonSchema = { type: 'object', title: doc.name, description: doc.description, additionalProperties: false };
    definitions[doc.name] = def;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of doc.fields) {
      const [name, , ref, description, isRequired] = field;
      if (isRoot && name === 'status') {
        properties[name] = { type: 'object', description };
        continue;
      }
      properties[name] = { ...fieldType(field, nameOf), description };
      if (isRequired) required.push(name);
      if (ref) visit(ref, false);
    }
    def.properties = properties;
    if (required.length) def.required = required;
  };

  const present = kinds.filter((kind) => explain.kinds[kind]);
  const apiVersionOf = (kind: string) => {
    const { group, version } = explain.kinds[kind];
    return group ? `${group}/${version}` : version;
  };
  const rootFields = present.map((kind) => {
    visit(explain.kinds[kind].type, true);
    const { properties } = definitions[kind] as { properties: Record<string, JsonSchema> };
    // A kind is served in one version only: another apiVersion is kubectl's "no matches for kind".
    properties.apiVersion = { ...properties.apiVersion, enum: [apiVersionOf(kind)] };
    properties.kind = { ...properties.kind, enum: [kind] };
    return properties;
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: rootFields[0]?.apiVersion.description, enum: [...new Set(present.map(apiVersionOf))] },
      kind: { type: 'string', description: rootFields[0]?.kind.description, enum: present },
    },
    // Each YAML document is checked against the definition its kind selects.
    allOf: present.map((kind) => ({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${kind}` } })),
    definitions,
  };
}

/** The JSON schema of a field's type text: `[]X`, `map[string]X`, a scalar or a type name with its key in `ref`. */
function fieldType([, text, ref, , , enumValues]: FieldDoc, nameOf: (key: string) => string): JsonSchema {
  const of = (t: string): JsonSchema => {
    if (t.startsWith('[]')) return { type: 'array', items: of(t.slice(2)) };
    if (t.startsWith('map[string]')) return { type: 'object', additionalProperties: of(t.slice('map[string]'.length)) };
    if (ref) return { $ref: `#/definitions/${nameOf(ref)}` };
    if (t === 'string' && enumValues.length) return { type: 'string', enum: enumValues };
    return SCALARS[t] ?? {};
  };
  return of(text);
}
