/** The seed's probe demo: probes on the wrong port, then the fixed Deployment rolls out. */
import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, ReplicaSet } from '../src/api/types.js';
import { probesDeployment } from './support/manifests.js';
import { apply, bootCluster, containerStatus, eventLines, isReady, list, listPods, waitFor } from './support/harness.js';

type RS = ReplicaSet & KubeObject;

describe('container probes (seed demo)', () => {
  it('wrong port: restarts and never Ready; fixed: a new ReplicaSet takes over and the old pod goes away', () => {
    const c = bootCluster();
    apply(c, probesDeployment(8081));
    expect(waitFor(c, () => listPods(c).length === 1, 5_000)).toBe(true);
    const [first] = listPods(c);
    const podName = first.metadata.name ?? '';
    expect(podName).toMatch(/^hello-world-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

    expect(waitFor(c, () => (containerStatus(listPods(c)[0])?.restartCount ?? 0) >= 1, 90_000)).toBe(true);
    const pod = listPods(c)[0];
    expect(isReady(pod)).toBe(false);
    const lines = eventLines(c, podName);
    const ip = pod.status?.podIP;
    expect(lines).toContain(`Unhealthy: Liveness probe failed: dial tcp ${ip}:8081: connect: connection refused`);
    expect(lines).toContain(`Unhealthy: Readiness probe failed: Get "http://${ip}:8081/": dial tcp ${ip}:8081: connect: connection refused`);
    expect(lines).toContain('Killing: Container hello-world failed liveness probe, will be restarted');

    const [oldRS] = list<RS>(c, 'replicasets');
    expect(oldRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');

    apply(c, probesDeployment(8080));
    expect(waitFor(c, () => list<RS>(c, 'replicasets').length === 2, 5_000)).toBe(true);
    const newRS = list<RS>(c, 'replicasets').find((rs) => rs.metadata.name !== oldRS.metadata.name)!;
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(listPods(c)).toHaveLength(2);
    expect(eventLines(c, 'hello-world')).toEqual([`ScalingReplicaSet: Scaled up replica set ${oldRS.metadata.name} from 0 to 1`, `ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 1`]);

    // Not Ready before initialDelaySeconds; once it is, the old set scales down and its pod terminates.
    c.advance(5_000);
    expect(listPods(c).filter(isReady)).toHaveLength(0);
    expect(waitFor(c, () => listPods(c).length === 1, 60_000)).toBe(true);
    const [survivor] = listPods(c);
    expect(survivor.metadata.labels?.['pod-template-hash']).toBe(newRS.metadata.labels?.['pod-template-hash']);
    expect(isReady(survivor)).toBe(true);
    expect(eventLines(c, 'hello-world').at(-1)).toBe(`ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 1 to 0`);

    const deployment = () => list<Deployment & KubeObject>(c, 'deployments')[0];
    expect(waitFor(c, () => deployment().status?.availableReplicas === 1, 10_000)).toBe(true);
    expect(deployment().status?.conditions?.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`],
    ]);
    expect(deployment().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });
});
