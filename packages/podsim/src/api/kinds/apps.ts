/** Deployments, ReplicaSets and DaemonSets (k8s `pkg/registry/apps/*`, defaults from `pkg/apis/apps/v1/defaults.go`). */
import { defaultPodSpec } from '../defaults/pod.js';
import { isObject } from '../objects.js';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateSelectorUpdate } from '../validation/apps.js';
import { podSpecWarnings } from '../validation/warnings.js';
import type { KindStrategy, Obj } from './strategy.js';

const templateWarnings = (o: Obj) => podSpecWarnings(o.spec?.template?.spec, 'spec.template.spec');

function defaultTemplate(o: Obj): void {
  if (isObject(o.spec) && isObject(o.spec.template)) {
    o.spec.template.metadata ??= {};
    defaultPodSpec(o.spec.template.spec ?? (o.spec.template.spec = {}));
  }
}

const appsBase = { topLevel: ['spec', 'status'], statusSubresource: true, generation: true, nameRule: 'subdomain', warnings: templateWarnings } as const;

export const deploymentStrategy: KindStrategy = {
  ...appsBase,
  defaults(d) {
    const spec = isObject(d.spec) ? d.spec : (d.spec = {});
    if (spec.replicas === undefined) spec.replicas = 1;
    const strategy = isObject(spec.strategy) ? spec.strategy : (spec.strategy = {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const ru = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
      if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
      if (ru.maxSurge === undefined) ru.maxSurge = '25%';
    }
    if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
    if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
    defaultTemplate(d);
  },
  prepareForCreate(d) {
    d.status = {};
  },
  validate: validateDeployment,
  validateUpdate: (d, old) => validateSelectorUpdate(d.spec, old.spec),
};

export const replicaSetStrategy: KindStrategy = {
  ...appsBase,
  defaults(rs) {
    const spec = isObject(rs.spec) ? rs.spec : (rs.spec = {});
    if (spec.replicas === undefined) spec.replicas = 1;
    defaultTemplate(rs);
  },
  prepareForCreate(rs) {
    rs.status = { replicas: 0 };
  },
  validate: validateReplicaSet,
  validateUpdate: (rs, old) => validateSelectorUpdate(rs.spec, old.spec),
};

export const daemonSetStrategy: KindStrategy = {
  ...appsBase,
  defaults(ds) {
    const spec = isObject(ds.spec) ? ds.spec : (ds.spec = {});
    const strategy = isObject(spec.updateStrategy) ? spec.updateStrategy : (spec.updateStrategy = {});
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const ru = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {});
      if (ru.maxUnavailable === undefined) ru.maxUnavailable = 1;
      if (ru.maxSurge === undefined) ru.maxSurge = 0;
    }
    if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
    defaultTemplate(ds);
  },
  prepareForCreate(ds) {
    // The counters are not omitempty in apps/v1 DaemonSetStatus.
    ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  validate: validateDaemonSet,
  validateUpdate: (ds, old) => validateSelectorUpdate(ds.spec, old.spec),
};
