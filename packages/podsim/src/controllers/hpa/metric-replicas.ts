/**
 * One metric's replica proposal and status (k8s horizontal.go computeReplicasForMetric and
 * computeStatusForResourceMetric, 1.32). Resource and ContainerResource metrics come from the resource
 * metrics API; this cluster registers no custom or external metrics API, so those fail as the real
 * controller's do without one. A failure names the ScalingActive reason, the event it records and
 * the error it is wrapped in.
 */
import type { Any } from '../../api/objects.js';
import type { ApiClient, Pod } from '../../api/types.js';
import { resourceReplicas } from './replica-calculator.js';
import { podResourceMetrics } from './resource-metrics.js';
import { TOLERANCE } from './replica-calculator.js';

export type MetricProposal =
  | { ok: true; replicas: number; metricName: string; status: Any }
  | { ok: false; reason: string; eventMessage: string; error: string };

/** resource.NewMilliQuantity(v, DecimalSI).String(). */
export function milliQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

function failed(reason: string, cause: string, wrapped: string): MetricProposal {
  return { ok: false, reason, eventMessage: cause, error: wrapped };
}

/** A raw average value target: usage per pod against the target, with the same tolerance. */
function rawReplicas(current: number, targetMilli: number, metrics: Map<string, { milli: number }>, pods: Pod[]): { replicas: number; average: number } {
  const names = new Set(pods.filter((p) => p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp).map((p) => p.metadata?.name ?? ''));
  const values = [...metrics].filter(([n]) => names.has(n)).map(([, m]) => m.milli);
  const total = values.reduce((a, b) => a + b, 0);
  const average = values.length ? Math.trunc(total / values.length) : 0;
  const ratio = total / (targetMilli * Math.max(values.length, 1));
  return { replicas: Math.abs(1 - ratio) <= TOLERANCE ? current : Math.ceil(total / targetMilli), average };
}

function resourceMetric(api: ApiClient, spec: Any, current: number, namespace: string, selector: string, pods: Pod[], now: number, container: boolean): MetricProposal {
  const src: Any = (container ? spec.containerResource : spec.resource) ?? {};
  const name = src.name ?? '';
  const target: Any = src.target ?? {};
  const type = container ? 'ContainerResource' : 'Resource';
  const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
  const wrap = (cause: string) => `failed to get ${name}${container ? ' container' : ''} resource metric value: ${cause}`;
  const metrics = podResourceMetrics(api, name, namespace, selector);
  if (target.averageValue !== undefined) {
    if (!metrics.ok) {
      const cause = `failed to get ${name} usage: unable to get metrics for resource ${name}: ${metrics.error}`;
      return failed(reason, cause, wrap(cause));
    }
    const targetMilli = Math.ceil(Number.parseFloat(String(target.averageValue)) * (String(target.averageValue).endsWith('m') ? 1 : 1000));
    const raw = rawReplicas(current, targetMilli, metrics.metrics, pods);
    const status = { type, [container ? 'containerResource' : 'resource']: { name, current: { averageValue: milliQuantity(raw.average) }, ...(container ? { container: src.container } : {}) } };
    return { ok: true, replicas: raw.replicas, metricName: `${name} resource`, status };
  }
  if (target.averageUtilization === undefined) {
    const cause = 'invalid resource metric source: neither a utilization target nor a value target was set';
    return failed(reason, cause, cause);
  }
  const proposal = metrics.ok ? resourceReplicas(current, target.averageUtilization, name, pods, metrics.metrics, now) : { ok: false as const, error: `unable to get metrics for resource ${name}: ${metrics.error}` };
  if (!proposal.ok) {
    const cause = `failed to get ${name} utilization: ${proposal.error}`;
    return failed(reason, cause, wrap(cause));
  }
  const currentValue = { averageValue: milliQuantity(proposal.rawAverage), averageUtilization: proposal.utilization };
  const status = { type, [container ? 'containerResource' : 'resource']: { name, current: currentValue, ...(container ? { container: src.container } : {}) } };
  return { ok: true, replicas: proposal.replicas, metricName: `${name}${container ? ` container ${src.container}` : ''} resource utilization (percentage of request)`, status };
}

export function metricReplicas(api: ApiClient, spec: Any, current: number, namespace: string, selector: string, pods: Pod[], now: number): MetricProposal {
  switch (spec?.type) {
    case 'Resource':
      return resourceMetric(api, spec, current, namespace, selector, pods, now, false);
    case 'ContainerResource':
      return resourceMetric(api, spec, current, namespace, selector, pods, now, true);
    case 'Pods': {
      const cause = `unable to get metric ${spec.pods?.metric?.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return failed('FailedGetPodsMetric', cause, `failed to get pods metric value: ${cause}`);
    }
    case 'Object': {
      const cause = `unable to get metric ${spec.object?.metric?.name ?? ''}: ${spec.object?.describedObject?.kind ?? ''} on ${namespace} ${spec.object?.describedObject?.name ?? ''}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return failed('FailedGetObjectMetric', cause, `failed to get object metric value: ${cause}`);
    }
    case 'External': {
      const cause = `unable to get external metric ${namespace}/${spec.external?.metric?.name ?? ''}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
      return failed('FailedGetExternalMetric', cause, `failed to get ${spec.external?.metric?.name ?? ''} external metric value: ${cause}`);
    }
    default: {
      const cause = `unknown metric source type "${spec?.type ?? ''}"`;
      return failed('InvalidMetricSourceType', cause, cause);
    }
  }
}
