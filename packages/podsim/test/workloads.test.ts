/** ReplicaSet/Deployment behaviour end to end: naming, rolling update order, scaling, GC cascade. */
import { describe, expect, it } from 'vitest';
import type { KubeObject, ReplicaSet } from '../src/api/types.js';
import { oneByOneRollout } from '../src/controllers/shared/testing.js';
import { helloDeployment } from './support/manifests.js';
import { apply, bootCluster, eventLines, get, isReady, list, listPods, waitFor } from './support/harness.js';
import type { Cluster } from '../src/cluster/cluster.js';

type RS = ReplicaSet & KubeObject;

function allReady(c: Cluster, n: number, selector = 'app=web'): boolean {
  const pods = listPods(c, 'default', selector);
  return pods.length === n && pods.every((p) => isReady(p) && !p.metadata.deletionTimestamp);
}

describe('Deployment and ReplicaSet', () => {
  it('creates <deploy>-<hash> with pods <rs>-<5 chars>, events and status', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 3));
    expect(waitFor(c, () => allReady(c, 3), 60_000)).toBe(true);
    const [rs] = list<RS>(c, 'replicasets');
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec?.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    for (const p of listPods(c)) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(eventLines(c, 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    const created = eventLines(c, rs.metadata.name ?? '');
    expect(created).toHaveLength(3);
    for (const l of created) expect(l).toMatch(/^SuccessfulCreate: Created pod: web-/);
    expect(waitFor(c, () => (get<RS>(c, 'replicasets', rs.metadata.name ?? '')?.status?.availableReplicas ?? 0) === 3, 5_000)).toBe(true);
    expect(get<RS>(c, 'replicasets', rs.metadata.name ?? '')?.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    const d = get(c, 'deployments', 'web') as KubeObject & { status?: Record<string, unknown> };
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    // Replicas of one owner land on different workers.
    expect(new Set(listPods(c).map((p) => p.spec?.nodeName))).toEqual(new Set(['node01', 'node02', 'node03']));
  });

  it('rolls 3 replicas one at a time (surge 1, unavailable 0) and rollback reuses the old set', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 3));
    expect(waitFor(c, () => allReady(c, 3), 60_000)).toBe(true);
    const oldName = list<RS>(c, 'replicasets')[0].metadata.name;
    apply(c, helloDeployment('web', 3, 'gcr.io/google-samples/hello-app:2.0'));
    let maxPods = 0;
    let minReady = 3;
    expect(
      waitFor(c, () => {
        const pods = listPods(c, 'default', 'app=web').filter((p) => !p.metadata.deletionTimestamp);
        maxPods = Math.max(maxPods, pods.length);
        minReady = Math.min(minReady, pods.filter(isReady).length);
        return list<RS>(c, 'replicasets').find((r) => r.metadata.name === oldName)?.status?.replicas === 0 && allReady(c, 3);
      }, 120_000, 50),
    ).toBe(true);
    expect(maxPods).toBe(4);
    expect(minReady).toBe(3);
    const newName = list<RS>(c, 'replicasets').find((r) => r.metadata.name !== oldName)?.metadata.name;
    expect(eventLines(c, 'web').slice(1)).toEqual(oneByOneRollout(oldName ?? '', newName ?? '', 3));

    // rollout undo: the old template comes back, the old set becomes revision 3.
    apply(c, helloDeployment('web', 3));
    expect(waitFor(c, () => get<RS>(c, 'replicasets', oldName ?? '')?.status?.readyReplicas === 3 && get<RS>(c, 'replicasets', newName ?? '')?.status?.replicas === 0, 120_000)).toBe(true);
    expect(list<RS>(c, 'replicasets')).toHaveLength(2);
    expect(get<RS>(c, 'replicasets', oldName ?? '')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(get(c, 'deployments', 'web')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('scales up and down, deleting the newest/unready pods first', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 2));
    expect(waitFor(c, () => allReady(c, 2), 60_000)).toBe(true);
    c.api.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 4 } });
    expect(waitFor(c, () => allReady(c, 4), 60_000)).toBe(true);
    const rsName = list<RS>(c, 'replicasets')[0].metadata.name ?? '';
    expect(eventLines(c, 'web').at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set ${rsName} from 2 to 4`);
    c.api.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 1 } });
    c.advance(0);
    expect(listPods(c, 'default', 'app=web').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(eventLines(c, rsName).filter((l) => l.startsWith('SuccessfulDelete: Deleted pod: web-'))).toHaveLength(3);
  });

  it('deleting a Deployment cascades to its ReplicaSet and pods (background GC)', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 2));
    expect(waitFor(c, () => allReady(c, 2), 60_000)).toBe(true);
    c.api.delete('deployments', 'default', 'web');
    expect(waitFor(c, () => list(c, 'replicasets').length === 0, 2_000)).toBe(true);
    expect(waitFor(c, () => listPods(c).length === 0, 40_000)).toBe(true);
  });

  it('orphan propagation keeps the pods of a deleted ReplicaSet', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 2));
    expect(waitFor(c, () => allReady(c, 2), 60_000)).toBe(true);
    const rsName = list<RS>(c, 'replicasets')[0].metadata.name ?? '';
    c.api.delete('deployments', 'default', 'web', { propagationPolicy: 'Orphan' });
    c.advance(2_000);
    expect(list(c, 'deployments')).toHaveLength(0);
    c.api.delete('replicasets', 'default', rsName, { propagationPolicy: 'Orphan' });
    c.advance(5_000);
    expect(list(c, 'replicasets')).toHaveLength(0);
    const pods = listPods(c);
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('Recreate: new pods start only after every old pod has terminated', () => {
    const c = bootCluster();
    const recreate = (image: string) => helloDeployment('web', 2, image).replace('spec:\n  replicas: 2', 'spec:\n  strategy:\n    type: Recreate\n  replicas: 2');
    apply(c, recreate('gcr.io/google-samples/hello-app:1.0'));
    expect(waitFor(c, () => allReady(c, 2), 60_000)).toBe(true);
    const oldPods = listPods(c).map((p) => p.metadata.name);
    apply(c, recreate('gcr.io/google-samples/hello-app:2.0'));
    let overlap = false;
    expect(
      waitFor(c, () => {
        const names = listPods(c).map((p) => p.metadata.name);
        if (names.some((n) => !oldPods.includes(n)) && names.some((n) => oldPods.includes(n))) overlap = true;
        return allReady(c, 2) && names.every((n) => !oldPods.includes(n));
      }, 60_000, 50),
    ).toBe(true);
    expect(overlap).toBe(false);
  });

  it('foreground deletion keeps the Deployment until its pods are gone', () => {
    const c = bootCluster();
    // sleep as PID 1 ignores SIGTERM, so its pods take the whole 30 s grace period.
    const sleepers = helloDeployment('web', 2, 'busybox').replace('      - name: hello-app\n        image: busybox', '      - name: sleeper\n        image: busybox\n        command: ["sleep", "3600"]').replace(/\n {8}readinessProbe:[\s\S]*$/, '\n');
    apply(c, sleepers);
    expect(waitFor(c, () => allReady(c, 2), 60_000)).toBe(true);
    c.api.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' });
    c.advance(1_000);
    expect(get(c, 'deployments', 'web')?.metadata.deletionTimestamp).toBeTruthy();
    expect(listPods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(25_000);
    expect(get(c, 'deployments', 'web')).toBeDefined();
    expect(waitFor(c, () => get(c, 'deployments', 'web') === undefined, 40_000)).toBe(true);
    expect(listPods(c)).toHaveLength(0);
    expect(list(c, 'replicasets')).toHaveLength(0);
  });
});

describe('DaemonSet revision history', () => {
  const logger = (image: string, limit: number) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: logger
spec:
  revisionHistoryLimit: ${limit}
  selector:
    matchLabels:
      app: logger
  template:
    metadata:
      labels:
        app: logger
    spec:
      containers:
      - name: main
        image: ${image}
        command: ["sleep", "3600"]
`;
  type Revision = KubeObject & { revision?: number };
  const revisions = (c: Cluster) => list<Revision>(c, 'controllerrevisions').sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));

  it('records each template as a ControllerRevision, renumbers one that comes back, keeps revisionHistoryLimit old ones', () => {
    const c = bootCluster();
    apply(c, logger('busybox:1.36', 1));
    c.advance(30_000);
    const first = revisions(c);
    expect(first.map((r) => r.revision)).toEqual([1]);
    // daemon_controller.go snapshot: `<ds>-<hash>`, the hash also on the pods (controller-revision-hash).
    const hash = first[0].metadata.labels?.['controller-revision-hash'];
    expect(first[0].metadata.name).toBe(`logger-${hash}`);
    expect(listPods(c).every((p) => p.metadata.labels?.['controller-revision-hash'] === hash)).toBe(true);
    apply(c, logger('busybox:1.37', 1));
    c.advance(60_000);
    expect(revisions(c).map((r) => r.revision)).toEqual([1, 2]);
    // Back to the first template: its revision is reused as number 3, not copied.
    apply(c, logger('busybox:1.36', 1));
    c.advance(60_000);
    expect(revisions(c).map((r) => r.revision)).toEqual([2, 3]);
    expect(revisions(c).find((r) => r.metadata.name === `logger-${hash}`)?.revision).toBe(3);
    // A fourth template leaves one old revision beside the current one once no pod runs the others.
    apply(c, logger('busybox:1.35', 1));
    c.advance(90_000);
    expect(revisions(c).map((r) => r.revision)).toEqual([3, 4]);
  });
});
