/** Go types of batch/v1 Job and CronJob (k8s.io/api batch/v1 types.go, 1.32), for decoding and field order. */
import type { FieldType } from './schema.js';

const S = (struct: string): FieldType => ({ struct });
const L = (t: FieldType): FieldType => ({ list: t });

export const BATCH_STRUCTS: Record<string, Record<string, FieldType>> = {
  Job: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('JobSpec'), status: S('JobStatus') },
  JobSpec: {
    parallelism: 'int32',
    completions: 'int32',
    activeDeadlineSeconds: 'int64',
    podFailurePolicy: S('PodFailurePolicy'),
    successPolicy: 'any',
    backoffLimit: 'int32',
    backoffLimitPerIndex: 'int32',
    maxFailedIndexes: 'int32',
    selector: S('LabelSelector'),
    manualSelector: 'bool',
    template: S('PodTemplateSpec'),
    ttlSecondsAfterFinished: 'int32',
    completionMode: 'string',
    suspend: 'bool',
    podReplacementPolicy: 'string',
    managedBy: 'string',
  },
  PodFailurePolicy: { rules: L(S('PodFailurePolicyRule')) },
  PodFailurePolicyRule: { action: 'string', onExitCodes: S('PodFailurePolicyOnExitCodesRequirement'), onPodConditions: L(S('PodFailurePolicyOnPodConditionsPattern')) },
  PodFailurePolicyOnExitCodesRequirement: { containerName: 'string', operator: 'string', values: L('int32') },
  PodFailurePolicyOnPodConditionsPattern: { type: 'string', status: 'string' },
  JobStatus: {
    conditions: L(S('JobCondition')),
    startTime: 'time',
    completionTime: 'time',
    active: 'int32',
    succeeded: 'int32',
    failed: 'int32',
    terminating: 'int32',
    completedIndexes: 'string',
    failedIndexes: 'string',
    uncountedTerminatedPods: 'any',
    ready: 'int32',
  },
  JobCondition: { type: 'string', status: 'string', lastProbeTime: 'time', lastTransitionTime: 'time', reason: 'string', message: 'string' },
  CronJob: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('CronJobSpec'), status: S('CronJobStatus') },
  CronJobSpec: {
    schedule: 'string',
    timeZone: 'string',
    startingDeadlineSeconds: 'int64',
    concurrencyPolicy: 'string',
    suspend: 'bool',
    jobTemplate: S('JobTemplateSpec'),
    successfulJobsHistoryLimit: 'int32',
    failedJobsHistoryLimit: 'int32',
  },
  JobTemplateSpec: { metadata: S('ObjectMeta'), spec: S('JobSpec') },
  CronJobStatus: { active: L(S('ObjectReference')), lastScheduleTime: 'time', lastSuccessfulTime: 'time' },
};
