/** The strategy of each served resource. */
import { daemonSetStrategy, deploymentStrategy, replicaSetStrategy } from './apps.js';
import { horizontalPodAutoscalerStrategy } from './autoscaling.js';
import { cronJobStrategy, jobStrategy } from './batch.js';
import {
  configMapStrategy,
  endpointSliceStrategy,
  endpointsStrategy,
  eventStrategy,
  limitRangeStrategy,
  namespaceStrategy,
  nodeStrategy,
  resourceQuotaStrategy,
  secretStrategy,
  serviceAccountStrategy,
} from './core.js';
import { podStrategy } from './pod.js';
import { podDisruptionBudgetStrategy } from './policy.js';
import { apiServiceStrategy } from './apiservice.js';
import { bindingStrategy, clusterRoleStrategy, roleStrategy } from './rbac.js';
import { ingressClassStrategy, ingressStrategy } from './ingress.js';
import { serviceStrategy } from './service.js';
import { controllerRevisionStrategy, statefulSetStrategy } from './statefulset.js';
import { pvStrategy, pvcStrategy, storageClassStrategy } from './storage.js';
import type { KindStrategy } from './strategy.js';

export const STRATEGIES: Record<string, KindStrategy> = {
  configmaps: configMapStrategy,
  endpoints: endpointsStrategy,
  events: eventStrategy,
  limitranges: limitRangeStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  persistentvolumeclaims: pvcStrategy,
  persistentvolumes: pvStrategy,
  storageclasses: storageClassStrategy,
  pods: podStrategy,
  resourcequotas: resourceQuotaStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
  services: serviceStrategy,
  daemonsets: daemonSetStrategy,
  deployments: deploymentStrategy,
  replicasets: replicaSetStrategy,
  statefulsets: statefulSetStrategy,
  ingresses: ingressStrategy,
  ingressclasses: ingressClassStrategy,
  apiservices: apiServiceStrategy,
  controllerrevisions: controllerRevisionStrategy,
  horizontalpodautoscalers: horizontalPodAutoscalerStrategy,
  poddisruptionbudgets: podDisruptionBudgetStrategy,
  cronjobs: cronJobStrategy,
  jobs: jobStrategy,
  endpointslices: endpointSliceStrategy,
  clusterrolebindings: bindingStrategy,
  clusterroles: clusterRoleStrategy,
  rolebindings: bindingStrategy,
  roles: roleStrategy,
};
