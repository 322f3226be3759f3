/** `kubectl describe job` and `describe cronjob` (describe.go describeJob, describeCronJob, describeJobTemplate). */
import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { Event } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../format/duration.js';
import { selectorString } from '../../format/labels.js';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { controllerOf } from './pod.js';
import { LEVEL_0, PrefixWriter, rfc1123z } from './prefix-writer.js';
import { describePodTemplate } from './template.js';

const isSet = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null;

export function describeJob(job: Job, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? { template: {} };
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabels(w, 'Labels', job.metadata?.labels);
  printAnnotations(w, 'Annotations', job.metadata?.annotations);
  const controlledBy = controllerOf(job.metadata ?? {});
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`);
  if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  if (isSet(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`);
  else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`);
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`);
  describePodTemplate(w, spec.template);
  if (events) describeEvents(w, events, now);
  return w.toString();
}

/** capIndexesListOrNone: the list cut at the first comma past `softLimit`, with `...`. */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  const cut = indexes.indexOf(',', softLimit);
  return cut < 0 ? indexes : `${indexes.slice(0, cut + 1)}...`;
}

function describeJobTemplate(w: PrefixWriter, t: JobTemplateSpec | undefined): void {
  const spec = t?.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${isSet(spec?.parallelism) ? spec.parallelism : '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec?.completions) ? spec.completions : '<unset>'}\n`);
  if (isSet(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(cj: CronJob, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = cj.spec;
  const unset = (v: number | undefined | null) => (isSet(v) ? String(v) : '<unset>');
  w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', cj.metadata?.labels);
  printAnnotations(w, 'Annotations', cj.metadata?.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${isSet(spec?.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${unset(spec?.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${unset(spec?.failedJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${isSet(spec?.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  describeJobTemplate(w, spec?.jobTemplate);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []).map((r) => r.name).join(', ');
  w.write(LEVEL_0, `Active Jobs:\t${active || '<none>'}\n`);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
