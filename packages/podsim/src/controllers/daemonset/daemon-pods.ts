/**
 * What a DaemonSet's pod looks like on one node (k8s pkg/controller/daemon/util/daemonset_util.go):
 * pinned by required node affinity on metadata.name, with the tolerations every daemon pod gets.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { Node, Pod } from '../../api/types.js';
import { matchesNodeSelection, tolerates } from '../scheduler/predicates.js';
import type { Any } from '../../api/objects.js';

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** AddOrUpdateDaemonPodTolerations: daemons keep running on unhealthy or cordoned nodes. */
export function daemonTolerations(spec: Any): Toleration[] {
  const add = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  const own: Toleration[] = spec.tolerations ?? [];
  return [...own, ...add.filter((t) => !own.some((o) => o.key === t.key && o.effect === t.effect))];
}

/** The pod spec for `nodeName`: the template's, its node affinity replaced by one term naming the node. */
export function daemonPodSpec(template: Any, nodeName: string): Any {
  const spec = structuredClone(template.spec ?? {});
  const nodeAffinity = {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] },
  };
  spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { ...(spec.affinity?.nodeAffinity ?? {}), ...nodeAffinity } };
  spec.tolerations = daemonTolerations(spec);
  return spec;
}

/** NodeShouldRunDaemonPod: the template's node selection matches and no NoSchedule/NoExecute taint is untolerated. */
export function shouldRun(template: Any, node: Node): boolean {
  const pod = { spec: { ...(template.spec ?? {}), tolerations: daemonTolerations(template.spec ?? {}) } } as Pod;
  if (!matchesNodeSelection(pod, node)) return false;
  return !(node.spec?.taints ?? []).some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t));
}
