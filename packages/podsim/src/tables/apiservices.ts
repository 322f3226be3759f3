/** APIServices (kube-aggregator's printer: Name, Service, Available, Age). */
import { ageSince } from '../format/duration.js';
import { columns, type TableHandler } from './types.js';

interface ApiServiceView {
  spec?: { service?: { namespace?: string; name?: string } };
  status?: { conditions?: { type: string; status: string; reason?: string }[] };
}

/** `True`, or the status with its reason when not True (`False (MissingEndpoints)`); `Unknown` without the condition. */
function available(obj: ApiServiceView): string {
  const c = obj.status?.conditions?.find((x) => x.type === 'Available');
  if (!c) return 'Unknown';
  return c.status !== 'True' && c.reason ? `${c.status} (${c.reason})` : c.status;
}

export const apiServiceTable: TableHandler = {
  columns: columns('Name', 'Service', 'Available', 'Age'),
  row(obj, ctx) {
    const view = obj as unknown as ApiServiceView;
    const svc = view.spec?.service;
    return [obj.metadata.name ?? '', svc ? `${svc.namespace ?? ''}/${svc.name ?? ''}` : 'Local', available(view), ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};
