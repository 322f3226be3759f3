/**
 * podFailurePolicy as the 1.32 Job controller applies it (pkg/controller/job/pod_failure_policy.go).
 * The FailJob case is the docs page tasks/job/pod-failure-policy (its manifest with busybox for bash:5;
 * the condition reason and message as the page prints them).
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../src/api/objects.js';
import { bootCluster, get, list, waitFor } from './support/harness.js';
import type { Cluster } from '../src/cluster/cluster.js';

function job(c: Cluster, name: string, exit: number, policy: Any, backoffLimit = 6): void {
  const r = c.api.create('jobs', 'default', {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      completions: 8,
      parallelism: 2,
      backoffLimit,
      podFailurePolicy: policy,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', `sleep 30; exit ${exit}`] }] } },
    },
  });
  if (!r.ok) throw new Error(r.status.message);
}

const conditions = (c: Cluster, name: string): Any[] => ((get(c, 'jobs', name)?.status as Any)?.conditions ?? []) as Any[];

describe('Job podFailurePolicy', () => {
  it('FailJob on exit code 42 of container main fails the Job with the rule in the message', () => {
    const c = bootCluster();
    job(c, 'job-pod-failure-policy-failjob', 42, { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }] });
    expect(waitFor(c, () => conditions(c, 'job-pod-failure-policy-failjob').some((x) => x.type === 'Failed'), 300_000)).toBe(true);
    const conds = conditions(c, 'job-pod-failure-policy-failjob');
    expect(conds.map((x) => x.type)).toEqual(['FailureTarget', 'Failed']);
    for (const x of conds) {
      expect(x.reason).toBe('PodFailurePolicy');
      expect(x.message).toMatch(/^Container main for pod default\/job-pod-failure-policy-failjob-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$/);
    }
    // The Job failed on the first failures, far from its backoffLimit of 6.
    expect((get(c, 'jobs', 'job-pod-failure-policy-failjob')?.status as Any).failed).toBeLessThanOrEqual(2);
  });

  it('Ignore keeps failures out of the count; an unmatched exit code (NotIn) is counted against backoffLimit', () => {
    const c = bootCluster();
    job(c, 'ignored', 3, { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }] }, 0);
    c.advance(200_000);
    const st = get(c, 'jobs', 'ignored')?.status as Any;
    expect(st.failed).toBeUndefined();
    expect(conditions(c, 'ignored').some((x) => x.type === 'Failed')).toBe(false);
    expect(list(c, 'pods').filter((p) => p.metadata.name?.startsWith('ignored-')).length).toBeGreaterThan(2);

    job(c, 'counted', 5, { rules: [{ action: 'Ignore', onExitCodes: { operator: 'NotIn', values: [5] } }] }, 0);
    expect(waitFor(c, () => conditions(c, 'counted').some((x) => x.type === 'Failed'), 300_000)).toBe(true);
    expect(conditions(c, 'counted').find((x) => x.type === 'Failed')?.reason).toBe('BackoffLimitExceeded');
  });
});
