/**
 * The CronJob controller in virtual time. Job names, annotations, events and history pruning follow the
 * 1.32 cronjob_controllerv2.go; the schedule semantics follow robfig/cron.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';

function boot(): Cluster {
  const c = new Cluster({ workers: 1 });
  c.advance(0);
  return c;
}

function cronJob(c: Cluster, name: string, spec: Any, command: string[]): void {
  const r = c.api.create('cronjobs', 'default', {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command }] } } } } },
  });
  if (!r.ok) throw new Error(r.status.message);
}

const jobs = (c: Cluster): Any[] => {
  const r = c.api.list('jobs', 'default');
  return r.ok ? (r.value.items as Any[]) : [];
};
const cj = (c: Cluster, name: string): Any => {
  const r = c.api.get('cronjobs', 'default', name);
  return r.ok ? r.value : {};
};
const events = (c: Cluster, name: string): string[] => {
  const r = c.api.list('events', 'default', { fieldSelector: `involvedObject.name=${name}` });
  return r.ok ? r.value.items.map((e: Any) => `${e.reason}: ${e.message}`) : [];
};

describe('CronJob', () => {
  it('creates a Job each scheduled minute named after the minute, and keeps three successful ones', () => {
    const c = boot();
    cronJob(c, 'hello', { schedule: '* * * * *' }, ['sh', '-c', 'date; echo Hello']);
    const created = cj(c, 'hello');
    expect(created.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    c.advance(59_000);
    expect(jobs(c)).toHaveLength(0);
    c.advance(2_000);
    const first = jobs(c)[0];
    const minute = Math.floor(Date.parse('2026-11-27T09:01:00Z') / 60_000);
    expect(first.metadata.name).toBe(`hello-${minute}`);
    expect(first.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-11-27T09:01:00Z' });
    expect(first.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    expect(cj(c, 'hello').status.lastScheduleTime).toBe('2026-11-27T09:01:00Z');
    c.advance(5 * 60_000);
    const names = jobs(c).map((j) => j.metadata.name);
    // Three finished Jobs are kept beside the one the 09:06 run just started.
    expect(names).toEqual([`hello-${minute + 2}`, `hello-${minute + 3}`, `hello-${minute + 4}`, `hello-${minute + 5}`]);
    const st = cj(c, 'hello').status;
    expect(st.lastScheduleTime).toBe('2026-11-27T09:06:00Z');
    expect(st.lastSuccessfulTime).toMatch(/^2026-11-27T09:0[56]:\d\dZ$/);
    const ev = events(c, 'hello');
    expect(ev).toContain(`SuccessfulCreate: Created job hello-${minute}`);
    expect(ev).toContain(`SawCompletedJob: Saw completed job: hello-${minute}, condition: Complete`);
    expect(ev).toContain(`SuccessfulDelete: Deleted job hello-${minute}`);
  });

  it('with Forbid skips a run while the previous Job is active; suspend stops new runs', () => {
    const c = boot();
    cronJob(c, 'long', { schedule: '*/2 * * * *', concurrencyPolicy: 'Forbid' }, ['sleep', '300']);
    c.advance(5 * 60_000);
    expect(jobs(c)).toHaveLength(1);
    expect(cj(c, 'long').status.active).toHaveLength(1);
    expect(events(c, 'long')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    c.api.patch('cronjobs', 'default', 'long', 'merge', { spec: { suspend: true } });
    c.advance(10 * 60_000);
    expect(jobs(c)).toHaveLength(1);
  });

  it('with Replace deletes the running Job before starting the next', () => {
    const c = boot();
    cronJob(c, 'swap', { schedule: '* * * * *', concurrencyPolicy: 'Replace' }, ['sleep', '300']);
    c.advance(150_000);
    const names = jobs(c).filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name);
    expect(names).toHaveLength(1);
    expect(events(c, 'swap').some((e) => e.startsWith('SuccessfulDelete: Deleted job swap-'))).toBe(true);
  });

  it('rejects a malformed schedule with the validation text', () => {
    const c = boot();
    const r = c.api.create('cronjobs', 'default', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'bad' }, spec: { schedule: '* * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } });
    expect(r.ok ? '' : r.status.message).toBe('CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]');
  });
});
