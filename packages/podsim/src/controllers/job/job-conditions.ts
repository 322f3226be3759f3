/** Job conditions as the 1.32 controller writes them: an interim SuccessCriteriaMet / FailureTarget, then Complete / Failed. */
import type { KubeObject } from '../../api/types.js';
import { timestamp } from '../shared/context.js';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Finish {
  reason: string;
  message: string;
}

export const COMPLETIONS_REACHED: Finish = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
export const BACKOFF_LIMIT_EXCEEDED: Finish = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE_EXCEEDED: Finish = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
export const MAX_FAILED_INDEXES_EXCEEDED: Finish = { reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
export const FAILED_INDEXES: Finish = { reason: 'FailedIndexes', message: 'Job has failed indexes' };

export function conditionsOf(job: KubeObject): JobCondition[] {
  return ((job.status as { conditions?: JobCondition[] } | undefined)?.conditions ?? []).map((c) => ({ ...c }));
}

export function findCondition(conds: JobCondition[], type: string): JobCondition | undefined {
  return conds.find((c) => c.type === type && c.status === 'True');
}

export function newCondition(type: string, finish: Finish, now: number): JobCondition {
  const t = timestamp(now);
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason: finish.reason, message: finish.message };
}

/** A Job is finished once it has a Complete or Failed condition (IsJobFinished). */
export function isJobFinished(job: KubeObject): boolean {
  const conds = conditionsOf(job);
  return !!(findCondition(conds, 'Complete') || findCondition(conds, 'Failed'));
}

/** When a finished Job finished: its completion time, else the Failed condition's transition time. */
export function finishTime(job: KubeObject): number | undefined {
  const st = job.status as { completionTime?: string } | undefined;
  if (st?.completionTime) return Date.parse(st.completionTime);
  const failed = findCondition(conditionsOf(job), 'Failed');
  return failed?.lastTransitionTime ? Date.parse(failed.lastTransitionTime) : undefined;
}
