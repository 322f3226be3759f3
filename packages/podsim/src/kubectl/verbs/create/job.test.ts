/** `create job` / `create cronjob`; expected texts are the real kubectl 1.32's (against `podsim serve`, 2026-12). */
import { describe, expect, it } from 'vitest';
import { hostWithCluster, hostWithServer } from '../../testing.js';
import { sameAsRealKubectl } from './dry-runs.test-helper.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const DRY_RUNS: string[][] = [
  ['create', 'job', 'j8', '--image=busybox', '--dry-run=client', '-o', 'yaml'],
  ['create', 'job', 'jx', '--image=busybox', '-o', 'json', '--dry-run=client', '--', 'sh', '-c', 'echo hi'],
  ['create', 'job', 'j14', '--image=busybox', '-n', 'kube-system', '--dry-run=client', '-o', 'yaml'],
  ['create', 'cronjob', 'c5', '--image=busybox', '--schedule=*/1 * * * *', '-o', 'yaml', '--dry-run=client', '--', 'date'],
  ['create', 'cronjob', 'cx', '--image=busybox', '--schedule=* * * * *', '-o', 'json', '--dry-run=client', '--', 'date'],
  ['create', 'cronjob', 'c7', '--image=busybox', '--schedule=*/1 * * * *', '--restart=Never', '--dry-run=client', '-o', 'yaml'],
  ['create', 'job', 'j3', '--dry-run=client'],
  ['create', 'job', '--dry-run=client'],
  ['create', 'job', 'a', 'b', '--image=x', '--dry-run=client'],
  ['create', 'job', 'j12', '--image=busybox', '--from=cronjob/c1', '--dry-run=client'],
  ['create', 'job', 'j13', '--from=cronjob/c1', '--dry-run=client', '--', 'x'],
  ['create', 'cronjob', 'c9', '--dry-run=client'],
  ['create', 'cronjob', 'c9', '--schedule=* * * * *', '--dry-run=client'],
  ['create', 'cronjob', 'a', 'b', '--image=busybox', '--schedule=* * * * *', '--dry-run=client'],
];

describe('kubectl create job|cronjob', () => {
  it('creates a Job that runs to completion and a CronJob, with the generators’ errors', () => {
    const { host, api } = hostWithServer({});
    expect(host.run(['create', 'job', 'j1', '--image=busybox', '--', 'echo', 'hi']).stdout).toBe('job.batch/j1 created\n');
    const j = api.get('jobs', 'default', 'j1');
    expect(j.ok && (j.value.spec as { template: { spec: unknown } }).template.spec).toMatchObject({ containers: [{ name: 'j1', image: 'busybox', command: ['echo', 'hi'] }], restartPolicy: 'Never' });
    expect(host.run(['create', 'job', 'j1', '--image=busybox'])).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create job: jobs.batch "j1" already exists\n' });
    expect(host.run(['create', 'cronjob', 'c1', '--image=busybox', '--schedule=*/1 * * * *']).stdout).toBe('cronjob.batch/c1 created\n');
    expect(host.run(['create', 'cronjob', 'c4', '--image=busybox', '--schedule=bad']).stderr).toBe(
      'error: failed to create cronjob: CronJob.batch "c4" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]\n',
    );
    expect(host.run(['create', 'cronjob', 'c5', '--image=busybox', '--schedule=*/1 * * * *', '--restart=Always']).stderr).toBe(
      'error: failed to create cronjob: CronJob.batch "c5" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
    );
  });

  it('--from=cronjob/NAME runs the job template, annotated and owned by the CronJob; other sources fail as in kubectl', () => {
    const { host, api } = hostWithServer({});
    host.run(['create', 'cronjob', 'c1', '--image=busybox', '--schedule=*/1 * * * *']);
    const cj = api.get('cronjobs', 'default', 'c1');
    const uid = cj.ok ? cj.value.metadata.uid : '';
    expect(host.run(['create', 'job', 'j4', '--from=cronjob/c1']).stdout).toBe('job.batch/j4 created\n');
    const j = api.get('jobs', 'default', 'j4');
    expect(j.ok && j.value.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(j.ok && j.value.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'c1', uid, controller: true }]);
    expect(j.ok && (j.value.spec as { template: { spec: { restartPolicy: string } } }).template.spec.restartPolicy).toBe('OnFailure');
    expect(host.run(['create', 'job', 'jx', '--from=cronjob']).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(host.run(['create', 'job', 'j5', '--from=cronjob/nope']).stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
    expect(host.run(['create', 'job', 'j10', '--from=c1']).stderr).toBe('error: the server doesn\'t have a resource type "c1"\n');
    expect(host.run(['create', 'job', 'jy', '--from=cronjob/c1', '-n', 'nons']).stderr).toBe('Error from server (NotFound): namespaces "nons" not found\n');
    host.run(['create', 'deploy', 'x', '--image=nginx']);
    expect(host.run(['create', 'job', 'j11', '--from=deploy/x']).stderr).toBe('error: unknown object type *v1.Deployment\n');
  });

  it('a created Job completes in virtual time and `get jobs` shows it', () => {
    const { host, cluster } = hostWithCluster({});
    host.run(['create', 'job', 'once', '--image=busybox', '--', 'echo', 'done']);
    cluster.advance(30_000);
    expect(host.run(['get', 'jobs']).stdout).toMatch(/^NAME {3}STATUS {5}COMPLETIONS {3}DURATION {3}AGE\nonce {3}Complete {3}1\/1 {11}\d+s {9,10}30s\n$/);
  });
});

sameAsRealKubectl('create job|cronjob', DRY_RUNS, withRealKubectl);
