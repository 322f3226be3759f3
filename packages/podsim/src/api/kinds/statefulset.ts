/**
 * apps/v1 StatefulSet and ControllerRevision (k8s pkg/registry/apps/statefulset, controllerrevision;
 * defaults from pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet).
 */
import { defaultPodSpec } from '../defaults/pod.js';
import { isObject, type Any } from '../objects.js';
import { validateStatefulSet, validateStatefulSetUpdate } from '../validation/statefulset.js';
import { podSpecWarnings } from '../validation/warnings.js';
import type { KindStrategy } from './strategy.js';

export const statefulSetStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: true,
  nameRule: 'subdomain',
  warnings: (o) => podSpecWarnings(o.spec?.template?.spec, 'spec.template.spec'),
  defaults(set) {
    const spec: Any = isObject(set.spec) ? set.spec : (set.spec = {});
    spec.replicas ??= 1;
    spec.podManagementPolicy ||= 'OrderedReady';
    const strategy: Any = isObject(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      strategy.rollingUpdate ??= {};
    }
    if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) strategy.rollingUpdate.partition ??= 0;
    spec.revisionHistoryLimit ??= 10;
    const retention: Any = isObject(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : (spec.persistentVolumeClaimRetentionPolicy = {});
    retention.whenDeleted ||= 'Retain';
    retention.whenScaled ||= 'Retain';
    if (isObject(spec.template)) {
      spec.template.metadata ??= {};
      defaultPodSpec(spec.template.spec ?? (spec.template.spec = {}));
    }
    for (const t of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
      if (!isObject(t)) continue;
      t.apiVersion ??= 'v1';
      t.kind ??= 'PersistentVolumeClaim';
      const claimSpec: Any = isObject(t.spec) ? t.spec : (t.spec = {});
      claimSpec.volumeMode ??= 'Filesystem';
      t.status ??= { phase: 'Pending' };
    }
  },
  prepareForCreate(set) {
    // replicas and availableReplicas are not omitempty in apps/v1 StatefulSetStatus.
    set.status = { replicas: 0, availableReplicas: 0 };
  },
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
};

/** Revisions are written by controllers and never change but for their number. */
export const controllerRevisionStrategy: KindStrategy = {
  topLevel: ['data', 'revision'],
  statusSubresource: false,
  generation: false,
  nameRule: 'subdomain',
};
