/**
 * What an object costs a ResourceQuota (k8s pkg/quota/v1/evaluator/core: pods.go, services.go,
 * persistent_volume_claims.go; apiserver pkg/quota/v1/generic for `count/<resource>[.<group>]` and the
 * legacy object-count names), which quota resources an object's kind answers, and the scopes a pod is in.
 */
import { addQuantities, formatQuantity, parseQuantity, type Quantity } from '../../format/quantity.js';
import type { Any } from '../objects.js';

export type Usage = Map<string, Quantity>;

const ONE = (): Quantity => ({ value: 1, format: 'DecimalSI' });

/** The kinds with a legacy object-count name beside `count/<resource>` (core/v1 registry). */
const LEGACY_COUNTS = new Set(['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims']);
const POD_COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];
const POD_NAMES = new Set(POD_COMPUTE.flatMap((r) => [r, `requests.${r}`, `limits.${r}`]));
/** An extended resource (`example.com/dongle`): not native, which is unprefixed or under kubernetes.io/. */
const isExtended = (name: string) => name.includes('/') && !name.includes('kubernetes.io/');
/** Quota names whose presence makes every container state them (the evaluator's "validationSet"). */
const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** `count/pods`, `count/deployments.apps`: GroupResource.String() after the prefix. */
export function countName(resource: string, group: string): string {
  return `count/${group ? `${resource}.${group}` : resource}`;
}

/** The quota resource names an object of `resource` (in `group`) is charged under. */
export function answers(resource: string, group: string, name: string): boolean {
  if (name === countName(resource, group) || (group === '' && name === resource && LEGACY_COUNTS.has(resource))) return true;
  if (group !== '') return false;
  if (resource === 'pods') return POD_NAMES.has(name) || /^(requests\.)?hugepages-/.test(name) || (name.startsWith('requests.') && isExtended(name));
  if (resource === 'services') return name === 'services.nodeports' || name === 'services.loadbalancers';
  return resource === 'persistentvolumeclaims' && name === 'requests.storage';
}

/** The kind (resource and group) whose objects a quota resource name is charged for. */
export function chargedKind(name: string): { resource: string; group: string } | undefined {
  const count = /^count\/([^.]+)(?:\.(.+))?$/.exec(name);
  if (count) return { resource: count[1], group: count[2] ?? '' };
  const resource = ['pods', 'services', 'persistentvolumeclaims', ...LEGACY_COUNTS].find((r) => answers(r, '', name));
  return resource ? { resource, group: '' } : undefined;
}

function add(u: Usage, name: string, q: Quantity): void {
  u.set(name, addQuantities(u.get(name), q));
}

/** A container list's requests or limits, summed (every resource the containers name). */
function sumOf(containers: Any[], field: 'requests' | 'limits'): Usage {
  const out: Usage = new Map();
  for (const c of containers) for (const [k, v] of Object.entries((c?.resources?.[field] ?? {}) as Record<string, string>)) add(out, k, parseQuantity(v));
  return out;
}

/** PodRequests/PodLimits: the containers' sum, raised to any single init container's value. */
function podTotals(spec: Any, field: 'requests' | 'limits'): Usage {
  const total = sumOf(spec?.containers ?? [], field);
  for (const init of spec?.initContainers ?? []) {
    for (const [k, q] of sumOf([init], field)) if (q.value > (total.get(k)?.value ?? 0)) total.set(k, q);
  }
  return total;
}

