/**
 * autoscaling/v1 HorizontalPodAutoscaler ⇄ autoscaling/v2, the storage version (k8s
 * `pkg/apis/autoscaling/v1/conversion.go`, 1.32): v1's targetCPUUtilizationPercentage is v2's CPU
 * Utilization metric, currentCPUUtilizationPercentage its status; what v1 has no field for (other
 * metrics, their statuses, conditions, behavior) travels in `autoscaling.alpha.kubernetes.io/*`
 * annotations, compact JSON in v1's own shapes.
 */
import { isObject, type Any } from '../objects.js';
import { orderBySchema } from '../decode/order.js';
import type { KubeObject } from '../types.js';

const ANNOTATION = {
  metrics: 'autoscaling.alpha.kubernetes.io/metrics',
  currentMetrics: 'autoscaling.alpha.kubernetes.io/current-metrics',
  behavior: 'autoscaling.alpha.kubernetes.io/behavior',
  conditions: 'autoscaling.alpha.kubernetes.io/conditions',
};

const isCpuUtilization = (m: Any): boolean => m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.averageUtilization !== undefined;

function withoutRoundTripAnnotations(meta: Any): Any {
  const annotations: Record<string, string> = { ...(meta.annotations ?? {}) };
  for (const key of Object.values(ANNOTATION)) delete annotations[key];
  const out: Any = { ...meta };
  if (Object.keys(annotations).length) out.annotations = annotations;
  else delete out.annotations;
  return out;
}

function parsed(meta: Any, key: string): Any[] | Any | undefined {
  const text = meta.annotations?.[key];
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as Any;
  } catch {
    return undefined;
  }
}

/** v1 MetricStatus (`currentAverageUtilization`, `currentAverageValue`) from v2's `current`. */
function v1MetricStatus(s: Any): Any {
  const out: Any = { type: s.type ?? '' };
  const r = s.resource ?? s.containerResource;
  if (r) {
    const field = s.resource ? 'resource' : 'containerResource';
    const v: Any = { name: r.name };
    if (r.current?.averageUtilization !== undefined) v.currentAverageUtilization = r.current.averageUtilization;
    v.currentAverageValue = r.current?.averageValue ?? '0';
    if (r.container !== undefined) v.container = r.container;
    out[field] = v;
  }
  return out;
}

function v2MetricStatus(s: Any): Any {
  const out: Any = { type: s.type ?? '' };
  const r = s.resource ?? s.containerResource;
  if (r) {
    const current: Any = {};
    if (r.currentAverageValue !== undefined) current.averageValue = r.currentAverageValue;
    if (r.currentAverageUtilization !== undefined) current.averageUtilization = r.currentAverageUtilization;
    out[s.resource ? 'resource' : 'containerResource'] = { name: r.name, current, ...(r.container !== undefined ? { container: r.container } : {}) };
  }
  return out;
}

/** A v1 object as the v2 store keeps it. */
export function hpaV1ToV2(v1: KubeObject): KubeObject {
  const spec: Any = isObject(v1.spec) ? v1.spec : {};
  const status: Any | undefined = isObject(v1.status) ? v1.status : undefined;
  const meta: Any = v1.metadata ?? {};
  const metrics: Any[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined)
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
  const others = parsed(meta, ANNOTATION.metrics);
  if (Array.isArray(others)) metrics.push(...others);
  const v2spec: Any = { scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas };
  if (metrics.length) v2spec.metrics = metrics;
  const behavior = parsed(meta, ANNOTATION.behavior);
  if (isObject(behavior)) v2spec.behavior = behavior;
  const out: Any = { ...v1, apiVersion: 'autoscaling/v2', metadata: withoutRoundTripAnnotations(meta), spec: v2spec };
  if (status) {
    const current = parsed(meta, ANNOTATION.currentMetrics);
    const conditions = parsed(meta, ANNOTATION.conditions);
    const s: Any = { observedGeneration: status.observedGeneration, lastScaleTime: status.lastScaleTime, currentReplicas: status.currentReplicas, desiredReplicas: status.desiredReplicas ?? 0 };
    if (Array.isArray(current)) s.currentMetrics = current.map(v2MetricStatus);
    else if (status.currentCPUUtilizationPercentage !== undefined)
      s.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
    if (Array.isArray(conditions)) s.conditions = conditions;
    out.status = s;
  }
  return out as KubeObject;
}

/** The stored v2 object as the v1 endpoints serve it. */
export function hpaV2ToV1(v2: KubeObject): KubeObject {
  const spec: Any = isObject(v2.spec) ? v2.spec : {};
  const status: Any = isObject(v2.status) ? v2.status : {};
  const metrics: Any[] = Array.isArray(spec.metrics) ? spec.metrics : [];
  const cpu = metrics.find(isCpuUtilization);
  const annotations: Record<string, string> = {};
  const others = metrics.filter((m) => !isCpuUtilization(m));
  if (others.length) annotations[ANNOTATION.metrics] = JSON.stringify(others);
  const current: Any[] = Array.isArray(status.currentMetrics) ? status.currentMetrics : [];
  if (current.length) annotations[ANNOTATION.currentMetrics] = JSON.stringify(current.map((s) => orderBySchema('MetricStatus', v1MetricStatus(s))));
  if (spec.behavior) annotations[ANNOTATION.behavior] = JSON.stringify(spec.behavior);
  if (Array.isArray(status.conditions) && status.conditions.length) annotations[ANNOTATION.conditions] = JSON.stringify(status.conditions);
  const meta: Any = withoutRoundTripAnnotations(v2.metadata ?? {});
  if (Object.keys(annotations).length) meta.annotations = { ...(meta.annotations ?? {}), ...annotations };
  const v1spec: Any = { scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas };
  if (cpu) v1spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  const cpuStatus = current.find((s) => s?.type === 'Resource' && s.resource?.name === 'cpu' && s.resource.current?.averageUtilization !== undefined);
  const v1status: Any = {
    observedGeneration: status.observedGeneration,
    lastScaleTime: status.lastScaleTime,
    currentReplicas: status.currentReplicas ?? 0,
    desiredReplicas: status.desiredReplicas ?? 0,
    currentCPUUtilizationPercentage: cpuStatus?.resource.current.averageUtilization,
  };
  const out = { ...v2, apiVersion: 'autoscaling/v1', metadata: orderBySchema('ObjectMeta', meta), spec: v1spec, status: v1status };
  return JSON.parse(JSON.stringify(orderBySchema('HorizontalPodAutoscalerV1', out))) as KubeObject;
}
