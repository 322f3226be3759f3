/** `kubectl describe hpa` (describe.go describeHorizontalPodAutoscalerV2 and printDirectionBehavior, 1.32). */
import type { Event } from 'kubernetes-types/core/v1';
import type { Any } from '../../api/objects.js';
import type { KubeObject } from '../../api/types.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, rfc1123z } from './prefix-writer.js';

const UNKNOWN = '<unknown>';

/** Object, Pods and External metrics: their name, then `current / target`. */
function namedMetric(w: PrefixWriter, m: Any, s: Any | undefined): void {
  if (m.type === 'External') {
    const t: Any = m.external?.target ?? {};
    if (t.averageValue !== undefined) w.write(LEVEL_1, `${JSON.stringify(m.external?.metric?.name ?? '')} (target average value):\t${s?.external?.current?.averageValue ?? UNKNOWN} / ${t.averageValue}\n`);
    else w.write(LEVEL_1, `${JSON.stringify(m.external?.metric?.name ?? '')} (target value):\t${s?.external ? (s.external.current?.value ?? '0') : UNKNOWN} / ${t.value}\n`);
  } else if (m.type === 'Pods') {
    w.write(LEVEL_1, `${JSON.stringify(m.pods?.metric?.name ?? '')} on pods:\t${s?.pods ? (s.pods.current?.averageValue ?? '0') : UNKNOWN} / ${m.pods?.target?.averageValue}\n`);
  } else {
    const o: Any = m.object ?? {};
    w.write(LEVEL_1, `"${o.metric?.name ?? ''}" on ${o.describedObject?.kind ?? ''}/${o.describedObject?.name ?? ''} `);
    if (o.target?.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${s?.object ? (s.object.current?.averageValue ?? '0') : UNKNOWN} / ${o.target.averageValue}\n`);
    else w.write(LEVEL_0, `(target value):\t${s?.object ? (s.object.current?.value ?? '0') : UNKNOWN} / ${o.target?.value}\n`);
  }
}

/** Resource and ContainerResource metrics: a raw average value, or utilization as a percentage of request. */
function resourceMetric(w: PrefixWriter, src: Any, s: Any | undefined, container: boolean): void {
  w.write(LEVEL_1, container ? `resource ${src.name} of container "${src.container}" on pods` : `resource ${src.name} on pods`);
  const target: Any = src.target ?? {};
  if (target.averageValue !== undefined) {
    w.write(LEVEL_0, `:\t${s ? (s.current?.averageValue ?? '0') : UNKNOWN} / ${target.averageValue}\n`);
    return;
  }
  const current = s?.current?.averageUtilization !== undefined ? `${s.current.averageUtilization}% (${s.current.averageValue ?? '0'})` : UNKNOWN;
  const wanted = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${wanted}\n`);
}

function directionBehavior(w: PrefixWriter, direction: string, rules: Any | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  const policies: Any[] = rules.policies ?? [];
  if (!policies.length) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

export function describeHorizontalPodAutoscaler(hpa: KubeObject, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec: Any = hpa.spec ?? {};
  const status: Any = hpa.status ?? {};
  const ref: Any = spec.scaleTargetRef ?? {};
  const current: Any[] = status.currentMetrics ?? [];
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', hpa.metadata.labels);
  printAnnotations(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${ref.kind ?? ''}/${ref.name ?? ''}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: Any, i: number) => {
    const s: Any | undefined = current[i];
    if (m.type === 'Resource') resourceMetric(w, m.resource ?? {}, s?.resource, false);
    else if (m.type === 'ContainerResource') resourceMetric(w, m.containerResource ?? {}, s?.containerResource, true);
    else if (m.type === 'External' || m.type === 'Pods' || m.type === 'Object') namedMetric(w, m, s);
    else w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type ?? '')}>\n`);
  });
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    directionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    directionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(LEVEL_0, `${ref.kind ?? ''} pods:\t`);
  w.write(LEVEL_0, `${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
  const conditions: Any[] = status.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (events) describeEvents(w, events, now);
  return w.toString();
}
