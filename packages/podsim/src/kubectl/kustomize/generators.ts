/**
 * configMapGenerator and secretGenerator (api/internal/generators, api/kv): key/value pairs from env
 * files, literals and files, validated as kustomize does, merged into a base's resource of the same
 * id when the behavior says so (resWrangler.appendReplaceOrMerge).
 */
import { base64Utf8 } from '../../api/kinds/core.js';
import type { GeneratorArgs, GeneratorOptions, Kustomization } from './kustomization.js';
import { anyIds, idOf, isRecord, KustomizeError, newRes, type Id, type KFs, type Obj, type Res } from './res.js';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function removeQuotes(s: string): string {
  return s.length >= 2 && s[0] === s[s.length - 1] && (s[0] === '"' || s[0] === "'") ? s.slice(1, -1) : s;
}

function envPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!ENV_NAME.test(key) || /^\d/.test(key)) {
      throw new KustomizeError(`${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`);
    }
    out.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  });
  return out;
}

function fileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [source.split('/').filter(Boolean).pop() ?? source, source];
  if (n === 1 && source.startsWith('=')) throw new KustomizeError(`missing key name for file path ${JSON.stringify(source.slice(1))} in source ${JSON.stringify(source)}`);
  if (n === 1 && source.endsWith('=')) throw new KustomizeError(`missing file path for key name ${JSON.stringify(source.slice(0, -1))} in source ${JSON.stringify(source)}`);
  if (n > 1) throw new KustomizeError(`source ${JSON.stringify(source)} key name or file path contains '='`);
  const [k, p] = source.split('=');
  return [k, p];
}

/** The data of one generator, in kustomize's order: env files, literals, files. */
function dataOf(fs: KFs, dir: string, args: GeneratorArgs, read: (fs: KFs, dir: string, path: string) => string): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const env of args.envs ?? []) pairs.push(...envPairs(read(fs, dir, env)));
  for (const lit of args.literals ?? []) {
    const eq = lit.indexOf('=');
    if (eq < 0) throw new KustomizeError(`loading KV pairs: literal sources [${(args.literals ?? []).join(' ')}]: invalid literal source ${lit}, expected key=value`);
    pairs.push([lit.slice(0, eq), removeQuotes(lit.slice(eq + 1))]);
  }
  for (const f of args.files ?? []) {
    const [key, path] = fileSource(f);
    pairs.push([key, read(fs, dir, path)]);
  }
  const data: Record<string, string> = {};
  for (const [k, v] of pairs) {
    if (!CONFIG_KEY.test(k) || k.length > 253 || k === '.' || k === '..' || k.startsWith('..')) {
      throw new KustomizeError(`${JSON.stringify(k)} is not a valid key name for a ConfigMap`);
    }
    if (k in data) throw new KustomizeError(`configmap ${args.name ?? ''} illegally repeats the key \`${k}\``);
    data[k] = v;
  }
  return data;
}

/** MergeGlobalOptionsIntoLocal: the kustomization's generatorOptions win over a generator's own. */
function mergeOptions(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): GeneratorOptions {
  const o: GeneratorOptions = { ...(local ?? {}) };
  if (!global) return o;
  if (global.labels) o.labels = { ...(o.labels ?? {}), ...global.labels };
  if (global.annotations) o.annotations = { ...(o.annotations ?? {}), ...global.annotations };
  if (global.disableNameSuffixHash) o.disableNameSuffixHash = true;
  if (global.immutable) o.immutable = true;
  return o;
}

function generate(kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, global: GeneratorOptions | undefined, data: Record<string, string>): Res {
  if (!args.name) throw new KustomizeError(`a configmap must have a name`);
  const opts = mergeOptions(args.options, global);
  const metadata: Obj = { name: args.name };
  if (args.namespace) metadata.namespace = args.namespace;
  if (opts.labels && Object.keys(opts.labels).length > 0) metadata.labels = { ...opts.labels };
  if (opts.annotations && Object.keys(opts.annotations).length > 0) metadata.annotations = { ...opts.annotations };
  const obj: Obj = { apiVersion: 'v1', kind, metadata };
  if (kind === 'Secret') {
    obj.type = args.type || 'Opaque';
    if (Object.keys(data).length > 0) obj.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Utf8(v)]));
  } else if (Object.keys(data).length > 0) obj.data = data;
  if (opts.immutable) obj.immutable = true;
  const res = newRes(obj);
  res.needsHash = !opts.disableNameSuffixHash;
  res.behavior = args.behavior || 'create';
  return res;
}

const sameId = (a: Id, b: Id) => a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;

/** Go's %#v of a resid.ResId, as kustomize's generator conflicts print it. */
function goId(id: Id): string {
  return `resid.ResId{Gvk:resid.Gvk{Group:${JSON.stringify(id.group)}, Version:${JSON.stringify(id.version)}, Kind:${JSON.stringify(id.kind)}, isClusterScoped:false}, Name:${JSON.stringify(id.name)}, Namespace:${JSON.stringify(id.namespace)}}`;
}

function absorb(resources: Res[], res: Res): void {
  const id = idOf(res);
  const matches = resources.filter((r) => anyIds(r).some((x) => sameId(x, id)));
  if (matches.length === 0) {
    if (res.behavior === 'merge' || res.behavior === 'replace') throw new KustomizeError(`id ${goId(id)} does not exist; cannot merge or replace`);
    resources.push(res);
    return;
  }
  if (matches.length > 1) throw new KustomizeError(`found multiple objects ${matches.map((m) => goId(idOf(m))).join(', ')} that could accept merge of ${goId(id)}`);
  const old = matches[0];
  if (res.behavior !== 'merge' && res.behavior !== 'replace') throw new KustomizeError(`id ${goId(id)} exists; behavior must be merge or replace`);
  const m = res.obj.metadata;
  const om = old.obj.metadata;
  for (const f of ['labels', 'annotations'] as const) {
    const merged = { ...(isRecord(om[f]) ? om[f] : {}), ...(isRecord(m[f]) ? m[f] : {}) };
    if (Object.keys(merged).length > 0) m[f] = merged;
  }
  m.name = om.name;
  if (om.namespace !== undefined) m.namespace = om.namespace;
  else delete m.namespace;
  if (res.behavior === 'merge') {
    for (const f of ['data', 'binaryData'] as const) {
      const merged = { ...(isRecord(old.obj[f]) ? old.obj[f] : {}), ...(isRecord(res.obj[f]) ? res.obj[f] : {}) };
      if (Object.keys(merged).length > 0) res.obj[f] = merged;
    }
  }
  res.prev = old.prev;
  res.needsHash = res.needsHash || old.needsHash;
  resources[resources.indexOf(old)] = res;
}

/** Runs the kustomization's generators over the resources accumulated so far. */
export function runGenerators(fs: KFs, dir: string, k: Kustomization, resources: Res[], read: (fs: KFs, dir: string, path: string) => string): void {
  for (const args of k.configMapGenerator ?? []) absorb(resources, generate('ConfigMap', args, k.generatorOptions, dataOf(fs, dir, args, read)));
  for (const args of k.secretGenerator ?? []) absorb(resources, generate('Secret', args, k.generatorOptions, dataOf(fs, dir, args, read)));
}
