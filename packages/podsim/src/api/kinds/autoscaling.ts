/**
 * HorizontalPodAutoscaler, stored as autoscaling/v2 (k8s `pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go`;
 * defaults from `pkg/apis/autoscaling/v2/defaults.go`, 1.32): minReplicas 1, a CPU utilization target of 80%
 * when no metric is given, and a behavior's unset rules filled with the default scaling rules.
 */
import { isObject, type Any } from '../objects.js';
import { LazyPart } from '../../lazy/part.js';
import part from './autoscaling.lazy.js';
import type { KindStrategy, Obj } from './strategy.js';

/** Validation and the v1 conversion: only requests about autoscalers need them. */
export const AUTOSCALING_API = new LazyPart('autoscaling-api', part);

const DEFAULT_CPU_UTILIZATION = 80;

/** Scale up by 4 pods or 100% per 15 s, whichever is more, at once; scale down by up to 100% per 15 s. */
const DEFAULT_RULES = {
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
  scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
};

function rules(given: unknown, defaults: Any): Any {
  if (!isObject(given)) return structuredClone(defaults);
  const out: Any = { ...given };
  out.policies ??= structuredClone(defaults.policies);
  out.selectPolicy ??= 'Max';
  if (defaults.stabilizationWindowSeconds !== undefined) out.stabilizationWindowSeconds ??= defaults.stabilizationWindowSeconds;
  return out;
}

function defaultHpa(hpa: Obj): void {
  const spec: Any = isObject(hpa.spec) ? hpa.spec : (hpa.spec = {});
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0)
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  if (isObject(spec.behavior)) {
    spec.behavior.scaleUp = rules(spec.behavior.scaleUp, DEFAULT_RULES.scaleUp);
    spec.behavior.scaleDown = rules(spec.behavior.scaleDown, DEFAULT_RULES.scaleDown);
  }
}

export const horizontalPodAutoscalerStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: false,
  nameRule: 'subdomain',
  defaults: defaultHpa,
  prepareForCreate(hpa) {
    // Go writes the fresh status's nil metric list as null: `currentMetrics: null` in -o yaml.
    hpa.status = { currentMetrics: null, desiredReplicas: 0 };
  },
  validate: (hpa) => AUTOSCALING_API.get().validateHorizontalPodAutoscaler(hpa),
};
