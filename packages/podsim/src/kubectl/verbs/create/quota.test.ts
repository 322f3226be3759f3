/** `create quota`; the dry runs are compared with the real kubectl 1.32, the server's answers with kube-apiserver's texts. */
import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';
import { sameAsRealKubectl } from './dry-runs.test-helper.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const DRY_RUNS: string[][] = [
  ['create', 'quota', 'q1', '--hard=pods=2,cpu=1,memory=1Gi', '--scopes=BestEffort,NotTerminating', '--dry-run=client', '-o', 'yaml'],
  ['create', 'quota', 'q1', '--dry-run=client', '-o', 'yaml'],
  ['create', 'resourcequota', 'q2', '--hard=requests.cpu=500m', '-n', 'team', '--dry-run=client', '-o', 'json'],
  ['create', 'quota', 'q1', '--hard=pods=1', '--dry-run=client'],
  ['create', 'quota', 'q1', '--hard=pods', '--dry-run=client'],
  ['create', 'quota', 'q1', '--hard=pods=1=2', '--dry-run=client'],
  ['create', 'quota', 'q1', '--hard=,pods=1', '--dry-run=client'],
  ['create', 'quota', 'q1', '--hard=pods=abc', '--dry-run=client'],
  ['create', 'quota', 'q1', '--hard=pods= 1', '--dry-run=client'],
  ['create', 'quota', 'q1', '--scopes=BestEffort,', '--dry-run=client'],
  ['create', 'quota', '--hard=pods=1', '--dry-run=client'],
  ['create', 'quota', 'a', 'b', '--dry-run=client'],
];

describe('kubectl create quota', () => {
  it('creates a ResourceQuota whose status the quota controller fills, and refuses one that exists', () => {
    const { host, api } = hostWithServer({});
    expect(host.run(['create', 'quota', 'pods-max', '--hard=pods=2,requests.cpu=1']).stdout).toBe('resourcequota/pods-max created\n');
    const q = api.get('resourcequotas', 'default', 'pods-max');
    expect(q.ok && q.value.spec).toEqual({ hard: { pods: '2', 'requests.cpu': '1' } });
    expect(host.run(['create', 'quota', 'pods-max', '--hard=pods=1'])).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create quota: resourcequotas "pods-max" already exists\n' });
    expect(host.run(['create', 'quota', 'best', '--hard=pods=10', '--scopes=BestEffort']).stdout).toBe('resourcequota/best created\n');
    const best = api.get('resourcequotas', 'default', 'best');
    expect(best.ok && best.value.spec).toEqual({ hard: { pods: '10' }, scopes: ['BestEffort'] });
  });
});

sameAsRealKubectl('create quota', DRY_RUNS, withRealKubectl);
