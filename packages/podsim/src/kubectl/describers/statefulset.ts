/** StatefulSets (describe.go StatefulSetDescriber, describeVolumeClaimTemplates). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { selectorString } from '../../format/labels.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './prefix-writer.js';
import { describePodTemplate } from './template.js';
import { podPhaseCounts } from './workloads.js';

function describeClaimTemplates(w: PrefixWriter, set: StatefulSet): void {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const t of templates) {
    w.write(LEVEL_1, `Name:\t${t.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${t.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? t.spec?.storageClassName ?? ''}\n`);
    printLabels(w, '  Labels', t.metadata?.labels);
    printLabels(w, '  Annotations', t.metadata?.annotations);
    w.write(LEVEL_1, `Capacity:\t${t.spec?.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(t.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(set: StatefulSet, pods: Pod[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const c = podPhaseCounts(pods, set.metadata?.uid);
  w.write(LEVEL_0, `Name:\t${set.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${set.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(set.metadata?.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(set.spec?.selector)}\n`);
  printLabels(w, 'Labels', set.metadata?.labels);
  printAnnotations(w, 'Annotations', set.metadata?.annotations);
  w.write(LEVEL_0, `Replicas:\t${set.spec?.replicas ?? 1} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${set.spec?.updateStrategy?.type ?? ''}\n`);
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined) w.write(LEVEL_1, `Partition:\t${partition}\n`);
  w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, set.spec?.template);
  describeClaimTemplates(w, set);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
