/** StatefulSets and ControllerRevisions (k8s printers.go printStatefulSet / printControllerRevision). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { ageSince } from '../format/duration.js';
import { columns, type TableHandler } from './types.js';
import { containerCells } from './workloads.js';

export const statefulSetTable: TableHandler = {
  columns: columns('Name', 'Ready', 'Age', 'Containers*', 'Images*'),
  row(obj, ctx) {
    const set = obj as unknown as StatefulSet;
    return [obj.metadata.name ?? '', `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`, ageSince(obj.metadata.creationTimestamp, ctx.now), ...containerCells(set.spec?.template?.spec?.containers)];
  },
};

/** CONTROLLER is the owner as `kind.group/name` in lower case (`statefulset.apps/web`). */
export const controllerRevisionTable: TableHandler = {
  columns: columns('Name', 'Controller', 'Revision', 'Age'),
  row(obj, ctx) {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    const group = ref?.apiVersion?.includes('/') ? ref.apiVersion.split('/')[0] : '';
    const controller = ref ? `${ref.kind}${group ? `.${group}` : ''}`.toLowerCase() + `/${ref.name}` : '<none>';
    return [obj.metadata.name ?? '', controller, String((obj as { revision?: number }).revision ?? 0), ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};
