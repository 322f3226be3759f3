/**
 * The Job controller with real kubelets, in virtual time. Expected timings and texts come from the 1.32
 * job controller (job_controller.go: 10 s pod-failure back-off doubling per failure; condition reasons
 * and messages; MaxPodCreateDeletePerSync) and the Jobs concept page (labels, status fields).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';

function boot(): Cluster {
  const c = new Cluster({ workers: 1 });
  c.advance(0);
  return c;
}

function job(name: string, spec: Any, container: Any): Any {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { ...spec, template: { spec: { restartPolicy: spec.restartPolicy ?? 'Never', containers: [{ name: 'c', image: 'busybox:1.36', ...container }] } } } };
}

function create(c: Cluster, body: Any): Any {
  delete body.spec.restartPolicy;
  const r = c.api.create('jobs', 'default', body);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

const status = (c: Cluster, name: string): Any => {
  const r = c.api.get('jobs', 'default', name);
  return r.ok ? (r.value.status as Any) : {};
};
const podsOf = (c: Cluster, name: string): (KubeObject & Any)[] => {
  const r = c.api.list('pods', 'default', { labelSelector: `batch.kubernetes.io/job-name=${name}` });
  return r.ok ? (r.value.items as (KubeObject & Any)[]) : [];
};
const jobEvents = (c: Cluster, name: string): string[] => {
  const r = c.api.list('events', 'default', { fieldSelector: `involvedObject.name=${name}` });
  return r.ok ? r.value.items.map((e: Any) => `${e.reason}: ${e.message}`) : [];
};
const seconds = (start: number, ts: string | undefined) => (Date.parse(ts ?? '') - start) / 1000;

describe('Job', () => {
  it('replaces failed pods after 10 s, 20 s, 40 s and fails past backoffLimit', () => {
    const c = boot();
    const start = c.clock.now();
    create(c, job('fail', { backoffLimit: 3 }, { command: ['sh', '-c', 'exit 1'] }));
    c.advance(300_000);
    const pods = podsOf(c, 'fail').sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? ''));
    expect(pods).toHaveLength(4);
    const created = pods.map((p) => seconds(start, p.metadata.creationTimestamp));
    const finished = pods.map((p) => seconds(start, p.status.containerStatuses[0].state.terminated.finishedAt));
    // Each replacement waits 10 s × 2^(failures-1) after the newest failure finished.
    for (let i = 1; i < 4; i++) expect(created[i] - finished[i - 1]).toBe(10 * 2 ** (i - 1));
    const st = status(c, 'fail');
    expect(st.failed).toBe(4);
    expect(st.conditions.map((x: Any) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(st.completionTime).toBeUndefined();
    expect(jobEvents(c, 'fail').filter((e) => e.startsWith('BackoffLimitExceeded'))).toEqual(['BackoffLimitExceeded: Job has reached the specified backoff limit']);
    for (const p of pods) expect(p.metadata.finalizers).toBeUndefined();
  });

  it('runs completions with parallelism, labels its pods and completes with SuccessCriteriaMet then Complete', () => {
    const c = boot();
    const created = create(c, job('work', { completions: 3, parallelism: 2 }, { command: ['sh', '-c', 'sleep 5'] }));
    const uid = created.metadata.uid;
    expect(created.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(created.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'work', 'controller-uid': uid, 'job-name': 'work' });
    expect(created.spec).toMatchObject({ backoffLimit: 6, completionMode: 'NonIndexed', manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed', suspend: false });
    expect(created.status).toEqual({});
    c.advance(2_000);
    const running = podsOf(c, 'work');
    expect(running).toHaveLength(2);
    expect(running[0].metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(running[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'work', uid, controller: true, blockOwnerDeletion: true });
    expect(status(c, 'work')).toMatchObject({ active: 2, ready: 2, terminating: 0, uncountedTerminatedPods: {} });
    c.advance(60_000);
    const st = status(c, 'work');
    expect(st).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(st.active).toBeUndefined();
    expect(st.conditions.map((x: Any) => [x.type, x.reason, x.message])).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(Date.parse(st.completionTime) - Date.parse(st.startTime)).toBeGreaterThanOrEqual(10_000);
    expect(podsOf(c, 'work').map((p) => p.status.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(jobEvents(c, 'work').filter((e) => !e.startsWith('SuccessfulCreate'))).toEqual(['Completed: Job completed']);
  });

  it('counts container restarts against backoffLimit with restartPolicy OnFailure', () => {
    const c = boot();
    create(c, job('retry', { backoffLimit: 2, restartPolicy: 'OnFailure' }, { command: ['sh', '-c', 'exit 3'] }));
    c.advance(600_000);
    const st = status(c, 'retry');
    expect(st.conditions?.find((x: Any) => x.type === 'Failed')?.reason).toBe('BackoffLimitExceeded');
    // One pod only: the kubelet restarted its container in place, then the controller deleted it.
    expect(jobEvents(c, 'retry').filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(1);
    expect(jobEvents(c, 'retry').some((e) => e.startsWith('SuccessfulDelete'))).toBe(true);
    expect(st.failed).toBe(1);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds and stops its pod', () => {
    const c = boot();
    const start = c.clock.now();
    create(c, job('slow', { activeDeadlineSeconds: 5 }, { command: ['sleep', '3600'] }));
    c.advance(120_000);
    const st = status(c, 'slow');
    const target = st.conditions.find((x: Any) => x.type === 'FailureTarget');
    expect(target).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(seconds(start, target.lastTransitionTime)).toBe(5);
    expect(st.conditions.find((x: Any) => x.type === 'Failed')?.reason).toBe('DeadlineExceeded');
    expect(st.failed).toBe(1);
    expect(podsOf(c, 'slow')).toHaveLength(0);
  });

  it('is deleted with its pods ttlSecondsAfterFinished after it completes', () => {
    const c = boot();
    create(c, job('brief', { ttlSecondsAfterFinished: 30 }, { command: ['true'] }));
    c.advance(10_000);
    const done = Date.parse(status(c, 'brief').completionTime);
    expect(Number.isFinite(done)).toBe(true);
    c.advance(done + 29_000 - c.clock.now());
    expect(c.api.get('jobs', 'default', 'brief').ok).toBe(true);
    c.advance(5_000);
    expect(c.api.get('jobs', 'default', 'brief').ok).toBe(false);
    expect(podsOf(c, 'brief')).toHaveLength(0);
  });

  it('rejects a pod template that would restart Always, with the API text', () => {
    const c = boot();
    const r = c.api.create('jobs', 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'bad' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } });
    expect(r.ok ? '' : r.status.message).toBe('Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  it('creates pods of a Job with parallelism in the millions no faster than the controller manager client allows', () => {
    const c = boot();
    create(c, job('flood', { parallelism: 2_000_000, completions: 1_000_000 }, { command: ['sleep', '3600'] }));
    c.advance(10_000);
    const n = c.api.list('pods', 'default').ok ? (c.api.list('pods', 'default') as Any).value.items.length : 0;
    // Burst 30 then 20 per second (kube-controller-manager --kube-api-qps/--kube-api-burst defaults).
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThanOrEqual(30 + 20 * 10);
    expect(status(c, 'flood').active).toBe(n);
  });
});
