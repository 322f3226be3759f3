/** The describers of kinds other than Pod: a chunk of its own in the site's worker (lazy/part.ts). */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, Endpoints, Event, LimitRange, PersistentVolume } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/types.js';
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

type Describer = (obj: KubeObject, events: Event[] | undefined, now: number) => string;

/** The kinds described from the object and its events alone, by plural resource. */
const BY_RESOURCE: Record<string, Describer> = {
  endpoints: (o, e, n) => describeEndpoints(o as unknown as Endpoints, e, n),
  endpointslices: (o, e, n) => describeEndpointSlice(o as unknown as EndpointSlice, e, n),
  ingressclasses: (o, e, n) => describeIngressClass(o as unknown as IngressClass, e, n),
  jobs: (o, e, n) => describeJob(o as unknown as Job, e, n),
  cronjobs: (o, e, n) => describeCronJob(o as unknown as CronJob, e, n),
  horizontalpodautoscalers: describeHorizontalPodAutoscaler,
  poddisruptionbudgets: describePodDisruptionBudget,
  configmaps: (o, e, n) => describeConfigMap(o as unknown as ConfigMap, e, n),
  limitranges: (o) => describeLimitRange(o as unknown as LimitRange),
  persistentvolumes: (o, e, n) => describePersistentVolume(o as unknown as PersistentVolume, e, n),
  storageclasses: (o, e, n) => describeStorageClass(o as unknown as StorageClass & KubeObject, e, n),
};

export default {
  BY_RESOURCE,
  describeIngress,
  describeNode,
  describeService,
  describeNamespace,
  describeQuota,
  describeSecret,
  describeStatefulSet,
  describePersistentVolumeClaim,
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
};
