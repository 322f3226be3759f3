/**
 * Rows of kinds the course's first commands never list, a lazy part: HorizontalPodAutoscalers (k8s printers.go
 * printHorizontalPodAutoscaler and formatHPAMetrics, 1.32) and PodDisruptionBudgets (policy.ts).
 */
import type { Any } from '../api/objects.js';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { podDisruptionBudgetRow } from './policy.js';
import { columns, type TableContext, type TableHandler } from './types.js';

/** The TARGETS column shows this many metrics, then `+ N more...`. */
const SHOWN_METRICS = 2;

const UNKNOWN = '<unknown>';

/** `current/target` of a metric whose target is a value or an average value. */
function valueTarget(target: Any, current: Any | undefined): string {
  if (target?.averageValue !== undefined) return `${current?.averageValue ?? UNKNOWN}/${target.averageValue} (avg)`;
  return `${current?.value ?? UNKNOWN}/${target?.value}`;
}

/** A Resource or ContainerResource metric: `cpu: 12%/50%`, or `memory: 100Mi/200Mi` for a raw average value. */
function resourceTarget(src: Any, status: Any | undefined): string {
  const target: Any = src.target ?? {};
  if (target.averageValue !== undefined) return `${src.name}: ${status ? (status.current?.averageValue ?? '') : UNKNOWN}/${target.averageValue}`;
  const current = status?.current?.averageUtilization !== undefined ? `${status.current.averageUtilization}%` : UNKNOWN;
  const wanted = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  return `${src.name}: ${current}/${wanted}`;
}

function metricText(spec: Any, status: Any | undefined): string {
  switch (spec?.type) {
    case 'External':
      return valueTarget(spec.external?.target, status?.external?.current);
    case 'Pods':
      return `${status?.pods?.current?.averageValue ?? UNKNOWN}/${spec.pods?.target?.averageValue}`;
    case 'Object':
      return valueTarget(spec.object?.target, status?.object?.current);
    case 'Resource':
      return resourceTarget(spec.resource ?? {}, status?.resource);
    case 'ContainerResource':
      return resourceTarget(spec.containerResource ?? {}, status?.containerResource);
    default:
      return '<unknown type>';
  }
}

function formatHpaMetrics(specs: Any[] | undefined, statuses: Any[] | undefined): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((s, i) => metricText(s, statuses?.[i]));
  const text = list.slice(0, SHOWN_METRICS).join(', ');
  return list.length > SHOWN_METRICS ? `${text} + ${list.length - SHOWN_METRICS} more...` : text;
}

function horizontalPodAutoscalerRow(obj: KubeObject, ctx: TableContext): string[] {
  const spec: Any = obj.spec ?? {};
  const status: Any = obj.status ?? {};
  const ref: Any = spec.scaleTargetRef ?? {};
  return [
    obj.metadata.name ?? '',
    `${ref.kind ?? ''}/${ref.name ?? ''}`,
    formatHpaMetrics(spec.metrics, status.currentMetrics),
    spec.minReplicas === undefined ? '<unset>' : String(spec.minReplicas),
    String(spec.maxReplicas ?? 0),
    String(status.currentReplicas ?? 0),
    ageSince(obj.metadata.creationTimestamp, ctx.now),
  ];
}

/** The rare kinds' table handlers, by plural resource. */
const HANDLERS: Record<string, TableHandler> = {
  horizontalpodautoscalers: { columns: columns('Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'), row: horizontalPodAutoscalerRow },
  poddisruptionbudgets: { columns: columns('Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age'), row: podDisruptionBudgetRow },
};

export default { formatHpaMetrics, HANDLERS };
