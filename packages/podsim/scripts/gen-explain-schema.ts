/**
 * Builds the compact schema `kubectl explain` reads (src/kubectl/explain/schema.generated.json) from
 * the Kubernetes API documentation that the `kubernetes-models` package ships as JSDoc in its .d.ts
 * files: type and field descriptions (incl. "Possible enum values"), field types, required fields and
 * string enums. Only the types reachable from the kinds the simulator serves are kept.
 * Run: `npx tsx packages/podsim/scripts/gen-explain-schema.ts` (also run by the package's postinstall).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../src/kubectl/explain/schema.generated.json');

/** `node_modules/<pkg>` nearest to this script (the packages' export maps hide their .d.ts files from require). */
function packageDir(pkg: string): string {
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${pkg} is not installed`);
  }
}

/** `kubernetes-models/v1/Pod` or `@kubernetes-models/apimachinery/apis/meta/v1/Time` → its .d.ts path. */
function dtsOf(spec: string): string {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  return `${join(packageDir(parts.slice(0, n).join('/')), ...parts.slice(n))}.d.ts`;
}

/** [group, version, kind, module path] of the kinds `kubectl explain` knows. */
const ROOTS: [string, string, string, string][] = [
  ['', 'v1', 'Pod', 'kubernetes-models/v1/Pod'],
  ['', 'v1', 'Service', 'kubernetes-models/v1/Service'],
  ['', 'v1', 'ConfigMap', 'kubernetes-models/v1/ConfigMap'],
  ['', 'v1', 'Secret', 'kubernetes-models/v1/Secret'],
  ['', 'v1', 'Namespace', 'kubernetes-models/v1/Namespace'],
  ['', 'v1', 'Node', 'kubernetes-models/v1/Node'],
  ['', 'v1', 'Event', 'kubernetes-models/v1/Event'],
  ['', 'v1', 'Endpoints', 'kubernetes-models/v1/Endpoints'],
  ['', 'v1', 'PersistentVolumeClaim', 'kubernetes-models/v1/PersistentVolumeClaim'],
  ['', 'v1', 'PersistentVolume', 'kubernetes-models/v1/PersistentVolume'],
  ['', 'v1', 'ServiceAccount', 'kubernetes-models/v1/ServiceAccount'],
  ['apps', 'v1', 'Deployment', 'kubernetes-models/apps/v1/Deployment'],
  ['apps', 'v1', 'DaemonSet', 'kubernetes-models/apps/v1/DaemonSet'],
  ['apps', 'v1', 'ReplicaSet', 'kubernetes-models/apps/v1/ReplicaSet'],
  ['apps', 'v1', 'StatefulSet', 'kubernetes-models/apps/v1/StatefulSet'],
  ['apps', 'v1', 'ControllerRevision', 'kubernetes-models/apps/v1/ControllerRevision'],
  ['batch', 'v1', 'Job', 'kubernetes-models/batch/v1/Job'],
  ['batch', 'v1', 'CronJob', 'kubernetes-models/batch/v1/CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress', 'kubernetes-models/networking.k8s.io/v1/Ingress'],
  ['networking.k8s.io', 'v1', 'IngressClass', 'kubernetes-models/networking.k8s.io/v1/IngressClass'],
  ['apiregistration.k8s.io', 'v1', 'APIService', 'kubernetes-models/apiregistration.k8s.io/v1/APIService'],
  ['storage.k8s.io', 'v1', 'StorageClass', 'kubernetes-models/storage.k8s.io/v1/StorageClass'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'],
  ['discovery.k8s.io', 'v1', 'EndpointSlice', 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice'],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'kubernetes-models/rbac.authorization.k8s.io/v1/Role'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole'],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding'],
];

/** Types kubectl shows by name without fields (OpenAPI primitives with a format). */
const SCALARS: Record<string, string> = {
  IIoK8sApimachineryPkgApisMetaV1Time: 'string',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 'string',
  IIoK8sApimachineryPkgApiResourceQuantity: 'Quantity',
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'IntOrString',
  IIoK8sApimachineryPkgRuntimeRawExtension: 'Object',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'Object',
};

/** [name, type text, referenced type key or '', description, required, enum values] */
type Field = [string, string, string, string, boolean, string[]];
interface TypeDoc {
  name: string;
  description: string;
  fields: Field[];
}

const types: Record<string, TypeDoc> = {};

function jsdocText(lines: string[]): string {
  return lines
    .map((l) => l.replace(/^\s*\/?\*+\/?/, '').replace(/^ /, '').replace(/\s*\*\/\s*$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function shortName(iface: string): string {
  return iface.replace(/^IIoK8s(Apimachinery(Pkg)?(Apis)?)?(Api)?/, '').replace(/^(Core|Apps|Meta|Api|Apis|Pkg|Runtime|Util)*/, '').replace(/^V\d+(alpha\d+|beta\d+)?/, '');
}

interface Parsed {
  description: string;
  props: { name: string; optional: boolean; type: string; doc: string }[];
  imports: Map<string, string>;
}

function parseFile(file: string): Parsed | undefined {
  const text = readFileSync(file, 'utf8');
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^export interface I\w+/.test(l));
  if (start < 0) return undefined;
  let docStart = start - 1;
  while (docStart >= 0 && !lines[docStart].startsWith('/**')) docStart--;
  const description = docStart >= 0 && lines[start - 1].trim() === '*/' ? jsdocText(lines.slice(docStart, start)) : '';
  const props: Parsed['props'] = [];
  let doc: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i] !== '}'; i++) {
    const l = lines[i];
    if (/^ {4}\/\*\*/.test(l)) {
      doc = [];
      for (; i < lines.length; i++) {
        doc.push(lines[i]);
        if (lines[i].trim().endsWith('*/')) break;
      }
      continue;
    }
    const m = /^ {4}"([^"]+)"(\?)?: (.*)$/.exec(l);
    if (!m) continue;
    let type = m[3];
    if (type === '{') {
      const inner = /\[key: string\]: (.*);/.exec(lines[i + 1]);
      type = `map:${inner ? inner[1] : 'string'}`;
      i += 2;
    } else type = type.replace(/;$/, '');
    props.push({ name: m[1], optional: m[2] === '?', type, doc: jsdocText(doc) });
    doc = [];
  }
  return { description, props, imports };
}

function resolveImport(fromFile: string, spec: string): string {
  return spec.startsWith('.') ? `${join(dirname(fromFile), spec)}.d.ts` : dtsOf(spec);
}

/** Explain's type text and the referenced type key for a d.ts type. */
function typeOf(t: string, fromFile: string, imports: Map<string, string>): { text: string; ref: string; enumValues: string[] } {
  if (t.startsWith('map:')) {
    const v = typeOf(t.slice(4), fromFile, imports);
    return { text: `map[string]${v.text}`, ref: '', enumValues: [] };
  }
  const arr = /^Array<(.*)>$/.exec(t);
  if (arr) {
    const v = typeOf(arr[1], fromFile, imports);
    return { text: `[]${v.text}`, ref: v.ref, enumValues: v.enumValues };
  }
  if (/^"[^"]*"( \| "[^"]*")*$/.test(t)) return { text: 'string', ref: '', enumValues: [...t.matchAll(/"([^"]*)"/g)].map((m) => m[1]) };
  if (t === 'string') return { text: 'string', ref: '', enumValues: [] };
  if (t === 'number') return { text: 'integer', ref: '', enumValues: [] };
  if (t === 'boolean') return { text: 'boolean', ref: '', enumValues: [] };
  if (SCALARS[t]) return { text: SCALARS[t], ref: '', enumValues: [] };
  const spec = imports.get(t);
  if (!spec) return { text: 'Object', ref: '', enumValues: [] };
  const file = resolveImport(fromFile, spec);
  visit(t, file);
  return { text: shortName(t), ref: t, enumValues: [] };
}

function visit(key: string, file: string): void {
  if (types[key] || !existsSync(file)) return;
  const parsed = parseFile(file);
  if (!parsed) return;
  const doc: TypeDoc = { name: shortName(key), description: parsed.description, fields: [] };
  types[key] = doc;
  for (const p of parsed.props) {
    const t = typeOf(p.type, file, parsed.imports);
    doc.fields.push([p.name, t.text, t.ref, p.doc, !p.optional && p.name !== 'apiVersion' && p.name !== 'kind', t.enumValues]);
  }
}

const kinds: Record<string, { group: string; version: string; type: string }> = {};
for (const [group, version, kind, mod] of ROOTS) {
  const file = dtsOf(mod);
  const key = `root:${group}/${version}/${kind}`;
  visit(key, file);
  types[key].name = kind;
  kinds[kind] = { group, version, type: key };
}
// The models type apiVersion/kind as undocumented literals; the API documents them as on every object.
const typeMeta = parseFile(dtsOf('@kubernetes-models/apimachinery/apis/meta/v1/Status'));
const typeMetaDoc = new Map((typeMeta?.props ?? []).map((p) => [p.name, p.doc]));
for (const t of Object.values(types)) {
  for (const f of t.fields) {
    if (f[0] !== 'apiVersion' && f[0] !== 'kind') continue;
    f[5] = [];
    if (!f[3]) f[3] = typeMetaDoc.get(f[0]) ?? '';
  }
}
writeFileSync(OUT, JSON.stringify({ source: 'kubernetes-models', kinds, types }));
console.log(`explain schema: ${Object.keys(types).length} types -> ${OUT}`);
