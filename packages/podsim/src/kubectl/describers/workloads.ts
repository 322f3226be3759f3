/**
 * `kubectl describe deployment`, `describe replicaset` and `describe daemonset`. Models describe.go
 * describeDeployment, printReplicaSetsByLabels, describeReplicaSet, describeDaemonSet.
 */
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { formatLabels, formatLabelSelector, selectorString } from '../../format/labels.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { controllerOf } from './pod.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './prefix-writer.js';
import { describePodTemplate } from './template.js';

function conditions(w: PrefixWriter, list: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!list || list.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of list) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function replicaSetsByLabels(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return s === '' ? '<none>' : s;
}

export function describeDeployment(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = d.spec!;
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  printLabels(w, 'Labels', d.metadata?.labels);
  printAnnotations(w, 'Annotations', d.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`);
  describePodTemplate(w, spec.template);
  conditions(w, st.conditions);
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  if (events) describeEvents(w, events, now);
  return w.toString();
}

/** Pods controlled by `uid`, counted by phase (describe.go getPodStatusForController). */
export function podPhaseCounts(pods: Pod[], uid: string | undefined): { running: number; waiting: number; succeeded: number; failed: number } {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const owner = (p.metadata?.ownerReferences ?? []).find((r) => r.controller);
    if (!owner || owner.uid !== uid) continue;
    if (p.status?.phase === 'Running') counts.running++;
    else if (p.status?.phase === 'Pending') counts.waiting++;
    else if (p.status?.phase === 'Succeeded') counts.succeeded++;
    else if (p.status?.phase === 'Failed') counts.failed++;
  }
  return counts;
}

export function describeReplicaSet(rs: ReplicaSet, pods: Pod[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const c = podPhaseCounts(pods, rs.metadata?.uid);
  w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabels(w, 'Labels', rs.metadata?.labels);
  printAnnotations(w, 'Annotations', rs.metadata?.annotations);
  const controlledBy = controllerOf(rs.metadata ?? {});
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  conditions(w, rs.status?.conditions);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describeDaemonSet(ds: DaemonSet, pods: Pod[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const st = ds.status;
  const c = podPhaseCounts(pods, ds.metadata?.uid);
  w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabels(w, 'Labels', ds.metadata?.labels);
  printAnnotations(w, 'Annotations', ds.metadata?.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, ds.spec?.template);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
