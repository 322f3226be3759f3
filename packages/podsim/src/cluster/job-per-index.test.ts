/**
 * Indexed Jobs with backoffLimitPerIndex, maxFailedIndexes and the FailIndex pod failure policy action,
 * in virtual time. Expected values: the Jobs concept page's backoffLimitPerIndex example (even indexes
 * fail: completedIndexes 1,3,5,7,9, failedIndexes 0,2,4,6,8, succeeded 5, failed 10, FailureTarget then
 * Failed with reason FailedIndexes), the API's field docs (FailIndex: the index is marked failed and
 * not restarted; maxFailedIndexes: the Job fails once more indexes than that have failed), and the 1.32
 * controller's constants (10 s per-index back-off, the index-failure-count annotation, the reasons).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';

function boot(): Cluster {
  const c = new Cluster({ workers: 2 });
  c.advance(0);
  return c;
}

function indexedJob(name: string, spec: Any, script: string): Any {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { completionMode: 'Indexed', ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] }] } } },
  };
}

function run(c: Cluster, body: Any, ms: number): Any {
  const r = c.api.create('jobs', 'default', body);
  if (!r.ok) throw new Error(r.status.message);
  c.advance(ms);
  const got = c.api.get('jobs', 'default', body.metadata.name);
  return got.ok ? (got.value.status as Any) : {};
}

const podsOf = (c: Cluster, name: string): Any[] => {
  const r = c.api.list('pods', 'default', { labelSelector: `batch.kubernetes.io/job-name=${name}` });
  return r.ok ? (r.value.items as Any[]) : [];
};
const conditions = (st: Any) => (st.conditions ?? []).map((x: Any) => [x.type, x.reason, x.message]);
const indexOf = (p: Any) => Number(p.metadata.annotations['batch.kubernetes.io/job-completion-index']);

describe('Job backoffLimitPerIndex', () => {
  it('runs every index, retries each failing one once and fails with FailedIndexes (the Jobs page example)', () => {
    const c = boot();
    const st = run(
      c,
      indexedJob('job-backoff-limit-per-index-example', { completions: 10, parallelism: 3, backoffLimitPerIndex: 1, maxFailedIndexes: 5 }, 'echo Hello world; [ $((JOB_COMPLETION_INDEX % 2)) -ne 0 ]'),
      600_000,
    );
    expect(st.completedIndexes).toBe('1,3,5,7,9');
    expect(st.failedIndexes).toBe('0,2,4,6,8');
    expect(st.succeeded).toBe(5);
    expect(st.failed).toBe(10);
    expect(conditions(st)).toEqual([
      ['FailureTarget', 'FailedIndexes', 'Job has failed indexes'],
      ['Failed', 'FailedIndexes', 'Job has failed indexes'],
    ]);
    const events = c.api.list('events', 'default', { fieldSelector: 'involvedObject.name=job-backoff-limit-per-index-example' });
    expect(events.ok && events.value.items.map((e: Any) => `${e.type} ${e.reason}: ${e.message}`)).toContain('Warning FailedIndexes: Job has failed indexes');
  });

  it('counts failures per index in an annotation and waits 10 s before an index is retried', () => {
    const c = boot();
    run(c, indexedJob('count', { completions: 2, parallelism: 2, backoffLimitPerIndex: 2 }, '[ "$JOB_COMPLETION_INDEX" = 1 ] || exit 3'), 300_000);
    const zero = podsOf(c, 'count')
      .filter((p) => indexOf(p) === 0)
      .sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
    expect(zero.map((p) => p.metadata.annotations['batch.kubernetes.io/job-index-failure-count'])).toEqual(['0', '1', '2']);
    for (let i = 1; i < zero.length; i++) {
      const finished = Date.parse(zero[i - 1].status.containerStatuses[0].state.terminated.finishedAt);
      // The delay doubles with each earlier failure of the index: 10 s, then 20 s.
      expect((Date.parse(zero[i].metadata.creationTimestamp) - finished) / 1000).toBe(10 * 2 ** (i - 1));
    }
    const one = podsOf(c, 'count').filter((p) => indexOf(p) === 1);
    expect(one).toHaveLength(1);
  });

  it('gives an index up without a retry when its pod matches a FailIndex rule', () => {
    const c = boot();
    const body = indexedJob('failindex', { completions: 4, parallelism: 2, backoffLimitPerIndex: 1 }, 'case $JOB_COMPLETION_INDEX in 0) exit 1;; 1) exit 42;; *) exit 0;; esac');
    body.spec.podFailurePolicy = { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] };
    const st = run(c, body, 300_000);
    expect(st.completedIndexes).toBe('2,3');
    expect(st.failedIndexes).toBe('0,1');
    expect(st.failed).toBe(3);
    expect(st.succeeded).toBe(2);
    expect(podsOf(c, 'failindex').filter((p) => indexOf(p) === 1)).toHaveLength(1);
    expect(conditions(st).map((x: string[]) => x[1])).toEqual(['FailedIndexes', 'FailedIndexes']);
  });

  it('fails with MaxFailedIndexesExceeded once more indexes than maxFailedIndexes have failed, stopping the rest', () => {
    const c = boot();
    const st = run(c, indexedJob('maxed', { completions: 4, parallelism: 4, backoffLimitPerIndex: 0, maxFailedIndexes: 0 }, '[ "$JOB_COMPLETION_INDEX" = 0 ] && exit 1; sleep 600'), 120_000);
    expect(st.failedIndexes).toBe('0');
    expect(conditions(st)).toEqual([
      ['FailureTarget', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
      ['Failed', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
    ]);
    expect(st.active).toBeUndefined();
  });

  it('keeps status.failedIndexes empty but present while no index has failed', () => {
    const c = boot();
    const st = run(c, indexedJob('fine', { completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }, 'exit 0'), 60_000);
    expect(st.failedIndexes).toBe('');
    expect(st.completedIndexes).toBe('0,1');
    expect(conditions(st).map((x: string[]) => x[0])).toEqual(['SuccessCriteriaMet', 'Complete']);
  });
});
