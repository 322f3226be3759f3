/**
 * SetDefaults_Pod's parts that only run with a gate on (pkg/apis/core/v1/defaults.go at v1.32): the resize
 * policy of each container (InPlacePodVerticalScaling) and the pod-level requests (PodLevelResources).
 */
import type { FeatureGates } from '../feature-gates.js';
import { isObject, type Any } from '../objects.js';
import { addQuantities, formatQuantity, parseQuantity, type Quantity } from '../../format/quantity.js';

/** The resources pod-level requests and limits may name (component-helpers IsSupportedPodLevelResource). */
export const POD_LEVEL_RESOURCES = ['cpu', 'memory'];

/** Each resource a container requests without a resize policy for it gets NotRequired. */
function defaultResizePolicy(c: Any): void {
  const requests: Any = c.resources?.requests ?? {};
  const policies: Any[] = Array.isArray(c.resizePolicy) ? c.resizePolicy : [];
  for (const r of ['cpu', 'memory']) {
    if (requests[r] === undefined || policies.some((p) => p?.resourceName === r)) continue;
    policies.push({ resourceName: r, restartPolicy: 'NotRequired' });
  }
  if (policies.length) c.resizePolicy = policies;
}

/**
 * The containers' effective requests (resourcehelper.AggregateContainerRequests): the regular containers'
 * sum, or an init container's own when that is larger.
 */
export function aggregateContainerRequests(spec: Any): Map<string, Quantity> {
  const sum = new Map<string, Quantity>();
  const each = (list: unknown, fn: (r: string, q: Quantity) => void) => {
    for (const c of Array.isArray(list) ? list : []) for (const r of POD_LEVEL_RESOURCES) if (c?.resources?.requests?.[r] !== undefined) fn(r, parseQuantity(c.resources.requests[r]));
  };
  each(spec.containers, (r, q) => sum.set(r, addQuantities(sum.get(r), q)));
  each(spec.initContainers, (r, q) => {
    if (q.value > (sum.get(r)?.value ?? 0)) sum.set(r, q);
  });
  return sum;
}

/** defaultPodRequests: with pod-level limits, a missing pod-level request is the containers' own, else the limit. */
function defaultPodRequests(spec: Any): void {
  const res = spec.resources;
  if (!isObject(res) || !isObject(res.limits) || Object.keys(res.limits).length === 0) return;
  const requests: Any = isObject(res.requests) ? res.requests : {};
  for (const [r, v] of aggregateContainerRequests(spec)) requests[r] ??= formatQuantity(v);
  for (const [r, v] of Object.entries(res.limits)) if (POD_LEVEL_RESOURCES.includes(r)) requests[r] ??= v;
  if (Object.keys(requests).length) res.requests = requests;
}

export function defaultGatedPodFields(pod: Any, gates: FeatureGates): void {
  const spec = pod.spec;
  if (!isObject(spec)) return;
  if (gates.enabled('InPlacePodVerticalScaling')) for (const c of spec.containers ?? []) if (isObject(c)) defaultResizePolicy(c);
  if (gates.enabled('PodLevelResources')) defaultPodRequests(spec);
}
