/**
 * The replica count a resource utilization target asks for (k8s pkg/controller/podautoscaler/
 * replica_calculator.go GetResourceReplicas and groupPods, 1.32): usage against the pods' requests,
 * within a tolerance of 10% nothing changes; pending and not-yet-ready pods and pods without metrics
 * are counted conservatively (0% on the way up, 100% of request on the way down) so that neither
 * makes the autoscaler overshoot, and a recount that would flip the direction keeps the current size.
 */
import type { Pod } from '../../api/types.js';
import { parseQuantity } from '../../api/quantity.js';
import type { PodMetric } from './resource-metrics.js';

export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period and -initial-readiness-delay defaults. */
const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
const INITIAL_READINESS_DELAY_MS = 30_000;

export type ReplicaProposal = { ok: true; replicas: number; utilization: number; rawAverage: number } | { ok: false; error: string };

interface Groups {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

function groupPods(pods: Pod[], metrics: Map<string, PodMetric>, resource: string, now: number): Groups {
  const g: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Failed') g.ignored.add(name);
    else if (pod.status?.phase === 'Pending') g.unready.add(name);
    else if (!metrics.has(name)) g.missing.add(name);
    else if (resource === 'cpu' && cpuUnready(pod, metrics.get(name)!, now)) g.unready.add(name);
    else g.ready++;
  }
  return g;
}

/** A CPU sample is not trusted while the pod starts up: unready, or taken before it became ready. */
function cpuUnready(pod: Pod, metric: PodMetric, now: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const start = Date.parse(pod.status?.startTime ?? '');
  if (!ready || Number.isNaN(start)) return true;
  const transition = Date.parse(ready.lastTransitionTime ?? '') || 0;
  if (start + CPU_INITIALIZATION_PERIOD_MS > now) return ready.status === 'False' || metric.timestamp < transition + metric.windowMs;
  return ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
}

/** Each pod's summed container requests in milli-units, or the error for the first container without one. */
function podRequests(pods: Pod[], resource: string): Map<string, number> | string {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const q = parseQuantity(c.resources?.requests?.[resource]);
      if (q === undefined) return `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}`;
      sum += Math.ceil(q * 1000 - 1e-9);
    }
    out.set(pod.metadata?.name ?? '', sum);
  }
  return out;
}

/** metricsclient.GetResourceUtilizationRatio: total usage over total requests of the pods with both. */
function utilizationRatio(metrics: Map<string, number>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } | undefined {
  let used = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of metrics) {
    const r = requests.get(name);
    if (r === undefined) continue;
    used += value;
    requested += r;
    n++;
  }
  if (requested === 0) return undefined;
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / n) };
}

export function resourceReplicas(current: number, target: number, resource: string, pods: Pod[], podMetrics: Map<string, PodMetric>, now: number): ReplicaProposal {
  if (pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const g = groupPods(pods, podMetrics, resource, now);
  const metrics = new Map([...podMetrics].filter(([name]) => !g.ignored.has(name) && !g.unready.has(name)).map(([name, m]) => [name, m.milli] as const));
  const requests = podRequests(pods, resource);
  if (typeof requests === 'string') return { ok: false, error: requests };
  if (metrics.size === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const first = utilizationRatio(metrics, requests, target);
  if (!first) return { ok: false, error: 'no metrics returned matched known pods' };
  const { ratio, utilization, rawAverage } = first;
  const keep = { ok: true as const, replicas: current, utilization, rawAverage };
  const upWithUnready = g.unready.size > 0 && ratio > 1;
  if (!upWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return keep;
    return { ...keep, replicas: Math.ceil(ratio * g.ready) };
  }
  for (const name of g.missing) {
    if (ratio < 1) metrics.set(name, Math.trunc(((requests.get(name) ?? 0) * Math.max(100, target)) / 100));
    else if (ratio > 1) metrics.set(name, 0);
  }
  if (upWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const second = utilizationRatio(metrics, requests, target);
  if (!second) return { ok: false, error: 'no metrics returned matched known pods' };
  const r = second.ratio;
  if (Math.abs(1 - r) <= TOLERANCE || (ratio < 1 && r > 1) || (ratio > 1 && r < 1)) return keep;
  const replicas = Math.ceil(r * metrics.size);
  if ((r < 1 && replicas > current) || (r > 1 && replicas < current)) return keep;
  return { ...keep, replicas };
}
