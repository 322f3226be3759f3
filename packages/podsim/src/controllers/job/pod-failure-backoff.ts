/**
 * The delay before a Job replaces failed pods (k8s pkg/controller/job/backoff_utils.go): 10 s after the
 * newest failure, doubling with each failure since the last success, capped at 10 minutes (the
 * controller's MaxJobPodFailureBackOff; the Jobs page still says six).
 */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** When the newest counted failure finished (ms). */
  lastFailureTime?: number;
}

/** The record after counting newly finished pods: a success resets it, failures add up. */
export function nextBackoffRecord(prev: BackoffRecord, finished: { succeeded: boolean; at: number }[]): BackoffRecord {
  let rec = { ...prev };
  for (const f of [...finished].sort((a, b) => a.at - b.at)) {
    rec = f.succeeded ? { failuresAfterLastSuccess: 0 } : { failuresAfterLastSuccess: rec.failuresAfterLastSuccess + 1, lastFailureTime: Math.max(rec.lastFailureTime ?? 0, f.at) };
  }
  return rec;
}

/** Milliseconds left before new pods may be created (0: now). */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (rec.failuresAfterLastSuccess - 1), MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(0, rec.lastFailureTime + delay - now);
}
