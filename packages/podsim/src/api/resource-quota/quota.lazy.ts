/**
 * ResourceQuota's decisions (k8s apiserver pkg/admission/plugin/resourcequota controller.go CheckRequest, and
 * kube-controller-manager pkg/controller/resourcequota syncResourceQuota), a chunk of its own in the site's
 * worker (lazy/part.ts): only a namespace with quotas ever needs it.
 */
import { forbidden } from '../status.js';
import { jsonEqual, type Any } from '../objects.js';
import type { ApiClient, KubeObject, ResourceInfo, Status } from '../types.js';
import { chargedKind, fromUsage, matchingNames, missingSpecs, prettyPrint, toUsage, usageOf, type Usage } from './usage.js';
import { addQuantities } from '../../format/quantity.js';
import { validateQuota } from './validation.js';

export interface QuotaVerdict {
  refused?: Status;
  /** The quotas charged for the object, with their new status.used, to store once the object is. */
  charged: Any[];
}

const mask = (u: Usage, names: Iterable<string>) => new Map([...names].filter((n) => u.has(n)).map((n) => [n, u.get(n)!] as const));
// Quantities are doubles here: allow for the rounding of sums of decimal fractions.
const fits = (used: number, hard: number) => used <= hard + Math.abs(hard) * 1e-12 + 1e-12;

/** CheckRequest on create: every matching quota must have room for what the object costs. */
function admit(info: ResourceInfo, obj: Any, quotas: Any[], now: number): QuotaVerdict {
  const group = info.group ?? '';
  const refuse = (why: string): QuotaVerdict => ({ refused: forbidden(info.resource, String(obj.metadata?.name ?? ''), why, info.group || undefined), charged: [] });
  const matched: { quota: Any; names: string[] }[] = [];
  for (const quota of quotas) {
    const names = matchingNames(quota.status?.hard, quota, info.resource, group, obj);
    if (!names.length) continue;
    const missing = info.resource === 'pods' && group === '' ? missingSpecs(obj, names) : undefined;
    if (missing) return refuse(`failed quota: ${quota.metadata.name}: ${missing}`);
    if (names.some((n) => quota.status?.used?.[n] === undefined)) return refuse(`status unknown for quota: ${quota.metadata.name}, resources: ${[...names].sort().join(',')}`);
    matched.push({ quota, names });
  }
  const cost = new Map([...usageOf(info.resource, group, obj, now)].filter(([, q]) => q.value !== 0));
  const charged: Any[] = [];
  for (const { quota, names } of matched) {
    const requested = mask(cost, names);
    if (!requested.size) continue;
    const used = toUsage(quota.status.used);
    const hard = toUsage(quota.status.hard);
    for (const [n, q] of requested) used.set(n, addQuantities(used.get(n), q));
    const exceeded = [...requested.keys()].filter((n) => !fits(used.get(n)!.value, hard.get(n)!.value));
    if (exceeded.length) {
      const before = toUsage(quota.status.used);
      return refuse(`exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(before, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`);
    }
    charged.push({ ...quota, status: { ...quota.status, used: fromUsage(used) } });
  }
  return { charged };
}

/** The quota's status from scratch: its hard limits and what the namespace's objects use of each. */
function quotaStatus(quota: Any, objectsOf: (resource: string) => Any[], now: number): { hard: Record<string, string>; used: Record<string, string> } {
  const hard: Record<string, string> = { ...(quota.spec?.hard ?? {}) };
  const used: Usage = new Map(Object.keys(hard).map((n) => [n, { value: 0, format: 'DecimalSI' as const }]));
  const kinds = new Map<string, string>();
  for (const n of Object.keys(hard)) {
    const kind = chargedKind(n);
    if (kind) kinds.set(kind.resource, kind.group);
  }
  for (const [resource, group] of kinds) {
    for (const obj of objectsOf(resource)) {
      const names = matchingNames(hard, quota, resource, group, obj);
      if (!names.length) continue;
      const cost = usageOf(resource, group, obj, now);
      for (const n of names) {
        const q = cost.get(n);
        if (q) used.set(n, addQuantities(used.get(n), q));
      }
    }
  }
  return { hard, used: fromUsage(used) };
}

/** The quota controller's sync of a namespace: each quota whose status is not what its objects use is rewritten. */
function recount(api: ApiClient, namespace: string, quotas: Any[], now: number): KubeObject[] {
  const objectsOf = (resource: string) => {
    const r = api.list(resource, namespace);
    return r.ok ? r.value.items : [];
  };
  const written: KubeObject[] = [];
  for (const q of quotas) {
    const status = quotaStatus(q, objectsOf, now);
    if (jsonEqual(status, { hard: q.status?.hard ?? {}, used: q.status?.used ?? {} })) continue;
    const res = api.updateStatus('resourcequotas', namespace, { ...q, status });
    if (res.ok) written.push(res.value);
  }
  return written;
}

export default { admit, recount, validateQuota };
