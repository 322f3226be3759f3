/**
 * rollout status of a DaemonSet. Texts: the real kubectl v1.32 against `podsim serve` (`Waiting for daemon
 * set "d" rollout to finish: 2 of 3 updated pods are available...`, `daemon set "d" successfully rolled
 * out`, the OnDelete error), and kubectl's rollout_status.go for the other branches.
 */
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { hostWithCluster } from '../../testing.js';
import { daemonSetStatus } from './status-viewers.js';

const ds = (status: DaemonSet['status'], type = 'RollingUpdate', generation = 1): DaemonSet =>
  ({ metadata: { name: 'd', generation }, spec: { selector: {}, template: {}, updateStrategy: { type } }, status }) as DaemonSet;

describe('rollout status of a DaemonSet', () => {
  it('follows the status viewer: spec observed, pods updated, then available', () => {
    const base = { observedGeneration: 1, desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3 };
    expect(daemonSetStatus(ds({ ...base, observedGeneration: 0 }))).toEqual({ text: 'Waiting for daemon set spec update to be observed...\n', done: false });
    expect(daemonSetStatus(ds({ ...base, updatedNumberScheduled: 1, numberAvailable: 3 })).text).toBe('Waiting for daemon set "d" rollout to finish: 1 out of 3 new pods have been updated...\n');
    expect(daemonSetStatus(ds({ ...base, updatedNumberScheduled: 3, numberAvailable: 2 })).text).toBe('Waiting for daemon set "d" rollout to finish: 2 of 3 updated pods are available...\n');
    expect(daemonSetStatus(ds({ ...base, updatedNumberScheduled: 3, numberAvailable: 3 }))).toEqual({ text: 'daemon set "d" successfully rolled out\n', done: true });
    expect(daemonSetStatus(ds(base, 'OnDelete')).error).toBe('rollout status is only available for RollingUpdate strategy type');
  });

  it('waits for a DaemonSet on a cluster; kinds without a viewer are refused', () => {
    const { host, cluster } = hostWithCluster({
      'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
    });
    host.run(['apply', '-f', 'ds.yaml']);
    const st = host.run(['rollout', 'status', 'ds/d'], { maxMs: 120_000 });
    expect(st.code).toBe(0);
    expect(st.stdout.endsWith('daemon set "d" successfully rolled out\n')).toBe(true);
    host.run(['run', 'x', '--image=nginx']);
    cluster.advance(1000);
    expect(host.run(['rollout', 'status', 'pod/x'])).toEqual({ code: 1, stdout: '', stderr: 'error: no status viewer has been implemented for Pod\n' });
  });
});
