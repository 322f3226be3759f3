/** Jobs and CronJobs (k8s printers.go printJob / printCronJob, 1.32). */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../api/types.js';
import { ageSince, humanDuration } from '../format/duration.js';
import { formatLabelSelector } from '../format/labels.js';
import { columns, type TableContext, type TableHandler } from './types.js';
import { containerCells } from './workloads.js';

const hasCondition = (j: Job, type: string) => (j.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** The STATUS cell: finished states first, then Terminating, Suspended, FailureTarget, else Running. */
function jobStatus(j: Job): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (j.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(j: Job): string {
  const succeeded = j.status?.succeeded ?? 0;
  if (j.spec?.completions !== undefined && j.spec.completions !== null) return `${succeeded}/${j.spec.completions}`;
  const parallelism = j.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(j: Job, now: number): string {
  const start = j.status?.startTime;
  if (!start) return '';
  const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

export const jobTable: TableHandler = {
  columns: columns('Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers*', 'Images*', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const j = obj as unknown as Job;
    const [names, images] = containerCells(j.spec?.template?.spec?.containers);
    return [obj.metadata.name ?? '', jobStatus(j), completions(j), duration(j, ctx.now), ageSince(obj.metadata.creationTimestamp, ctx.now), names, images, formatLabelSelector(j.spec?.selector)];
  },
};

export const cronJobTable: TableHandler = {
  columns: columns('Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers*', 'Images*', 'Selector*'),
  row(obj: KubeObject, ctx: TableContext): string[] {
    const cj = obj as unknown as CronJob;
    const tmpl = cj.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(tmpl?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime ? ageSince(cj.status.lastScheduleTime, ctx.now) : '<none>';
    const suspend = cj.spec?.suspend === undefined || cj.spec.suspend === null ? '<unset>' : cj.spec.suspend ? 'True' : 'False';
    return [
      obj.metadata.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      suspend,
      String((cj.status?.active ?? []).length),
      last,
      ageSince(obj.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(tmpl?.selector),
    ];
  },
};
