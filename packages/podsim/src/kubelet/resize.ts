/**
 * In-place resize of a running pod's containers (InPlacePodVerticalScaling, 1.32): the kubelet compares each
 * running container's spec resources with what it allocated; a new allocation that the node can hold is
 * taken and applied to the container's cgroup without a restart (kubelet.go handlePodResourcesResize,
 * kuberuntime doPodResizeAction → UpdateContainerResources), one it never can is Infeasible.
 * Only NotRequired resize policies are carried out: RestartContainer is not modelled.
 */
import type { Container, Pod } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';
import { jsonEqual } from '../api/objects.js';
import type { RuntimeContainer } from '../runtime/types.js';
import type { ContainerRecord } from './runtime-view.js';
import { cgroupLimits } from './container-ops.js';

/** The pod's status.resize once its containers' resizes were handled ('' when done). */
export type ResizeStatus = '' | 'Infeasible';

type Limits = Record<string, unknown> | undefined;

function requestsOf(containers: readonly Container[], r: string): number {
  return containers.reduce((sum, c) => sum + (parseQuantity((c.resources?.requests as Limits)?.[r]) ?? 0), 0);
}

/**
 * Applies the spec's resources to every running container whose allocation differs. `allocatable` is the
 * node's: a pod whose new requests exceed it can never be resized (Infeasible) and keeps its allocation.
 */
export function resizeRunning(
  pod: Pod,
  records: ReadonlyMap<string, ContainerRecord>,
  runtimes: ReadonlyMap<string, RuntimeContainer>,
  allocatable: { cpu: number; memory: number },
): ResizeStatus {
  const containers = pod.spec?.containers ?? [];
  const changed = containers.filter((c) => {
    const cur = records.get(c.name)?.current;
    return cur && !cur.exit && cur.allocated !== undefined && !jsonEqual(cur.allocated, c.resources ?? {});
  });
  if (changed.length === 0) return '';
  if (requestsOf(containers, 'cpu') > allocatable.cpu || requestsOf(containers, 'memory') > allocatable.memory) return 'Infeasible';
  for (const c of changed) {
    const cur = records.get(c.name)!.current!;
    runtimes.get(cur.id)?.updateResources?.(cgroupLimits(pod, c.resources));
    cur.allocated = structuredClone(c.resources ?? {});
  }
  return '';
}
