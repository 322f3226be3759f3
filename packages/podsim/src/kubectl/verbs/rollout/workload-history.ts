/**
 * The revisions `kubectl rollout history` and `undo` work from, per kind (kubectl polymorphichelpers
 * history.go and rollback.go): a Deployment's ReplicaSets by their revision annotation, a StatefulSet's or
 * DaemonSet's ControllerRevisions (those its selector matches and it controls). Other kinds get kubectl's
 * texts, which come from its kind visitor.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { ApiClient, KubeObject, ResourceInfo } from '../../../api/types.js';
import { selectorString } from '../../../format/labels.js';
import { revisionsOf } from './deployment-history.js';

export interface WorkloadRevision {
  revision: number;
  template: PodTemplateSpec | undefined;
  changeCause: string | undefined;
  /** What a rollback patches the owner with (a ControllerRevision's data); Deployments copy the template instead. */
  patch?: unknown;
}

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Kinds kubectl's GroupKindElement visitor knows (apps/kind_visitor.go). */
const VISITED: Record<string, string[]> = { DaemonSet: ['apps', 'extensions'], Deployment: ['apps', 'extensions'], ReplicaSet: ['apps', 'extensions'], StatefulSet: ['apps'], Job: ['batch'], CronJob: ['batch'], Pod: ['', 'core'], ReplicationController: ['', 'core'] };

const groupKind = (info: ResourceInfo) => (info.group ? `${info.kind}.${info.group}` : info.kind);

/**
 * Why kubectl has no history viewer (`what` = 'history viewer') or rollbacker for this kind, or undefined
 * when it has one. A kind the visitor does not know fails earlier, in the visitor's own words.
 */
export function unsupported(info: ResourceInfo, what: 'history viewer' | 'rollbacker'): string | undefined {
  if (['deployments', 'statefulsets', 'daemonsets'].includes(info.resource) && info.group === 'apps') return undefined;
  if (!VISITED[info.kind]?.includes(info.group)) {
    const verb = what === 'history viewer' ? 'history' : 'rollbacker';
    return `error retrieving ${verb} for ${JSON.stringify(groupKind(info))}, no visitor method exists for {${info.group} ${info.kind}}`;
  }
  return `no ${what} has been implemented for ${JSON.stringify(groupKind(info))}`;
}

/** A ControllerRevision's data replaces the template: what the owner's template was at that revision. */
function templateOf(data: unknown): PodTemplateSpec | undefined {
  const t = (data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!t) return undefined;
  const template = { ...t };
  delete template.$patch;
  return template as PodTemplateSpec;
}

export function workloadRevisions(api: ApiClient, info: ResourceInfo, owner: KubeObject): WorkloadRevision[] {
  if (info.resource === 'deployments')
    return revisionsOf(api, owner).map((r) => {
      const template = (r.rs.spec as { template?: PodTemplateSpec } | undefined)?.template;
      return { revision: r.revision, template, changeCause: r.rs.metadata.annotations?.[CHANGE_CAUSE] };
    });
  const selector = selectorString((owner.spec as { selector?: LabelSelector } | undefined)?.selector);
  const list = api.list<KubeObject & { revision?: number; data?: unknown }>('controllerrevisions', owner.metadata.namespace, { labelSelector: selector });
  if (!list.ok) return [];
  return list.value.items
    .filter((cr) => (cr.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === owner.metadata.uid))
    .map((cr) => ({ revision: cr.revision ?? 0, template: templateOf(cr.data), changeCause: cr.metadata.annotations?.[CHANGE_CAUSE], patch: cr.data }))
    .sort((a, b) => a.revision - b.revision);
}
