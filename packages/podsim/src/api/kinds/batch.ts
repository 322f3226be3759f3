/**
 * Jobs and CronJobs (k8s `pkg/registry/batch/{job,cronjob}/strategy.go`, defaults from
 * `pkg/apis/batch/v1/defaults.go`, 1.32 with JobPodReplacementPolicy on).
 */
import { defaultPodSpec } from '../defaults/pod.js';
import { isObject, type Any } from '../objects.js';
import { LazyPart } from '../../lazy/part.js';
import part from './batch.lazy.js';
import { podSpecWarnings } from '../validation/warnings.js';
import type { KindStrategy, Obj } from './strategy.js';

/** Validation: only requests about Jobs and CronJobs need it. */
const BATCH_API = new LazyPart('batch-api', part);

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

function defaultPodTemplate(spec: Any): void {
  if (!isObject(spec.template)) return;
  spec.template.metadata ??= {};
  defaultPodSpec(spec.template.spec ?? (spec.template.spec = {}));
}

/** SetDefaults_Job. */
function defaultJob(job: Obj): void {
  const spec: Any = isObject(job.spec) ? job.spec : (job.spec = {});
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const p of rule?.onPodConditions ?? []) if (isObject(p)) p.status ??= 'True';
  const templateLabels = spec.template?.metadata?.labels;
  if (isObject(templateLabels) && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  defaultPodTemplate(spec);
}

/**
 * generateSelector: the pods of a Job carry its name and uid (new and legacy label keys), and the
 * selector picks the uid, which no other controller's pods have.
 */
function generateSelector(job: Obj): void {
  const spec: Any = job.spec;
  spec.manualSelector ??= false;
  if (spec.manualSelector === true || !isObject(spec.template)) return;
  const labels: Record<string, string> = (spec.template.metadata.labels ??= {});
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[key] ??= job.metadata.name ?? '';
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[key] ??= job.metadata.uid ?? '';
  const selector: Any = (spec.selector ??= {});
  selector.matchLabels ??= {};
  selector.matchLabels[CONTROLLER_UID_LABEL] ??= job.metadata.uid;
  // Defaulting copies the template's labels to a Job without labels again when it is read back.
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}

export const jobStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: true,
  nameRule: 'subdomain',
  defaults: defaultJob,
  prepareForCreate(job, ctx) {
    // The selector names the uid, so the uid is fixed here rather than after admission.
    job.metadata.uid = ctx.random.uuid();
    generateSelector(job);
    job.status = {};
  },
  validate: (job) => BATCH_API.get().validateJob(job),
  validateUpdate: (job, old) => BATCH_API.get().validateJobUpdate(job, old),
  warnings: (o) => podSpecWarnings(o.spec?.template?.spec, 'spec.template.spec'),
};

/** SetDefaults_CronJob (the job template's pod template gets the pod defaults, its job spec none). */
function defaultCronJob(cj: Obj): void {
  const spec: Any = isObject(cj.spec) ? cj.spec : (cj.spec = {});
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jt: Any = isObject(spec.jobTemplate) ? spec.jobTemplate : (spec.jobTemplate = {});
  jt.metadata ??= {};
  if (isObject(jt.spec)) defaultPodTemplate(jt.spec);
  else jt.spec = {};
}

export const cronJobStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: true,
  nameRule: 'subdomain',
  defaults: defaultCronJob,
  prepareForCreate(cj) {
    cj.status = {};
  },
  validate: (cj) => BATCH_API.get().validateCronJob(cj),
  warnings: (o) => podSpecWarnings(o.spec?.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec'),
};
