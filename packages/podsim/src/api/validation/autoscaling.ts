/** HorizontalPodAutoscaler validation (k8s `pkg/apis/autoscaling/validation/validation.go`, 1.32, HPAScaleToZero off). */
import { parseQuantity } from '../quantity.js';
import { isObject, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from './field.js';
import { pathSegmentName } from './names.js';

const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', ContainerResource: 'containerResource', External: 'external' };
const TARGET_TYPES = ['Utilization', 'Value', 'AverageValue'];
const POLICY_TYPES = ['Percent', 'Pods'];
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

function reference(ref: Any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['kind', 'name'] as const) {
    const v = ref?.[key];
    if (!v) errs.push(fe.required(`${path}.${key}`));
    else for (const msg of pathSegmentName(v)) errs.push(fe.invalid(`${path}.${key}`, v, msg));
  }
  return errs;
}

function positive(q: unknown, field: string): FieldError[] {
  if (q === undefined) return [];
  const parsed = parseQuantity(String(q));
  return parsed !== undefined && parsed > 0 ? [] : [fe.invalid(field, q, 'must be positive')];
}

function target(t: Any | undefined, path: string): FieldError[] {
  const mt: Any = t ?? {};
  const errs: FieldError[] = [];
  if (!mt.type) errs.push(fe.required(`${path}.type`, 'must specify a metric target type'));
  if (!TARGET_TYPES.includes(mt.type)) errs.push(fe.invalid(`${path}.type`, mt.type ?? '', 'must be either Utilization, Value, or AverageValue'));
  errs.push(...positive(mt.value, `${path}.value`), ...positive(mt.averageValue, `${path}.averageValue`));
  if (mt.averageUtilization !== undefined && mt.averageUtilization < 1) errs.push(fe.invalid(`${path}.averageUtilization`, mt.averageUtilization, 'must be greater than 0'));
  return errs;
}

/** Resource and ContainerResource sources: a resource name and exactly one of utilization or raw value. */
function resourceSource(src: Any, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!src.name) errs.push(fe.required(`${path}.name`, 'must specify a resource name'));
  if (container && !src.container) errs.push(fe.required(`${path}.container`, 'must specify a container'));
  errs.push(...target(src.target, `${path}.target`));
  const t: Any = src.target ?? {};
  if (t.averageUtilization === undefined && t.averageValue === undefined)
    errs.push(fe.required(`${path}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
  if (t.averageUtilization !== undefined && t.averageValue !== undefined)
    errs.push(fe.forbidden(`${path}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
  return errs;
}

function metricSource(type: string, src: Any, path: string): FieldError[] {
  if (type === 'Resource') return resourceSource(src, path, false);
  if (type === 'ContainerResource') return resourceSource(src, path, true);
  const errs: FieldError[] = [];
  if (!src.metric?.name) errs.push(fe.required(`${path}.metric.name`, 'must specify a metric name'));
  if (type === 'Object') errs.push(...reference(src.describedObject, `${path}.describedObject`));
  return [...errs, ...target(src.target, `${path}.target`)];
}

function metricSpec(spec: Any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.type) errs.push(fe.required(`${path}.type`, 'must specify a metric source type'));
  const present = Object.entries(SOURCE_FIELD).filter(([, f]) => isObject(spec[f]));
  if (present.length === 1) errs.push(...metricSource(present[0][0], spec[present[0][1]], `${path}.${present[0][1]}`));
  const expected = SOURCE_FIELD[spec.type];
  if (!expected) errs.push(fe.notSupported(`${path}.type`, spec.type ?? '', SOURCE_TYPES));
  else if (!isObject(spec[expected])) errs.push(fe.required(`${path}.${expected}`, 'must populate information for the given metric source'));
  if (present.length > 1)
    for (const [, f] of present) if (f !== expected) errs.push(fe.forbidden(`${path}.${f}`, 'must populate the given metric source only'));
  return errs;
}

function scalingRules(rules: Any | undefined, path: string): FieldError[] {
  if (!isObject(rules)) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(fe.invalid(`${path}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW_SECONDS) errs.push(fe.invalid(`${path}.stabilizationWindowSeconds`, w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  if (rules.selectPolicy !== undefined && !SELECT_POLICIES.includes(rules.selectPolicy)) errs.push(fe.notSupported(`${path}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES));
  const policies: Any[] = Array.isArray(rules.policies) ? rules.policies : [];
  if (policies.length === 0) errs.push(fe.required(`${path}.policies`, 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const at = `${path}.policies[${i}]`;
    if (!POLICY_TYPES.includes(p.type)) errs.push(fe.notSupported(`${at}.type`, p.type ?? '', POLICY_TYPES));
    if (!(p.value > 0)) errs.push(fe.invalid(`${at}.value`, p.value ?? 0, 'must be greater than zero'));
    if (!(p.periodSeconds > 0)) errs.push(fe.invalid(`${at}.periodSeconds`, p.periodSeconds ?? 0, 'must be greater than zero'));
    if (p.periodSeconds > MAX_PERIOD_SECONDS) errs.push(fe.invalid(`${at}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: Any): FieldError[] {
  const spec: Any = isObject(hpa.spec) ? hpa.spec : {};
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min !== undefined && min < 1) errs.push(fe.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fe.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(fe.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...reference(spec.scaleTargetRef, 'spec.scaleTargetRef'));
  (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((m: Any, i: number) => errs.push(...metricSpec(m ?? {}, `spec.metrics[${i}]`)));
  if (isObject(spec.behavior)) {
    errs.push(...scalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'), ...scalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}