/** podComputeUsageHelper: `pods` plus the compute names a pod's requests and limits fill. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const u: Usage = new Map([['pods', ONE()]]);
  for (const r of POD_COMPUTE) {
    const req = requests.get(r);
    if (req) u.set(r, req).set(`requests.${r}`, req);
    const lim = limits.get(r);
    if (lim) u.set(`limits.${r}`, lim);
  }
  for (const [k, q] of requests) {
    if (k.startsWith('hugepages-')) u.set(k, q).set(`requests.${k}`, q);
    else if (isExtended(k)) u.set(`requests.${k}`, q);
  }
  return u;
}

/** Only pods still alive are charged for compute (and `pods`); `count/pods` counts every stored pod. */
function charged(pod: Any, now: number): boolean {
  const phase = pod?.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deleted = Date.parse(pod?.metadata?.deletionTimestamp ?? '');
  return Number.isNaN(deleted) || deleted + (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000 >= now;
}

/** What `obj` of `resource` costs, by quota resource name. */
export function usageOf(resource: string, group: string, obj: Any, now: number): Usage {
  const u: Usage = new Map([[countName(resource, group), ONE()]]);
  if (group !== '') return u;
  if (resource === 'pods') {
    if (charged(obj, now)) for (const [k, q] of computeUsage(podTotals(obj.spec, 'requests'), podTotals(obj.spec, 'limits'))) u.set(k, q);
    return u;
  }
  if (LEGACY_COUNTS.has(resource)) u.set(resource, ONE());
  if (resource === 'services') {
    const type = obj.spec?.type;
    const ports = type === 'NodePort' || (type === 'LoadBalancer' && obj.spec?.allocateLoadBalancerNodePorts !== false) ? (obj.spec?.ports ?? []).length : 0;
    u.set('services.loadbalancers', { value: type === 'LoadBalancer' ? 1 : 0, format: 'DecimalSI' });
    u.set('services.nodeports', { value: ports, format: 'DecimalSI' });
  }
  if (resource === 'persistentvolumeclaims') {
    const storage = obj.spec?.resources?.requests?.storage;
    if (storage !== undefined) u.set('requests.storage', parseQuantity(storage));
  }
  return u;
}

const isBestEffort = (pod: Any) =>
  [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].every((c: Any) => !Object.keys(c?.resources?.requests ?? {}).length && !Object.keys(c?.resources?.limits ?? {}).length);

/** podMatchesScopeFunc, for one scope selector requirement of a quota. */
function inScope(resource: string, pod: Any, req: Any): boolean {
  if (resource !== 'pods') return false;
  const terminating = typeof pod.spec?.activeDeadlineSeconds === 'number' && pod.spec.activeDeadlineSeconds >= 0;
  const priorityClass: string = pod.spec?.priorityClassName ?? '';
  switch (req.scopeName) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const values: string[] = req.values ?? [];
      if (req.operator === 'Exists') return priorityClass !== '';
      if (req.operator === 'DoesNotExist') return priorityClass === '';
      return req.operator === 'NotIn' ? !values.includes(priorityClass) : values.includes(priorityClass);
    }
  }
  return false;
}

/** The quota's scopes and scope selector as requirements (getScopeSelectorsFromQuota). */
function scopeRequirements(quota: Any): Any[] {
  return [...(quota.spec?.scopes ?? []).map((s: string) => ({ scopeName: s, operator: 'Exists' })), ...(quota.spec?.scopeSelector?.matchExpressions ?? [])];
}

/** Of a quota's `hard` names, those an object of `resource` is charged under, when the object is in all the quota's scopes. */
export function matchingNames(hard: Record<string, string> | undefined, quota: Any, resource: string, group: string, obj: Any): string[] {
  const names = Object.keys(hard ?? {}).filter((n) => answers(resource, group, n));
  if (!names.length || !scopeRequirements(quota).every((r) => inScope(resource, obj, r))) return [];
  return names;
}

/** The evaluator's Constraints: with cpu or memory quota'd, each container must state them ("must specify …"). */
export function missingSpecs(pod: Any, names: string[]): string | undefined {
  const required = names.filter((n) => MUST_SPECIFY.has(n)).sort();
  const missing = new Map<string, string[]>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = computeUsage(sumOf([c], 'requests'), sumOf([c], 'limits'));
    for (const r of required) if (!has.has(r)) missing.set(r, [...(missing.get(r) ?? []), String(c.name)]);
  }
  if (!missing.size) return undefined;
  return `must specify ${[...missing].map(([r, cs]) => `${r} for: ${[...new Set(cs)].sort().join(',')}`).join('; ')}`;
}

/** prettyPrint: `name=value` sorted by name, comma-joined. */
export function prettyPrint(u: Usage): string {
  return [...u.keys()]
    .sort()
    .map((k) => `${k}=${formatQuantity(u.get(k))}`)
    .join(',');
}

export function toUsage(list: Record<string, string> | undefined): Usage {
  return new Map(Object.entries(list ?? {}).map(([k, v]) => [k, parseQuantity(v)]));
}

export function fromUsage(u: Usage): Record<string, string> {
  return Object.fromEntries([...u].map(([k, q]) => [k, formatQuantity(q)]));
}
