/**
 * Deployments, ReplicaSets and DaemonSets (k8s printers.go printDeployment / printReplicaSet / printDaemonSet).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { formatLabels, formatLabelSelector, selectorString } from '../format/labels.js';
import { columns, type TableContext, type TableHandler } from './types.js';


/** CONTAINERS and IMAGES cells: names and images joined by commas. */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export const deploymentTable: TableHandler = {
  columns: columns('Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const d = obj as unknown as Deployment;
    const st = d.status ?? {};
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};

export const replicaSetTable: TableHandler = {
  columns: columns('Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const rs = obj as unknown as ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      String(rs.spec?.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

export const daemonSetTable: TableHandler = {
  columns: columns('Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const ds = obj as unknown as DaemonSet;
    const st = ds.status;
    const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
    return [
      obj.metadata.name ?? '',
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
