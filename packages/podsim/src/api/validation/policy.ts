/** PodDisruptionBudget validation (k8s `pkg/apis/policy/validation/validation.go` ValidatePodDisruptionBudgetSpec, 1.32). */
import { isObject, type Any } from '../objects.js';
import { validateIntOrPercent } from './apps.js';
import { fieldError as fe, GoValue, type FieldError } from './field.js';
import { validateLabels } from './meta.js';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** Go's `%#v` of the internal spec: its pointers print as addresses, which differ per request in the real server. */
function goSpec(spec: Any): GoValue {
  const ptr = (type: string, v: unknown, at: string) => (v === undefined ? `(*${type})(nil)` : `(*${type})(${at})`);
  return new GoValue(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable, '0xc000a3c2a0')}, MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable, '0xc000a3c2c0')}, Selector:${ptr('v1.LabelSelector', spec.selector, '0xc000b1e0f0')}, UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy, '0xc000a3c2e0')}}`,
  );
}

export function validatePodDisruptionBudget(pdb: Any): FieldError[] {
  const spec: Any = isObject(pdb.spec) ? pdb.spec : {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) errs.push(fe.invalid('spec', goSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'), ...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  if (isObject(spec.selector)) {
    errs.push(...validateLabels(spec.selector.matchLabels, 'spec.selector.matchLabels'));
    for (const [i, r] of (spec.selector.matchExpressions ?? []).entries()) {
      const values = r?.values ?? [];
      if ((r?.operator === 'In' || r?.operator === 'NotIn') && values.length === 0)
        errs.push(fe.required(`spec.selector.matchExpressions[${i}].values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
      else if ((r?.operator === 'Exists' || r?.operator === 'DoesNotExist') && values.length > 0)
        errs.push(fe.forbidden(`spec.selector.matchExpressions[${i}].values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
      else if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r?.operator))
        errs.push(fe.invalid(`spec.selector.matchExpressions[${i}].operator`, r?.operator, 'not a valid selector operator'));
    }
  }
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !EVICTION_POLICIES.includes(policy)) errs.push(fe.notSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  return errs;
}
