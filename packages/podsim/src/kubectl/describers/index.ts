/**
 * `kubectl describe`: fetches the object and what kubectl fetches alongside it (events about it,
 * the ReplicaSets of a Deployment, the pods of a ReplicaSet or Node) through the ApiClient, then
 * renders it with the describer for its kind.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Event, LimitRange, Namespace, Node, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { ApiClient, ApiResult, KubeObject } from '../../api/types.js';
import { serviceSlices } from './endpoint-slices.js';
import { describeGeneric } from './generic.js';
import kinds from './kinds.lazy.js';
import { LazyPart } from '../../lazy/part.js';
import { describePod } from './pod.js';

/** Describers of kinds other than Pod, loaded after the prompt in the site's worker (kubectl waits for them). */
const KINDS = new LazyPart('describers', kinds);

export interface DescribeContext {
  now: number;
  /** `--show-events=false` turns the Events section off. */
  showEvents?: boolean;
}

/** Used when the API's discovery list does not know the resource. */
const CLUSTER_SCOPED = new Set(['nodes', 'namespaces', 'persistentvolumes', 'storageclasses', 'ingressclasses']);

function list<T>(api: ApiClient, resource: string, namespace: string | undefined, opts: { labelSelector?: string; fieldSelector?: string } = {}): T[] {
  const r = api.list(resource, namespace, opts);
  return r.ok ? (r.value.items as unknown as T[]) : [];
}

/**
 * Events about `obj` (describe.go searchEvents): same name, namespace and uid; for kinds other than
 * Pod also the same kind. Node events may carry the node name as uid (the kubelet does that).
 */
function eventsFor(api: ApiClient, obj: KubeObject): Event[] {
  const name = obj.metadata.name ?? '';
  const namespace = obj.metadata.namespace || undefined;
  const uids = new Set([obj.metadata.uid, obj.kind === 'Node' ? name : undefined].filter((u): u is string => !!u));
  return list<Event>(api, 'events', namespace, { fieldSelector: `involvedObject.name=${name}` }).filter((e) => {
    const io = e.involvedObject ?? {};
    if ((io.namespace ?? '') !== (obj.metadata.namespace ?? '')) return false;
    if (obj.kind !== 'Pod' && io.kind && io.kind !== obj.kind) return false;
    return !io.uid || uids.has(io.uid);
  });
}

/** Canonical JSON (sorted keys) of a pod template without the pod-template-hash label. */
function templateKey(t: unknown): string {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(copy));
}

/** The ReplicaSets a Deployment owns, split into old ones and the one matching its template (deploymentutil). */
function replicaSetsOf(api: ApiClient, d: Deployment): { old: ReplicaSet[]; current: ReplicaSet | undefined } {
  const owned = list<ReplicaSet>(api, 'replicasets', d.metadata?.namespace)
    .filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === d.metadata?.uid))
    .sort((a, b) => Date.parse(a.metadata?.creationTimestamp ?? '') - Date.parse(b.metadata?.creationTimestamp ?? ''));
  const key = templateKey(d.spec?.template);
  const current = owned.find((rs) => templateKey(rs.spec?.template) === key);
  return { old: owned.filter((rs) => rs !== current), current };
}

/** Renders an object already fetched; related objects are still read through `api`. */
export function describeObject(api: ApiClient, resource: string, obj: KubeObject, ctx: DescribeContext): string {
  const events = ctx.showEvents === false ? undefined : eventsFor(api, obj);
  const ns = obj.metadata.namespace;
  const plural = resource.split('.')[0].toLowerCase();
  const own = KINDS.get().BY_RESOURCE[plural];
  if (own) return own(obj, events, ctx.now);
  switch (plural) {
    case 'pods':
      return describePod(obj as unknown as Pod, events, ctx.now);
    case 'deployments': {
      const { old, current } = replicaSetsOf(api, obj as unknown as Deployment);
      return KINDS.get().describeDeployment(obj as unknown as Deployment, old, current, events, ctx.now);
    }
    case 'daemonsets':
      return KINDS.get().describeDaemonSet(obj as unknown as DaemonSet, list<Pod>(api, 'pods', ns), events, ctx.now);
    case 'statefulsets':
      return KINDS.get().describeStatefulSet(obj as unknown as StatefulSet, list<Pod>(api, 'pods', ns), events, ctx.now);
    case 'replicasets':
      return KINDS.get().describeReplicaSet(obj as unknown as ReplicaSet, list<Pod>(api, 'pods', ns), events, ctx.now);
    case 'nodes': {
      const pods = list<Pod>(api, 'pods', undefined, { fieldSelector: `spec.nodeName=${obj.metadata.name ?? ''}` }).filter(
        (p) => p.spec?.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
      );
      return KINDS.get().describeNode(obj as unknown as Node, pods, events, ctx.now);
    }
    case 'services': {
      return KINDS.get().describeService(obj as unknown as Service, serviceSlices(api, ns, obj.metadata.name ?? ''), events, ctx.now);
    }
    case 'ingresses':
      return KINDS.get().describeIngress(api, obj as unknown as Ingress, events, ctx.now);
    case 'namespaces':
      return KINDS.get().describeNamespace(obj as unknown as Namespace, list<ResourceQuota>(api, 'resourcequotas', obj.metadata.name), list<LimitRange>(api, 'limitranges', obj.metadata.name));
    case 'resourcequotas':
      return KINDS.get().describeQuota(obj as unknown as ResourceQuota);
    case 'secrets':
      return KINDS.get().describeSecret(obj as unknown as Secret);
    case 'persistentvolumeclaims': {
      const users = list<Pod>(api, 'pods', ns).filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === obj.metadata.name));
      return KINDS.get().describePersistentVolumeClaim(obj as unknown as PersistentVolumeClaim, users, events, ctx.now);
    }
    default:
      return describeGeneric(obj, events, ctx.now);
  }
}

/** `kubectl describe <resource> <name>`: the text, or the API's Status when the object cannot be read. */
export function describe(api: ApiClient, resource: string, namespace: string, name: string, ctx: DescribeContext): ApiResult<string> {
  const plural = resource.split('.')[0].toLowerCase();
  const info = api.resources().find((r) => r.resource === plural);
  const namespaced = info ? info.namespaced : !CLUSTER_SCOPED.has(plural);
  const got = api.get<KubeObject>(resource, namespaced ? namespace : undefined, name);
  if (!got.ok) return got;
  return { ok: true, value: describeObject(api, resource, got.value, ctx) };
}
