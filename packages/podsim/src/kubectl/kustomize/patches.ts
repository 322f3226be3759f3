/**
 * kustomize's patches: `patches` (strategic merge or JSON 6902, told apart by parsing, optionally
 * aimed by a target selector), and the deprecated `patchesStrategicMerge` and `patchesJson6902`
 * (api/internal/builtins/Patch*Transformer.go). Targets are found by any name the resource has had.
 */
import { parse } from 'yaml';
import { jsonPatch } from '../../api/patch/json-patch.js';
import { PatchError, strategicMerge } from '../../api/patch/strategic.js';
import { parseLabelSelector } from '../../api/selectors.js';
import { gvkOf } from './fieldspec.js';
import type { PatchArgs, Selector } from './kustomization.js';
import { anyIds, idOf, idString, isRecord, KustomizeError, newRes, nsEquals, orgId, parseObjects, storePreviousId, type Id, type Obj, type Res } from './res.js';

export type ReadFile = (path: string) => string;

const sameId = (a: Id, b: Id) => nsEquals(a.namespace, b.namespace) && a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name;

/** resWrangler.GetById: exactly one resource that has (had) this id. */
function byId(resources: Res[], id: Id): Res {
  const found = resources.filter((r) => anyIds(r).some((x) => sameId(x, id)));
  if (found.length === 1) return found[0];
  const why = found.length > 1 ? `multiple matches for Id ${idString(id)}` : `no matches for Id ${idString(id)}`;
  throw new KustomizeError(`${why}; failed to find unique target for patch ${idString(id)}`);
}

function anchored(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new KustomizeError(`error parsing regexp: ${pattern}`);
  }
}

function matchesSelector(labels: unknown, selector: string | undefined): boolean {
  if (!selector) return true;
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) throw new KustomizeError(parsed.message);
  return parsed.matches((isRecord(labels) ? labels : {}) as Record<string, string>);
}

/** resWrangler.Select: regular expressions on the original or current name and namespace, the kind, label and annotation selectors. */
export function select(resources: Res[], s: Selector): Res[] {
  const [group, version, kind, name, ns] = [s.group, s.version, s.kind, s.name, s.namespace].map(anchored);
  return resources.filter((r) => {
    const cur = idOf(r);
    const org = orgId(r);
    if (ns && !ns.test(org.namespace || 'default') && !ns.test(cur.namespace || 'default')) return false;
    if (name && !name.test(org.name) && !name.test(cur.name)) return false;
    const gvk = gvkOf(r.obj);
    if ((group && !group.test(gvk.group)) || (version && !version.test(gvk.version)) || (kind && !kind.test(gvk.kind))) return false;
    return matchesSelector(r.obj.metadata.labels, s.labelSelector) && matchesSelector(r.obj.metadata.annotations, s.annotationSelector);
  });
}

/** Applies one strategic merge patch to `target` (kyaml merge2 with the kind's patch strategies); an emptied resource goes away. */
function applySm(resources: Res[], target: Res, patch: Obj): void {
  const p = structuredClone(patch);
  const pm = isRecord(p.metadata) ? p.metadata : (p.metadata = {});
  pm.name = target.obj.metadata.name;
  if (target.obj.metadata.namespace !== undefined) pm.namespace = target.obj.metadata.namespace;
  else delete pm.namespace;
  p.apiVersion = target.obj.apiVersion;
  p.kind = target.obj.kind;
  let merged: unknown;
  try {
    merged = strategicMerge(target.obj, p, gvkOf(target.obj).kind);
  } catch (e) {
    if (e instanceof PatchError) throw new KustomizeError(e.message);
    throw e;
  }
  if (!isRecord(merged) || Object.keys(merged).length === 0 || merged.metadata === undefined) {
    resources.splice(resources.indexOf(target), 1);
    return;
  }
  target.obj = merged as Res['obj'];
}

function jsonOps(text: string): unknown[] | undefined {
  if (text === '') return undefined;
  try {
    const v: unknown = text.startsWith('[') ? JSON.parse(text) : parse(text);
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function applyJson(resources: Res[], target: Selector | undefined, text: string, source: string): void {
  if (!target) throw new KustomizeError(`must specify a target for JSON patch ${source}`);
  const ops = jsonOps(text);
  for (const r of select(resources, target)) {
    storePreviousId(r);
    try {
      r.obj = jsonPatch(r.obj, ops) as Res['obj'];
    } catch (e) {
      if (e instanceof PatchError) throw new KustomizeError(e.message);
      throw e;
    }
  }
}

function smPatches(text: string, source: string): Obj[] | undefined {
  try {
    const objs = parseObjects(text, source);
    return objs.length > 0 && objs.every((o) => isRecord(o)) ? objs : undefined;
  } catch {
    return undefined;
  }
}

/** One `patches` entry. */
export function applyPatch(resources: Res[], p: PatchArgs, read: ReadFile): void {
  const inline = (p.patch ?? '').trim();
  if (inline === '' && !p.path) throw new KustomizeError(`must specify one of patch and path in\n${JSON.stringify(p)}`);
  if (inline !== '' && p.path) throw new KustomizeError(`patch and path can't be set at the same time\n${JSON.stringify(p)}`);
  const text = inline !== '' ? inline : read(p.path!);
  const source = inline !== '' ? `[patch: ${JSON.stringify(inline)}]` : `[path: ${JSON.stringify(p.path)}]`;
  const sm = jsonOps(text) === undefined ? smPatches(text, source) : undefined;
  if (!sm) {
    if (jsonOps(text) === undefined) throw new KustomizeError(`unable to parse SM or JSON patch from ${source}`);
    applyJson(resources, p.target, text, source);
    return;
  }
  if (p.target) {
    if (sm.length > 1) throw new KustomizeError(`Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: ${source}`);
    for (const r of select(resources, p.target)) applySm(resources, r, sm[0]);
    return;
  }
  for (const patch of sm) {
    const id = idOf(newRes(patch));
    let target: Res;
    try {
      target = byId(resources, id);
    } catch (e) {
      throw new KustomizeError(`no resource matches strategic merge patch "${idString(id)}": ${e instanceof Error ? e.message : String(e)}`);
    }
    applySm(resources, target, patch);
  }
}

/** patchesStrategicMerge: each entry is inline YAML or a file of patches. */
export function applyStrategicMergePatches(resources: Res[], entries: string[], read: ReadFile): void {
  for (const entry of entries) {
    const inline = /\n|:/.test(entry) ? smPatches(entry, entry) : undefined;
    for (const patch of inline ?? parseObjects(read(entry), entry)) applySm(resources, byId(resources, idOf(newRes(patch))), patch);
  }
}

export function applyJson6902Patches(resources: Res[], entries: PatchArgs[], read: ReadFile): void {
  for (const p of entries) {
    const text = p.patch ? p.patch : read(p.path ?? '');
    applyJson(resources, p.target, text, p.patch ? `[patch: ${JSON.stringify(p.patch)}]` : `[path: ${JSON.stringify(p.path)}]`);
  }
}
