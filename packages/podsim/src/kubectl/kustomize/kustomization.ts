/**
 * Reading a kustomization file as kustomize v5.5.0 does: one of the three recognised names, YAML
 * decoded into its Go struct with unknown fields rejected (Go's encoding/json, whose field names
 * match case-insensitively), the deprecation warnings, and the deprecated fields folded into their
 * successors (FixKustomization).
 */
import { parse } from 'yaml';
import { isRecord, KustomizeError, type KFs, type Obj } from './res.js';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

type Shape = 'string' | 'strings' | 'map' | 'bool' | 'int' | 'any' | { struct: string; fields: Record<string, Shape> } | { list: Shape };

const struct = (name: string, fields: Record<string, Shape>): Shape => ({ struct: name, fields });
const SELECTOR = struct('Selector', { group: 'string', version: 'string', kind: 'string', name: 'string', namespace: 'string', annotationSelector: 'string', labelSelector: 'string' });
const OPTIONS = struct('GeneratorOptions', { labels: 'map', annotations: 'map', disableNameSuffixHash: 'bool', immutable: 'bool' });
const GENERATOR = { name: 'string', namespace: 'string', behavior: 'string', literals: 'strings', files: 'strings', envs: 'strings', env: 'string', options: OPTIONS } as const;

/** The Kustomization struct's JSON fields (api/types/kustomization.go and the types it embeds). */
const KUSTOMIZATION = struct('Kustomization', {
  apiVersion: 'string',
  kind: 'string',
  metadata: 'any',
  openapi: 'map',
  namePrefix: 'string',
  nameSuffix: 'string',
  namespace: 'string',
  commonLabels: 'map',
  labels: { list: struct('Label', { pairs: 'map', includeSelectors: 'bool', includeTemplates: 'bool', fields: 'any' }) },
  commonAnnotations: 'map',
  patchesStrategicMerge: 'strings',
  patchesJson6902: { list: struct('Patch', { path: 'string', patch: 'string', target: SELECTOR, options: 'any' }) },
  patches: { list: struct('Patch', { path: 'string', patch: 'string', target: SELECTOR, options: 'any' }) },
  images: { list: struct('Image', { name: 'string', newName: 'string', tagSuffix: 'string', newTag: 'string', digest: 'string' }) },
  imageTags: { list: struct('Image', { name: 'string', newName: 'string', tagSuffix: 'string', newTag: 'string', digest: 'string' }) },
  replacements: 'any',
  replicas: { list: struct('Replica', { name: 'string', count: 'int' }) },
  vars: 'any',
  sortOptions: 'any',
  resources: 'strings',
  components: 'strings',
  crds: 'strings',
  bases: 'strings',
  configMapGenerator: { list: struct('ConfigMapArgs', GENERATOR) },
  secretGenerator: { list: struct('SecretArgs', { ...GENERATOR, type: 'string' }) },
  helmGlobals: 'any',
  helmCharts: 'any',
  helmChartInflationGenerator: 'any',
  generatorOptions: OPTIONS,
  configurations: 'strings',
  generators: 'strings',
  transformers: 'strings',
  validators: 'strings',
  buildMetadata: 'strings',
});

const SCALAR_TYPES = { string: 'string', strings: '[]string', map: 'map[string]string', bool: 'bool', int: 'int', any: 'interface {}' };
const goType = (s: Shape): string => {
  if (typeof s === 'string') return SCALAR_TYPES[s];
  if ('list' in s) return `[]${goType(s.list)}`;
  return `types.${s.struct}`;
};
const jsonKind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v);

