/** The describers of kinds other than Pod: a chunk of its own in the site's worker (lazy/part.ts). */
import { describeHorizontalPodAutoscaler } from './autoscaling.js';
import { describeCronJob, describeJob } from './batch.js';
import { describeEndpoints, describeEndpointSlice } from './discovery.js';
import { describeIngress, describeIngressClass } from './ingress.js';
import { describeLimitRange } from './limit-range.js';
import { describeNode } from './node.js';
import { describePodDisruptionBudget } from './policy.js';
import { describeQuota } from './quota.js';
import { describeService } from './service.js';
import { describeConfigMap, describeNamespace, describeSecret } from './simple.js';
import { describeStatefulSet } from './statefulset.js';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads.js';

export default {
  describeIngress,
  describeIngressClass,
  describeHorizontalPodAutoscaler,
  describeCronJob,
  describeEndpoints,
  describeEndpointSlice,
  describeJob,
  describeNode,
  describeService,
  describeConfigMap,
  describeNamespace,
  describePodDisruptionBudget,
  describeQuota,
  describeLimitRange,
  describeSecret,
  describeStatefulSet,
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeStorageClass,
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
};
