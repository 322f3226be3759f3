/**
 * Deployments and ReplicaSets (k8s printers.go printDeployment / printReplicaSet).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types.js';
import { ageSince } from '../printers/duration.js';
import { formatLabelSelector, selectorString } from '../printers/labels.js';
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
