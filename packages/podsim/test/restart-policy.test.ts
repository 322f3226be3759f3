/** The seed's container restart policy demo: killall hello-app under Always, OnFailure and Never. */
import { describe, expect, it } from 'vitest';
import { HELLO_POD, RESTART_POLICY_PODS } from './support/manifests.js';
import { apply, bootCluster, containerStatus, eventLines, exec, getPod, waitFor } from './support/harness.js';
import type { Cluster } from '../src/cluster/cluster.js';

function running(c: Cluster, name: string): boolean {
  return containerStatus(getPod(c, name))?.state?.running !== undefined;
}

function restarts(c: Cluster, name: string): number {
  return containerStatus(getPod(c, name))?.restartCount ?? 0;
}

describe('restart policy (seed demo)', () => {
  it('Always: the killed container is restarted in place, exit code 2 kept as last state', () => {
    const c = bootCluster();
    apply(c, HELLO_POD);
    expect(waitFor(c, () => running(c, 'hello-world-pod'), 60_000)).toBe(true);
    const lines = eventLines(c, 'hello-world-pod');
    expect(lines[0]).toMatch(/^Scheduled: Successfully assigned default\/hello-world-pod to node0[123]$/);
    expect(lines).toContain('Pulling: Pulling image "gcr.io/google-samples/hello-app:1.0"');
    expect(lines).toContain('Started: Started container hello-world');

    expect(exec(c, 'hello-world-pod', ['/usr/bin/killall', 'hello-app']).exitCode).toBe(0);
    expect(waitFor(c, () => restarts(c, 'hello-world-pod') === 1 && running(c, 'hello-world-pod'), 5_000)).toBe(true);
    const st = containerStatus(getPod(c, 'hello-world-pod'));
    expect(st?.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(getPod(c, 'hello-world-pod')?.status?.phase).toBe('Running');
  });

  it('Never: the pod fails and stays down; OnFailure: restarts, then backs off 10 s, 20 s', () => {
    const c = bootCluster();
    apply(c, RESTART_POLICY_PODS);
    expect(waitFor(c, () => running(c, 'hello-world-never-pod') && running(c, 'hello-world-onfailure-pod'), 60_000)).toBe(true);

    exec(c, 'hello-world-never-pod', ['/usr/bin/killall', 'hello-app']);
    expect(waitFor(c, () => getPod(c, 'hello-world-never-pod')?.status?.phase === 'Failed', 5_000)).toBe(true);
    c.advance(60_000);
    expect(restarts(c, 'hello-world-never-pod')).toBe(0);
    expect(containerStatus(getPod(c, 'hello-world-never-pod'))?.state?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });

    const name = 'hello-world-onfailure-pod';
    exec(c, name, ['/usr/bin/killall', 'hello-app']);
    expect(waitFor(c, () => restarts(c, name) === 1 && running(c, name), 5_000)).toBe(true);

    // Second kill: back-off 10 s before the restart.
    exec(c, name, ['/usr/bin/killall', 'hello-app']);
    const killedAt = c.clock.now();
    // The seed: "Check its status, which is now Error too...why? The backoff."
    c.advance(1_000);
    expect(containerStatus(getPod(c, name))?.state?.terminated?.reason).toBe('Error');
    expect(waitFor(c, () => running(c, name), 30_000)).toBe(true);
    const firstBackoff = c.clock.now() - killedAt;
    expect(firstBackoff).toBeGreaterThanOrEqual(10_000);
    expect(firstBackoff).toBeLessThanOrEqual(13_000);
    expect(restarts(c, name)).toBe(2);

    exec(c, name, ['/usr/bin/killall', 'hello-app']);
    const again = c.clock.now();
    expect(waitFor(c, () => restarts(c, name) === 3 && running(c, name), 60_000)).toBe(true);
    const secondBackoff = c.clock.now() - again;
    expect(secondBackoff).toBeGreaterThanOrEqual(20_000);
    expect(secondBackoff).toBeLessThanOrEqual(23_000);
    expect(eventLines(c, name).some((l) => /^BackOff: Back-off restarting failed container hello-world in pod hello-world-onfailure-pod_default\(/.test(l))).toBe(true);

    // Ten quiet minutes reset the back-off: the next crash is not delayed by 40 s.
    c.advance(11 * 60_000);
    exec(c, name, ['/usr/bin/killall', 'hello-app']);
    const late = c.clock.now();
    expect(waitFor(c, () => restarts(c, name) === 4 && running(c, name), 60_000)).toBe(true);
    expect(c.clock.now() - late).toBeLessThanOrEqual(11_000);
  });
});
