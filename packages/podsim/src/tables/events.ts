/**
 * `kubectl get events` (k8s printers.go printEvent): LAST SEEN falls back to the first timestamp,
 * then to eventTime; a series overrides both time and count; COUNT of 0 prints as 1.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import { columns, type TableContext, type TableHandler } from './types.js';

/** SOURCE cell: `kubelet, node01`, `default-scheduler`. */
export function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventTable: TableHandler = {
  columns: columns('Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const ev = obj as unknown as Event;
    const first = ev.firstTimestamp ? ageSince(ev.firstTimestamp, ctx.now) : ageSince(ev.eventTime, ctx.now);
    let last = ev.lastTimestamp ? ageSince(ev.lastTimestamp, ctx.now) : first;
    let count = ev.count ?? 0;
    if (ev.series) {
      last = ageSince(ev.series.lastObservedTime, ctx.now);
      count = ev.series.count ?? 0;
    } else if (count === 0) count = 1;
    const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
    const target = ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
    return [
      last,
      ev.type ?? '',
      ev.reason ?? '',
      target,
      ev.involvedObject?.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      first,
      String(count),
      obj.metadata.name ?? '',
    ];
  },
};
