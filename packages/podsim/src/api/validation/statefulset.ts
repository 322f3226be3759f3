/** StatefulSet validation (k8s pkg/apis/apps/validation ValidateStatefulSetSpec / ValidateStatefulSetUpdate). */
import { isObject, jsonEqual, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from './field.js';
import { nonNegative, validateTemplateAndSelector } from './apps.js';
import { validatePersistentVolumeClaim } from './storage.js';

/** The template as the pods will have it: each claim template is a volume its containers may mount. */
function withClaimVolumes(spec: Any): Any {
  const claims = (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []).filter(isObject);
  if (!claims.length || !isObject(spec.template) || !isObject(spec.template.spec)) return spec;
  const volumes = claims.map((t: Any) => ({ name: t.metadata?.name, persistentVolumeClaim: { claimName: t.metadata?.name } }));
  return { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, volumes: [...(spec.template.spec.volumes ?? []), ...volumes] } } };
}

export function validateStatefulSet(set: Any): FieldError[] {
  const spec: Any = isObject(set.spec) ? set.spec : {};
  const errs = validateTemplateAndSelector(withClaimVolumes(spec), 'StatefulSet');
  const policies = ['OrderedReady', 'Parallel'];
  if (!policies.includes(spec.podManagementPolicy)) errs.push(fe.notSupported('spec.podManagementPolicy', spec.podManagementPolicy ?? '', policies));
  const strategy: Any = spec.updateStrategy ?? {};
  const types = ['OnDelete', 'RollingUpdate'];
  if (!types.includes(strategy.type)) errs.push(fe.notSupported('spec.updateStrategy.type', strategy.type ?? '', types));
  else if (strategy.type === 'OnDelete' && strategy.rollingUpdate)
    errs.push(fe.invalid('spec.updateStrategy.rollingUpdate', strategy.rollingUpdate, `only allowed for updateStrategy 'RollingUpdate'`));
  else errs.push(...nonNegative(strategy.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'));
  errs.push(...nonNegative(spec.ordinals?.start, 'spec.ordinals.start'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  (spec.volumeClaimTemplates ?? []).forEach((t: Any, i: number) => {
    for (const e of validatePersistentVolumeClaim(isObject(t) ? t : {})) errs.push({ ...e, field: `spec.volumeClaimTemplates[${i}].${e.field}` });
  });
  return errs;
}

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSetUpdate(set: Any, old: Any): FieldError[] {
  const rest = (s: Any | undefined) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !MUTABLE.includes(k)));
  if (jsonEqual(rest(set.spec), rest(old.spec))) return [];
  return [fe.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}
