/** Job and CronJob validation (k8s `pkg/apis/batch/validation/validation.go`, 1.32). */
import { isObject, jsonEqual, type Any } from '../objects.js';
import { selectorMatches } from '../selectors.js';
import { goSelector, goStringMap, nonNegative } from './apps.js';
import { parseCronSchedule } from '../cron/schedule.js';
import { fieldError as fe, GoValue, type FieldError } from './field.js';
import { validateLabels } from './meta.js';
import { validatePodSpec } from './pod.js';

/** Indexed Jobs keep per-index state, so the API bounds them (validation.go maxParallelismForIndexedJob…). */
const MAX_PARALLELISM_INDEXED = 100_000;
const MAX_COMPLETIONS_INDEXED_PER_INDEX_BACKOFF = 100_000;

const MODES = ['Indexed', 'NonIndexed'];
const REPLACEMENT = ['Failed', 'TerminatingOrFailed'];
const CONCURRENCY = ['Allow', 'Forbid', 'Replace'];

/** The spec checks shared by a Job and a CronJob's job template (validateJobSpec). */
function validateJobSpecBody(spec: Any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.parallelism, `${path}.parallelism`));
  errs.push(...nonNegative(spec.completions, `${path}.completions`));
  errs.push(...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errs.push(...nonNegative(spec.backoffLimit, `${path}.backoffLimit`));
  errs.push(...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  if (spec.completionMode !== undefined && !MODES.includes(spec.completionMode)) errs.push(fe.notSupported(`${path}.completionMode`, spec.completionMode, MODES));
  if (spec.completionMode === 'Indexed') {
    if (spec.completions === undefined) errs.push(fe.required(`${path}.completions`, 'when completion mode is Indexed'));
    if ((spec.parallelism ?? 0) > MAX_PARALLELISM_INDEXED)
      errs.push(fe.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
    if (spec.backoffLimitPerIndex !== undefined && (spec.completions ?? 0) > MAX_COMPLETIONS_INDEXED_PER_INDEX_BACKOFF)
      errs.push(fe.invalid(`${path}.completions`, spec.completions, `must be less than or equal to ${MAX_COMPLETIONS_INDEXED_PER_INDEX_BACKOFF} when backoffLimitPerIndex is specified`));
  }
  if (spec.podReplacementPolicy !== undefined && !REPLACEMENT.includes(spec.podReplacementPolicy))
    errs.push(fe.notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, REPLACEMENT));
  if (spec.podFailurePolicy && spec.podReplacementPolicy === 'TerminatingOrFailed')
    errs.push(fe.notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed']));
  const tmpl: Any = isObject(spec.template) ? spec.template : {};
  errs.push(...validateLabels(tmpl.metadata?.labels, `${path}.template.metadata.labels`));
  errs.push(...validatePodSpec(tmpl.spec, `${path}.template.spec`));
  const rp = tmpl.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(fe.notSupported(`${path}.template.spec.restartPolicy`, rp ?? '', ['OnFailure', 'Never']));
  if (spec.podFailurePolicy && rp !== 'Never')
    errs.push(fe.invalid(`${path}.podFailurePolicy`, new GoValue(`"${rp ?? ''}"`), 'only "Never" is supported for the pod restart policy when podFailurePolicy is specified'));
  return errs;
}

export function validateJob(job: Any): FieldError[] {
  const spec: Any = isObject(job.spec) ? job.spec : {};
  const errs = validateJobSpecBody(spec, 'spec');
  const labels = spec.template?.metadata?.labels;
  if (!isObject(spec.selector)) errs.push(fe.required('spec.selector', ''));
  else if (!selectorMatches(spec.selector, labels)) errs.push(fe.invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  if (spec.manualSelector !== true && isObject(spec.selector)) {
    const expected = { 'batch.kubernetes.io/controller-uid': job.metadata?.uid ?? '', 'batch.kubernetes.io/job-name': job.metadata?.name ?? '' };
    if (!selectorMatches(spec.selector, expected)) errs.push(fe.invalid('spec.selector', goSelector(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

/** What may change once a Job exists (ValidateJobSpecUpdate): not completions, selector or template. */
export function validateJobUpdate(job: Any, old: Any): FieldError[] {
  const errs: FieldError[] = [];
  if (job.spec?.completions !== old.spec?.completions) errs.push(fe.invalid('spec.completions', job.spec?.completions ?? null, 'field is immutable'));
  if (!jsonEqual(job.spec?.selector, old.spec?.selector)) errs.push(fe.invalid('spec.selector', goSelector(job.spec?.selector), 'field is immutable'));
  if (!jsonEqual(job.spec?.template, old.spec?.template)) errs.push(fe.invalid('spec.template', new GoValue('core.PodTemplateSpec{...}'), 'field is immutable'));
  return errs;
}

export function validateCronJob(cj: Any): FieldError[] {
  const spec: Any = isObject(cj.spec) ? cj.spec : {};
  const errs: FieldError[] = [];
  if (typeof cj.metadata?.name === 'string' && cj.metadata.name.length > 52)
    errs.push(fe.invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  if (!spec.schedule) errs.push(fe.required('spec.schedule', ''));
  else if (/TZ/.test(spec.schedule)) errs.push(fe.invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  else {
    const parsed = parseCronSchedule(spec.schedule);
    if (!parsed.ok) errs.push(fe.invalid('spec.schedule', spec.schedule, parsed.message));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!spec.concurrencyPolicy) errs.push(fe.required('spec.concurrencyPolicy', ''));
  else if (!CONCURRENCY.includes(spec.concurrencyPolicy)) errs.push(fe.notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, CONCURRENCY));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const jobSpec: Any = isObject(spec.jobTemplate?.spec) ? spec.jobTemplate.spec : {};
  errs.push(...validateJobSpecBody(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector !== undefined) errs.push(fe.invalid('spec.jobTemplate.spec.selector', goSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector === true) errs.push(fe.notSupported('spec.jobTemplate.spec.manualSelector', new GoValue('true'), ['nil', 'false']));
  return errs;
}
