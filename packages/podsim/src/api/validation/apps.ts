/** Deployment and ReplicaSet validation (k8s `pkg/apis/apps/validation/validation.go`). */
import { isObject, jsonEqual, type Any } from '../objects.js';
import { selectorMatches } from '../selectors.js';
import { fieldError as fe, GoValue, type FieldError } from './field.js';
import { validateLabels } from './meta.js';
import { validatePodSpec } from './pod.js';

/** Go's `%#v` of a map[string]string: keys sorted. */
export function goStringMap(m: Record<string, string> | undefined): GoValue {
  if (!m) return new GoValue('map[string]string(nil)');
  const body = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`)
    .join(', ');
  return new GoValue(`map[string]string{${body}}`);
}

export function goSelector(sel: Any | undefined): GoValue {
  const exprs = sel?.matchExpressions?.length ? `[]v1.LabelSelectorRequirement{...}` : '[]v1.LabelSelectorRequirement(nil)';
  return new GoValue(`&v1.LabelSelector{MatchLabels:${goStringMap(sel?.matchLabels).text}, MatchExpressions:${exprs}}`);
}

export function nonNegative(v: unknown, field: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fe.invalid(field, v, 'must be greater than or equal to 0')] : [];
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent. */
export function validateIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'number') return nonNegative(v, field);
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) return [fe.invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    if (Number(v.slice(0, -1)) > 100) return [fe.invalid(field, v, 'must not be greater than 100%')];
  }
  return [];
}

/** maxUnavailable / maxSurge of a Deployment's or DaemonSet's rolling update. */
function validateRollingUpdate(ru: Any, path: string): FieldError[] {
  const errs = [...validateIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`), ...validateIntOrPercent(ru.maxSurge, `${path}.maxSurge`)];
  const zero = (v: unknown) => v === 0 || v === '0%';
  if (zero(ru.maxUnavailable) && zero(ru.maxSurge)) errs.push(fe.invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  return errs;
}

/** Shared by Deployment and ReplicaSet: selector, template labels, template spec. */
export function validateTemplateAndSelector(spec: Any, kind: 'Deployment' | 'ReplicaSet' | 'DaemonSet' | 'StatefulSet'): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  const sel = spec.selector;
  if (!isObject(sel)) errs.push(fe.required('spec.selector', ''));
  else {
    errs.push(...validateLabels(sel.matchLabels, 'spec.selector.matchLabels'));
    if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)
      errs.push(fe.invalid('spec.selector', goSelector(sel), `empty selector is invalid for ${kind.toLowerCase()}`));
  }
  const tmpl = spec.template;
  if (!isObject(tmpl)) {
    errs.push(fe.required('spec.template', ''));
    return errs;
  }
  const labels = tmpl.metadata?.labels;
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (isObject(sel) && !selectorMatches(sel, labels)) errs.push(fe.invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  errs.push(...validatePodSpec(tmpl.spec, 'spec.template.spec'));
  const rp = tmpl.spec?.restartPolicy;
  if (rp && rp !== 'Always' && ['OnFailure', 'Never'].includes(rp)) errs.push(fe.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (tmpl.spec?.activeDeadlineSeconds !== undefined) errs.push(fe.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  return errs;
}

export function validateDeployment(d: Any): FieldError[] {
  const spec: Any = isObject(d.spec) ? d.spec : {};
  const errs = validateTemplateAndSelector(spec, 'Deployment');
  const strategy: Any = spec.strategy ?? {};
  if (strategy.type !== 'Recreate' && strategy.type !== 'RollingUpdate') errs.push(fe.notSupported('spec.strategy.type', strategy.type ?? '', ['Recreate', 'RollingUpdate']));
  else if (strategy.type === 'Recreate' && strategy.rollingUpdate) errs.push(fe.forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\''));
  else if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) {
    errs.push(...validateRollingUpdate(strategy.rollingUpdate, 'spec.strategy.rollingUpdate'));
  }
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) errs.push(fe.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateDaemonSet(ds: Any): FieldError[] {
  const spec: Any = isObject(ds.spec) ? ds.spec : {};
  const errs = validateTemplateAndSelector(spec, 'DaemonSet');
  const strategy: Any = spec.updateStrategy ?? {};
  if (strategy.type !== 'OnDelete' && strategy.type !== 'RollingUpdate') errs.push(fe.notSupported('spec.updateStrategy.type', strategy.type ?? '', ['OnDelete', 'RollingUpdate']));
  else if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) {
    errs.push(...validateRollingUpdate(strategy.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
  }
  return errs;
}

export function validateReplicaSet(rs: Any): FieldError[] {
  return validateTemplateAndSelector(isObject(rs.spec) ? rs.spec : {}, 'ReplicaSet');
}

/** apps/v1 selectors are immutable. */
export function validateSelectorUpdate(spec: Any, old: Any): FieldError[] {
  if (jsonEqual(spec?.selector, old?.selector)) return [];
  return [fe.invalid('spec.selector', goSelector(spec?.selector), 'field is immutable')];
}
