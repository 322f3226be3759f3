/**
 * Name back-references (api/filters/nameref): once generators, prefixes, suffixes and hashes have
 * renamed resources, every field the default nameReference specs list (a Pod's configMapKeyRef, a
 * Deployment's volume secret, an Ingress's service…) that still holds an earlier name of such a
 * resource gets its current name.
 */
import { DEFAULT_SPECS, forEachSpec, gvkOf, gvkSelected, type Gvk } from './fieldspec.js';
import { isClusterScoped } from './transformers.js';
import { idOf, idString, isRecord, KustomizeError, nsEquals, orgId, type Id, type Res } from './res.js';

function selectReferral(referrer: Res, target: Gvk, oldName: string, resources: Res[], namespace?: string): Res | undefined {
  let candidates = resources.filter((r) => r.prev.some((id) => id.name === oldName && gvkSelected(id, target)));
  if (namespace !== undefined) {
    // A reference that names its namespace (a binding's subject) means resources from there, by original namespace first.
    const inNs = (id: Id) => nsEquals(id.namespace, namespace);
    const byOrg = candidates.filter((r) => inNs(orgId(r)));
    candidates = byOrg.length > 0 ? byOrg : candidates.filter((r) => inNs(idOf(r)));
  }
  if (!isClusterScoped(referrer.obj)) {
    const ns = idOf(referrer).namespace;
    candidates = candidates.filter((r) => isClusterScoped(r.obj) || gvkOf(r.obj).kind === 'ServiceAccount' || nsEquals(ns, idOf(r).namespace));
  }
  if (candidates.length <= 1) return candidates[0];
  const names = new Set(candidates.map((c) => `${idOf(c).name}/${idOf(c).namespace}`));
  if (names.size === 1) return candidates[0];
  throw new KustomizeError(`found multiple possible referrals: ${candidates.map((c) => idString(idOf(c))).join(', ')}`);
}

export function fixBackReferences(resources: Res[]): void {
  for (const ref of DEFAULT_SPECS.nameReference) {
    const target: Gvk = { group: ref.group, version: ref.version, kind: ref.kind };
    for (const referrer of resources) {
      forEachSpec(referrer.obj, ref.fieldSpecs, (parent, key) => {
        const v = parent[key];
        const rename = (old: unknown) => {
          if (typeof old !== 'string') return old;
          const found = selectReferral(referrer, target, old, resources);
          return found ? idOf(found).name : old;
        };
        const renameMap = (m: Record<string, unknown>) => {
          if (typeof m.name !== 'string') return;
          const found = selectReferral(referrer, target, m.name, resources, typeof m.namespace === 'string' ? m.namespace : undefined);
          if (!found) return;
          const id = idOf(found);
          m.name = id.name;
          if (id.namespace !== '') m.namespace = id.namespace;
        };
        if (typeof v === 'string') parent[key] = rename(v);
        else if (isRecord(v)) renameMap(v);
        else if (Array.isArray(v)) parent[key] = v.map((x) => (isRecord(x) ? (renameMap(x), x) : rename(x)));
      });
    }
  }
}
