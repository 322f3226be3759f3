/**
 * The order kustomize prints resources in (SortOrderTransformer's legacy order): kinds that others
 * depend on first (Namespace … PodDisruptionBudget), webhooks last, the rest in between; ties by
 * group/version/kind, then by `Kind.version.group|namespace|name`.
 */
import { idOf, type Id, type Res } from './res.js';

const ORDER_FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const rank = (kind: string): number => {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
};
const gvkString = (id: Id) => `${id.group || '~G'}_${id.version || '~V'}_${id.kind || '~K'}`;
const idSortString = (id: Id) => `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}|${id.namespace || '~X'}|${id.name || '~N'}`;
// Go compares strings bytewise; so does this on the ASCII names Kubernetes allows.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compare(a: Id, b: Id): number {
  const sameGvk = a.group === b.group && a.version === b.version && a.kind === b.kind;
  if (!sameGvk) {
    if (rank(a.kind) !== rank(b.kind)) return rank(a.kind) - rank(b.kind);
    if (a.kind === 'Namespace' && b.kind === 'Namespace' && (a.group === '' || b.group === '')) return cmp(gvkString(b), gvkString(a));
    return cmp(gvkString(a), gvkString(b));
  }
  return cmp(idSortString(a), idSortString(b));
}

/** resid.Gvk.IsLessThan, the order kustomize keeps its field specs in. */
export function gvkLess(a: { group?: string; version?: string; kind?: string }, b: { group?: string; version?: string; kind?: string }): number {
  const [ka, kb] = [a.kind ?? '', b.kind ?? ''];
  if (rank(ka) !== rank(kb)) return rank(ka) - rank(kb);
  const str = (g: typeof a) => `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}`;
  return cmp(str(a), str(b));
}

export function legacySort(resources: Res[]): Res[] {
  return resources.map((r) => ({ r, id: idOf(r) })).sort((x, y) => compare(x.id, y.id)).map((x) => x.r);
}
