/** Graceful vs forced deletion, and controllers recreating deleted pods (bare pods are not). */
import { describe, expect, it } from 'vitest';
import { HELLO_POD, helloDeployment, sleeperPod } from './support/manifests.js';
import { apply, bootCluster, containerStatus, getPod, listPods, waitFor } from './support/harness.js';

describe('pod deletion', () => {
  it('a PID 1 ignoring SIGTERM is killed after the 30 s grace period', () => {
    const c = bootCluster();
    apply(c, sleeperPod('sleeper'));
    expect(waitFor(c, () => containerStatus(getPod(c, 'sleeper'))?.state?.running !== undefined, 60_000)).toBe(true);
    const res = c.api.delete('pods', 'default', 'sleeper');
    expect(res.ok && res.value.metadata.deletionTimestamp).toBeTruthy();
    c.advance(29_000);
    expect(getPod(c, 'sleeper')?.metadata.deletionTimestamp).toBeTruthy();
    expect(waitFor(c, () => getPod(c, 'sleeper') === undefined, 5_000)).toBe(true);
  });

  it('hello-app exits on SIGTERM so its pod goes at once; --grace-period shortens the wait', () => {
    const c = bootCluster();
    apply(c, HELLO_POD);
    apply(c, sleeperPod('short'));
    expect(waitFor(c, () => listPods(c).every((p) => containerStatus(p)?.state?.running !== undefined) && listPods(c).length === 2, 60_000)).toBe(true);
    c.api.delete('pods', 'default', 'hello-world-pod');
    expect(waitFor(c, () => getPod(c, 'hello-world-pod') === undefined, 3_000)).toBe(true);
    c.api.delete('pods', 'default', 'short', { gracePeriodSeconds: 5 });
    c.advance(4_000);
    expect(getPod(c, 'short')).toBeDefined();
    expect(waitFor(c, () => getPod(c, 'short') === undefined, 3_000)).toBe(true);
  });

  it('force deletion removes the record immediately, so the name is free again', () => {
    const c = bootCluster();
    apply(c, sleeperPod('stuck'));
    expect(waitFor(c, () => containerStatus(getPod(c, 'stuck'))?.state?.running !== undefined, 60_000)).toBe(true);
    const res = c.api.delete('pods', 'default', 'stuck', { gracePeriodSeconds: 0 });
    expect(res.ok).toBe(true);
    expect(getPod(c, 'stuck')).toBeUndefined();
    apply(c, sleeperPod('stuck'));
    expect(getPod(c, 'stuck')).toBeDefined();
  });

  it('a pod deleted under a Deployment is replaced at once; a bare pod is not', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 2));
    apply(c, HELLO_POD);
    expect(waitFor(c, () => listPods(c).length === 3 && listPods(c).every((p) => p.status?.phase === 'Running'), 60_000)).toBe(true);
    const victim = listPods(c, 'default', 'app=web')[0].metadata.name ?? '';
    c.api.delete('pods', 'default', victim);
    c.advance(0);
    const web = listPods(c, 'default', 'app=web');
    expect(web.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    expect(web.map((p) => p.metadata.name)).not.toEqual(expect.arrayContaining([undefined]));
    c.api.delete('pods', 'default', 'hello-world-pod');
    c.advance(60_000);
    expect(getPod(c, 'hello-world-pod')).toBeUndefined();
    expect(listPods(c, 'default', 'app=web').map((p) => p.metadata.name)).not.toContain(victim);
    expect(listPods(c)).toHaveLength(2);
  });
});
