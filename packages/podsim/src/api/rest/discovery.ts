/**
 * /version and API discovery, both the aggregated v2 documents kubectl 1.32 asks for first
 * (`Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`) and the legacy
 * /api, /apis, /api/v1, /apis/apps/v1 lists it falls back to. Built from RESOURCES.
 */
import { ALL_CATEGORY, RESOURCES } from '../resources.js';
import type { ResourceInfo } from '../types.js';
import type { AggregatedGroup } from '../aggregator.js';
import type { Reply } from './reply.js';
import { VERSION_INFO } from '../../version.js';


const SUBRESOURCES: Record<string, { name: string; kind: string; group?: string; verbs: string[] }[]> = {
  pods: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'ephemeralcontainers', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
    { name: 'eviction', kind: 'Eviction', group: 'policy', verbs: ['create'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  ],
  daemonsets: [{ name: 'status', kind: 'DaemonSet', verbs: ['get', 'patch', 'update'] }],
  deployments: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update'] },
    { name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
  ],
  replicasets: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update'] },
    { name: 'status', kind: 'ReplicaSet', verbs: ['get', 'patch', 'update'] },
  ],
  statefulsets: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', verbs: ['get', 'patch', 'update'] },
    { name: 'status', kind: 'StatefulSet', verbs: ['get', 'patch', 'update'] },
  ],
  jobs: [{ name: 'status', kind: 'Job', verbs: ['get', 'patch', 'update'] }],
  horizontalpodautoscalers: [{ name: 'status', kind: 'HorizontalPodAutoscaler', verbs: ['get', 'patch', 'update'] }],
  poddisruptionbudgets: [{ name: 'status', kind: 'PodDisruptionBudget', verbs: ['get', 'patch', 'update'] }],
  ingresses: [{ name: 'status', kind: 'Ingress', verbs: ['get', 'patch', 'update'] }],
  apiservices: [{ name: 'status', kind: 'APIService', verbs: ['get', 'patch', 'update'] }],
  cronjobs: [{ name: 'status', kind: 'CronJob', verbs: ['get', 'patch', 'update'] }],
  nodes: [{ name: 'status', kind: 'Node', verbs: ['get', 'patch', 'update'] }],
  namespaces: [{ name: 'status', kind: 'Namespace', verbs: ['get', 'patch', 'update'] }],
  services: [{ name: 'status', kind: 'Service', verbs: ['get', 'patch', 'update'] }],
  persistentvolumeclaims: [{ name: 'status', kind: 'PersistentVolumeClaim', verbs: ['get', 'patch', 'update'] }],
  persistentvolumes: [{ name: 'status', kind: 'PersistentVolume', verbs: ['get', 'patch', 'update'] }],
  resourcequotas: [{ name: 'status', kind: 'ResourceQuota', verbs: ['get', 'patch', 'update'] }],
};

const GROUPS = [...new Set(RESOURCES.map((r) => r.group))];

function inGroup(group: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.group === group);
}

/** A group's versions, preferred first (autoscaling: v2, then v1). */
function versionsOf(group: string): string[] {
  return [...new Set(inGroup(group).flatMap((r) => [r.version, ...(r.otherVersions ?? [])]))];
}

/** The group's resources as served at `version`. */
function atVersion(group: string, version: string): ResourceInfo[] {
  return inGroup(group)
    .filter((r) => r.version === version || r.otherVersions?.includes(version))
    .map((r) => (r.version === version ? r : { ...r, version }));
}

function legacyResource(r: ResourceInfo): Record<string, unknown>[] {
  const main: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
  if (r.shortNames.length) main.shortNames = r.shortNames;
  if (ALL_CATEGORY.has(r.resource)) main.categories = ['all'];
  main.storageVersionHash = '';
  const subs = (SUBRESOURCES[r.resource] ?? []).map((s) => {
    const d: Record<string, unknown> = { name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced };
    if (s.group) Object.assign(d, { group: s.group, version: 'v1' });
    return Object.assign(d, { kind: s.kind, verbs: s.verbs });
  });
  return [main, ...subs];
}

/** `/api/v1` or `/apis/apps/v1`: an APIResourceList. */
export function resourceList(group: string, version = 'v1'): Record<string, unknown> {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: atVersion(group, version).flatMap(legacyResource),
  };
}

function aggregatedResource(r: ResourceInfo): Record<string, unknown> {
  const d: Record<string, unknown> = {
    resource: r.resource,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
  };
  if (r.shortNames.length) d.shortNames = r.shortNames;
  if (ALL_CATEGORY.has(r.resource)) d.categories = ['all'];
  const subs = SUBRESOURCES[r.resource];
  if (subs)
    d.subresources = subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group ?? r.group, version: s.group ? 'v1' : r.version, kind: s.kind }, verbs: s.verbs }));
  return d;
}

/** One group and every version it is served at, preferred first. */
interface ServedGroup {
  group: string;
  versions: AggregatedGroup[];
}

function aggregatedGroup(g: ServedGroup): Record<string, unknown> {
  const metadata: Record<string, unknown> = { creationTimestamp: null };
  if (g.group) metadata.name = g.group;
  return { metadata, versions: g.versions.map((v) => ({ version: v.version, resources: v.resources.map(aggregatedResource), freshness: 'Current' })) };
}

function servedGroup(group: string): ServedGroup {
  return { group, versions: versionsOf(group).map((version) => ({ group, version, resources: atVersion(group, version) })) };
}

/** The built-in groups, then those that APIServices add, as /apis lists them. */
function allGroups(extra: AggregatedGroup[]): ServedGroup[] {
  return [...GROUPS.filter(Boolean).map(servedGroup), ...extra.map((g) => ({ group: g.group, versions: [g] }))];
}

function apiGroup(g: ServedGroup): Record<string, unknown> {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.group}/${v.version}`, version: v.version }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

export const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

function wantsAggregated(accept: string): boolean {
  const first = accept.split(',')[0] ?? '';
  return first.includes('as=APIGroupDiscoveryList') && first.includes('v=v2') && !first.includes('v=v2beta1');
}

function aggregated(groups: ServedGroup[]): Record<string, unknown> {
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: groups.map(aggregatedGroup) };
}

/** Answers the discovery paths; undefined for anything else. */
export function discovery(path: string, accept: string, serverAddress: string, extra: AggregatedGroup[] = []): Reply | undefined {
  const agg = wantsAggregated(accept);
  switch (path) {
    case '/version':
      return { code: 200, body: VERSION_INFO };
    case '/api':
      if (agg) return { code: 200, body: aggregated([servedGroup('')]), contentType: AGGREGATED_TYPE };
      return { code: 200, body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] } };
    case '/apis':
      if (agg) return { code: 200, body: aggregated(allGroups(extra)), contentType: AGGREGATED_TYPE };
      return { code: 200, body: { kind: 'APIGroupList', apiVersion: 'v1', groups: allGroups(extra).map(apiGroup) } };
    case '/api/v1':
      return { code: 200, body: resourceList('') };
    default: {
      const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
      if (m && m[1] && GROUPS.includes(m[1]) && versionsOf(m[1]).includes(m[2])) return { code: 200, body: resourceList(m[1], m[2]) };
      const g = /^\/apis\/([^/]+)$/.exec(path);
      const known = g && allGroups(extra).find((x) => x.group === g[1]);
      if (known) return { code: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(known) } };
      return undefined;
    }
  }
}
