/**
 * `kubectl get nodes` (k8s printers.go printNode): STATUS from the Ready condition only, plus
 * `SchedulingDisabled` when cordoned; ROLES from `node-role.kubernetes.io/<role>` and
 * `kubernetes.io/role` labels.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { columns, type TableContext, type TableHandler } from './types.js';

export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string) => (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export const nodeTable: TableHandler = {
  columns: columns('Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP*', 'External-IP*', 'OS-Image*', 'Kernel-Version*', 'Container-Runtime*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const node = obj as unknown as Node;
    const info = node.status?.nodeInfo;
    return [
      obj.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(obj.metadata.labels).join(',') || '<none>',
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
