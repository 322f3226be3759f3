/**
 * The resources this API server serves, as discovery reports them (`kubectl api-resources -o wide`).
 * Everything in the simulator addresses objects by the plural `resource` name.
 */
import type { ResourceInfo } from './types.js';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function core(resource: string, singular: string, kind: string, shortNames: string[], namespaced = true, verbs = ALL_VERBS): ResourceInfo {
  return { resource, singular, kind, group: '', version: 'v1', namespaced, shortNames, verbs };
}

function grouped(group: string) {
  return (resource: string, singular: string, kind: string, shortNames: string[], namespaced = true): ResourceInfo => ({ resource, singular, kind, group, version: 'v1', namespaced, shortNames, verbs: ALL_VERBS });
}
const apps = grouped('apps');
const autoscaling = (resource: string, singular: string, kind: string, shortNames: string[]): ResourceInfo => ({ ...grouped('autoscaling')(resource, singular, kind, shortNames), version: 'v2', otherVersions: ['v1'] });
const batch = grouped('batch');
const apiregistration = grouped('apiregistration.k8s.io');
const networking = grouped('networking.k8s.io');
const storage = grouped('storage.k8s.io');
const discovery = grouped('discovery.k8s.io');
const rbac = grouped('rbac.authorization.k8s.io');
const policy = grouped('policy');

/** In `kubectl api-resources` order: core group first, then the groups in discovery order, each sorted by resource. */
export const RESOURCES: ResourceInfo[] = [
  core('configmaps', 'configmap', 'ConfigMap', ['cm']),
  core('endpoints', 'endpoints', 'Endpoints', ['ep']),
  core('events', 'event', 'Event', ['ev']),
  core('limitranges', 'limitrange', 'LimitRange', ['limits']),
  core('namespaces', 'namespace', 'Namespace', ['ns'], false, NO_COLLECTION_DELETE),
  core('nodes', 'node', 'Node', ['no'], false),
  core('persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', ['pvc']),
  core('persistentvolumes', 'persistentvolume', 'PersistentVolume', ['pv'], false),
  core('pods', 'pod', 'Pod', ['po']),
  core('resourcequotas', 'resourcequota', 'ResourceQuota', ['quota']),
  core('secrets', 'secret', 'Secret', []),
  core('serviceaccounts', 'serviceaccount', 'ServiceAccount', ['sa']),
  core('services', 'service', 'Service', ['svc']),
  apiregistration('apiservices', 'apiservice', 'APIService', [], false),
  apps('controllerrevisions', 'controllerrevision', 'ControllerRevision', []),
  apps('daemonsets', 'daemonset', 'DaemonSet', ['ds']),
  apps('deployments', 'deployment', 'Deployment', ['deploy']),
  apps('replicasets', 'replicaset', 'ReplicaSet', ['rs']),
  apps('statefulsets', 'statefulset', 'StatefulSet', ['sts']),
  autoscaling('horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', ['hpa']),
  batch('cronjobs', 'cronjob', 'CronJob', ['cj']),
  batch('jobs', 'job', 'Job', []),
  networking('ingressclasses', 'ingressclass', 'IngressClass', [], false),
  networking('ingresses', 'ingress', 'Ingress', ['ing']),
  policy('poddisruptionbudgets', 'poddisruptionbudget', 'PodDisruptionBudget', ['pdb']),
  rbac('clusterrolebindings', 'clusterrolebinding', 'ClusterRoleBinding', [], false),
  rbac('clusterroles', 'clusterrole', 'ClusterRole', [], false),
  rbac('rolebindings', 'rolebinding', 'RoleBinding', []),
  rbac('roles', 'role', 'Role', []),
  storage('storageclasses', 'storageclass', 'StorageClass', ['sc'], false),
  discovery('endpointslices', 'endpointslice', 'EndpointSlice', []),
];

const BY_NAME = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  const names = [r.resource, r.singular, r.kind, ...r.shortNames];
  for (const n of names) {
    BY_NAME.set(n.toLowerCase(), r);
    // kubectl also accepts group-qualified names: `deployments.apps`, `pods.` is not valid but `deployment.apps` is.
    if (r.group) BY_NAME.set(`${n}.${r.group}`.toLowerCase(), r);
    for (const v of [r.version, ...(r.otherVersions ?? [])]) BY_NAME.set(`${n}.${v}.${r.group}`.toLowerCase().replace(/\.$/, ''), r);
  }
}

/** Looks a resource up the way kubectl's RESTMapper does: plural, singular, short name or Kind, optionally `.group`, case-insensitive. */
export function findResource(name: string): ResourceInfo | undefined {
  if (typeof name !== 'string') return undefined;
  return BY_NAME.get(name.toLowerCase());
}

/** The API group/version string of a resource: `v1` or `apps/v1`. */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Finds the resource for a manifest's apiVersion + kind (kubectl's REST mapping step). */
export function findResourceByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind && servedVersions(r).includes(apiVersion));
}

/** Every group/version string a resource is served at, the preferred (storage) one first. */
export function servedVersions(r: ResourceInfo): string[] {
  return [r.version, ...(r.otherVersions ?? [])].map((v) => (r.group ? `${r.group}/${v}` : v));
}

/** Resources in the `all` category (`kubectl get all`), as discovery lists them. */
export const ALL_CATEGORY = new Set(['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'jobs', 'cronjobs']);

/** kubectl's mapping error for an unknown apiVersion/kind: `no matches for kind "Podd" in version "v1"`. */
export function noKindMatchMessage(apiVersion: string, kind: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}"`;
}
