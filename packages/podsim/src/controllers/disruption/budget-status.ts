/**
 * One sync of a PodDisruptionBudget (k8s pkg/controller/disruption/disruption.go trySync, 1.32): the pods
 * its selector covers, how many are expected (an integer minAvailable counts the pods; a percentage or
 * maxUnavailable asks each owning controller for its scale, rounding the percentage up), how many are
 * healthy (ready, not being deleted, not just evicted), and the disruptions that leaves.
 */
import { withDisruptionAllowedCondition, type Budget } from '../../api/eviction-budget.js';
import { selectorMatches, type LabelSelector } from '../../api/selectors.js';
import type { KubeObject, Pod } from '../../api/types.js';
import type { EventRecorder } from '../../events/recorder.js';
import { selectorString } from '../../format/labels.js';
import type { ControllerContext } from '../shared/context.js';
import { controllerOf } from '../shared/owners.js';
import { isPodReady } from '../shared/pods.js';

type PodObj = Pod & KubeObject;
type Spec = { minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelector };
type Scaled = KubeObject & { spec?: { replicas?: number } };

/** An evicted pod the controller has not seen deleted stops counting as disrupted after this long (DeletionTimeout). */
const DELETION_TIMEOUT_MS = 2 * 60_000;

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
function scaled(v: number | string, total: number): number {
  return typeof v === 'number' ? v : Math.ceil((Number(v.slice(0, -1)) * total) / 100);
}

/** getExpectedScale: the owning controllers' replicas, each controller once; undefined (with the reason) when a pod's controller has no scale. */
function expectedScale(ctx: ControllerContext, pods: PodObj[], unmanaged: string[]): { count: number } | { error: string } {
  const scales = new Map<string, number>();
  const seen = new Set<string>();
  const get = (resource: string, ns: string | undefined, name: string) => {
    const r = ctx.api.get<Scaled>(resource, ns, name);
    return r.ok ? r.value : undefined;
  };
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name ?? '');
      continue;
    }
    if (seen.has(ref.uid)) continue;
    seen.add(ref.uid);
    const ns = pod.metadata.namespace;
    let owner: Scaled | undefined;
    if (ref.kind === 'ReplicaSet') {
      owner = get('replicasets', ns, ref.name);
      const up = owner && controllerOf(owner);
      if (up?.kind === 'Deployment') owner = get('deployments', ns, up.name);
    } else if (ref.kind === 'StatefulSet') owner = get('statefulsets', ns, ref.name);
    if (!owner || owner.metadata.uid === undefined) return { error: `found no controllers for pod "${pod.metadata.name}"` };
    scales.set(owner.metadata.uid, owner.spec?.replicas ?? 1);
  }
  return { count: [...scales.values()].reduce((a, b) => a + b, 0) };
}

/** Syncs the budget's status; returns when it must look again (an evicted pod's deletion timeout), if ever. */
export function syncBudget(ctx: ControllerContext, recorder: EventRecorder, pdb: Budget, allPods: PodObj[]): number | undefined {
  const spec = (pdb.spec ?? {}) as Spec;
  const now = ctx.clock.now();
  const pods = allPods.filter((p) => selectorMatches(spec.selector, p.metadata.labels));
  if (pods.length === 0) recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
  const unmanaged: string[] = [];
  let expectedCount = 0;
  let desiredHealthy = 0;
  const byScale = spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
  if (byScale) {
    const scale = expectedScale(ctx, pods, unmanaged);
    if ('error' in scale) {
      recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${scale.error}`);
      return undefined;
    }
    expectedCount = scale.count;
    desiredHealthy = spec.maxUnavailable !== undefined ? Math.max(0, expectedCount - scaled(spec.maxUnavailable, expectedCount)) : scaled(spec.minAvailable ?? 0, expectedCount);
  } else if (spec.minAvailable !== undefined) {
    desiredHealthy = spec.minAvailable as number;
    expectedCount = pods.length;
  }
  if (unmanaged.length > 0)
    recorder.event(
      pdb,
      'Warning',
      'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${selectorString(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
    );
  const disrupted: Record<string, string> = {};
  let recheck: number | undefined;
  for (const pod of pods) {
    const at = pdb.status?.disruptedPods?.[pod.metadata.name ?? ''];
    if (pod.metadata.deletionTimestamp || at === undefined) continue;
    const expectedDeletion = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now) recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`);
    else {
      disrupted[pod.metadata.name ?? ''] = at;
      recheck = Math.min(recheck ?? Infinity, expectedDeletion - now);
    }
  }
  const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && disrupted[p.metadata.name ?? ''] === undefined && isPodReady(p)).length;
  const allowed = currentHealthy - desiredHealthy;
  const status = {
    observedGeneration: pdb.metadata.generation,
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: expectedCount <= 0 || allowed <= 0 ? 0 : allowed,
    currentHealthy,
    desiredHealthy,
    expectedPods: expectedCount,
    conditions: pdb.status?.conditions,
  };
  status.conditions = withDisruptionAllowedCondition(status, now);
  if (JSON.stringify(status) !== JSON.stringify(pdb.status)) ctx.api.updateStatus('poddisruptionbudgets', pdb.metadata.namespace, { ...pdb, status } as KubeObject);
  return recheck;
}