/** Go's decoder: unknown fields are errors, known ones are renamed to their exact spelling. */
function decode(v: unknown, shape: Shape, where: string): unknown {
  if (v === null || shape === 'any') return v;
  const mismatch = () => new KustomizeError(`invalid Kustomization: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${where} of type ${goType(shape)}`);
  if (shape === 'string') {
    if (typeof v !== 'string') throw mismatch();
    return v;
  }
  if (shape === 'bool' || shape === 'int') {
    if (typeof v !== (shape === 'bool' ? 'boolean' : 'number')) throw mismatch();
    return v;
  }
  if (shape === 'strings') {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && x !== null)) throw mismatch();
    return v.map((x) => x ?? '');
  }
  if (shape === 'map') {
    if (!isRecord(v)) throw mismatch();
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x)]));
  }
  if ('list' in shape) {
    if (!Array.isArray(v)) throw mismatch();
    return v.map((x) => decode(x, shape.list, where));
  }
  if (!isRecord(v)) throw mismatch();
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const known = Object.keys(shape.fields).find((f) => f === k) ?? Object.keys(shape.fields).find((f) => f.toLowerCase() === k.toLowerCase());
    if (!known) throw new KustomizeError(`invalid Kustomization: json: unknown field ${JSON.stringify(k)}`);
    out[known] = decode(x, shape.fields[known], `${shape.struct}.${known}`);
  }
  return out;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  type?: string;
  options?: GeneratorOptions;
}
export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  annotationSelector?: string;
  labelSelector?: string;
}
export interface PatchArgs {
  path?: string;
  patch?: string;
  target?: Selector;
  options?: Record<string, boolean>;
}
export interface Kustomization {
  kind?: string;
  apiVersion?: string;
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  labels?: { pairs?: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  commonAnnotations?: Record<string, string>;
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchArgs[];
  patches?: PatchArgs[];
  images?: { name?: string; newName?: string; tagSuffix?: string; newTag?: string; digest?: string }[];
  imageTags?: Kustomization['images'];
  replicas?: { name?: string; count?: number }[];
  resources?: string[];
  components?: string[];
  bases?: string[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  vars?: unknown;
}

const WARN = (field: string, instead: string, tail = "Run 'kustomize edit fix' to update your Kustomization automatically.") =>
  `# Warning: '${field}' is deprecated. Please use '${instead}' instead. ${tail}`;
const DEPRECATED: [keyof Kustomization, string][] = [
  ['bases', WARN('bases', 'resources')],
  ['commonLabels', WARN('commonLabels', 'labels')],
  ['imageTags', WARN('imageTags', 'images')],
  ['patchesJson6902', WARN('patchesJson6902', 'patches')],
  ['patchesStrategicMerge', WARN('patchesStrategicMerge', 'patches')],
  ['vars', WARN('vars', 'replacements', "[EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically.")],
];

/** Loads the kustomization of directory `dir`; deprecation warnings go to `warn`. */
export function loadKustomization(fs: KFs, dir: string, warn: (line: string) => void): Kustomization {
  const found = KUSTOMIZATION_FILES.filter((f) => fs.read(`${dir}/${f}`.replace(/^\/\//, '/')) !== undefined);
  if (found.length === 0) throw new KustomizeError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  if (found.length > 1) throw new KustomizeError(`Found multiple kustomization files under: ${dir}\n`);
  const text = fs.read(`${dir}/${found[0]}`.replace(/^\/\//, '/')) ?? '';
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    throw new KustomizeError(`invalid Kustomization: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const k = (decode(raw ?? {}, KUSTOMIZATION, 'Kustomization') ?? {}) as Kustomization;
  for (const [field, message] of DEPRECATED) if (k[field] !== undefined) warn(message);
  const kind = k.kind ?? '';
  if (Object.keys(k).filter((f) => f !== 'kind' && f !== 'apiVersion').length === 0) throw new KustomizeError('kustomization.yaml is empty');
  const errs: string[] = [];
  if (kind !== '' && kind !== 'Kustomization' && kind !== 'Component') errs.push('kind should be Kustomization or Component');
  const required = kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  if (k.apiVersion && k.apiVersion !== required) errs.push(`apiVersion for ${kind || 'Kustomization'} should be ${required}`);
  if (errs.length > 0) throw new KustomizeError(`Failed to read kustomization file under ${dir}:\n${errs.join('\n')}`);
  k.resources = [...(k.resources ?? []), ...(k.bases ?? [])];
  k.images = [...(k.images ?? []), ...(k.imageTags ?? [])];
  for (const g of [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]) {
    if (g.env) g.envs = [...(g.envs ?? []), g.env];
  }
  return k;
}
