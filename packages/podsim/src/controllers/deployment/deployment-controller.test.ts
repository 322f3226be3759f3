import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, ReplicaSet } from '../../api/types.js';
import { ReplicaSetController } from '../replicaset/replicaset-controller.js';
import { controllerTestbed, eventMessages, oneByOneRollout, pods, setPodRunning, startAll } from '../shared/testing.js';
import { DeploymentController } from './deployment-controller.js';

type RS = ReplicaSet & KubeObject;
type D = Deployment & KubeObject;

const manifest = (image: string, replicas = 3, strategy?: object) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } }, ...(strategy ? { strategy } : {}) },
});

function setup() {
  const ctx = controllerTestbed();
  startAll(ctx, [new ReplicaSetController(ctx), new DeploymentController(ctx)]);
  return ctx;
}

type Ctx = ReturnType<typeof setup>;
const sets = (ctx: Ctx) => {
  const r = ctx.api.list<RS>('replicasets', 'default');
  return r.ok ? r.value.items : [];
};
const deployment = (ctx: Ctx) => {
  const r = ctx.api.get<D>('deployments', 'default', 'web');
  if (!r.ok) throw new Error('no deployment');
  return r.value;
};
/** Marks every active pod Running+Ready (the kubelet's part) and lets the controllers react. */
function kubeletMakesReady(ctx: Ctx): void {
  for (const p of pods(ctx)) if (!p.metadata.deletionTimestamp && p.status?.phase !== 'Running') setPodRunning(ctx, p, true);
  ctx.clock.advance(0);
}
function update(ctx: Ctx, image: string): void {
  const d = deployment(ctx);
  const next = manifest(image, d.spec?.replicas);
  ctx.api.update('deployments', 'default', { ...d, spec: { ...d.spec, template: next.spec.template } });
  ctx.clock.advance(0);
}

describe('DeploymentController', () => {
  it('creates the ReplicaSet web-<hash> with revision annotations and reports status/conditions', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1.26'));
    ctx.clock.advance(0);
    const [rs] = sets(ctx);
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec?.replicas).toBe(3);
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(eventMessages(ctx, 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    let d = deployment(ctx);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "web-${hash}" is progressing.`],
    ]);
    kubeletMakesReady(ctx);
    d = deployment(ctx);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it('rolls out surge 1 / unavailable 0 step by step, and undo brings the old set back as revision 3', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1.26'));
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    const oldName = sets(ctx)[0].metadata.name;
    update(ctx, 'nginx:1.27');
    for (let i = 0; i < 10; i++) kubeletMakesReady(ctx);
    const newName = sets(ctx).find((r) => r.metadata.name !== oldName)?.metadata.name;
    expect(eventMessages(ctx, 'web').slice(1)).toEqual(oneByOneRollout(oldName ?? '', newName ?? '', 3));
    expect(sets(ctx).find((r) => r.metadata.name === newName)?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    update(ctx, 'nginx:1.26');
    for (let i = 0; i < 10; i++) kubeletMakesReady(ctx);
    expect(sets(ctx)).toHaveLength(2);
    const back = sets(ctx).find((r) => r.metadata.name === oldName);
    expect(back?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back?.spec?.replicas).toBe(3);
    expect(deployment(ctx).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('Recreate scales the old set to 0 and waits for its pods to be gone before creating the new one', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1.26', 2, { type: 'Recreate' }));
    ctx.clock.advance(0);
    // Bound pods terminate gracefully, so they outlive the scale-down until their kubelet removes them.
    for (const p of pods(ctx)) ctx.api.bind('default', p.metadata.name ?? '', 'node01');
    kubeletMakesReady(ctx);
    const oldName = sets(ctx)[0].metadata.name;
    update(ctx, 'nginx:1.27');
    expect(sets(ctx)).toHaveLength(1);
    expect(sets(ctx)[0].spec?.replicas).toBe(0);
    expect(pods(ctx).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    for (const p of pods(ctx)) ctx.api.delete('pods', 'default', p.metadata.name ?? '', { gracePeriodSeconds: 0 });
    ctx.clock.advance(0);
    const newRS = sets(ctx).find((r) => r.metadata.name !== oldName);
    expect(newRS?.spec?.replicas).toBe(2);
    expect(eventMessages(ctx, 'web').slice(1)).toEqual([`ScalingReplicaSet: Scaled down replica set ${oldName} from 2 to 0`, `ScalingReplicaSet: Scaled up replica set ${newRS?.metadata.name} from 0 to 2`]);
  });

  it('keeps only revisionHistoryLimit old sets', () => {
    const ctx = setup();
    const m = manifest('nginx:1', 1);
    ctx.api.create('deployments', 'default', { ...m, spec: { ...m.spec, revisionHistoryLimit: 1 } });
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    for (const tag of ['2', '3', '4']) {
      update(ctx, `nginx:${tag}`);
      for (let i = 0; i < 5; i++) kubeletMakesReady(ctx);
    }
    expect(sets(ctx).map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
  });

  it('pause holds a template change back; resume rolls it out', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1', 2));
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    ctx.api.patch('deployments', 'default', 'web', 'merge', { spec: { paused: true } });
    ctx.clock.advance(0);
    expect(deployment(ctx).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    update(ctx, 'nginx:2');
    expect(sets(ctx)).toHaveLength(1);
    ctx.api.patch('deployments', 'default', 'web', 'merge', { spec: { paused: false } });
    ctx.clock.advance(0);
    expect(sets(ctx)).toHaveLength(2);
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', () => {
    const ctx = setup();
    const m = manifest('nginx:1', 1);
    ctx.api.create('deployments', 'default', { ...m, spec: { ...m.spec, progressDeadlineSeconds: 30 } });
    ctx.clock.advance(0);
    ctx.clock.advance(31_000);
    const name = sets(ctx)[0].metadata.name;
    expect(deployment(ctx).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${name}" has timed out progressing.`,
    });
  });

  it('counts a pod available only minReadySeconds after it is Ready', () => {
    const ctx = setup();
    const m = manifest('nginx:1', 1);
    ctx.api.create('deployments', 'default', { ...m, spec: { ...m.spec, minReadySeconds: 10 } });
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    expect(sets(ctx)[0].status).toMatchObject({ readyReplicas: 1 });
    expect(sets(ctx)[0].status?.availableReplicas).toBeUndefined();
    ctx.clock.advance(11_000);
    expect(sets(ctx)[0].status?.availableReplicas).toBe(1);
    expect(deployment(ctx).status?.availableReplicas).toBe(1);
  });
  // kubernetes.io/docs/concepts/workloads/controllers/deployment "Proportional scaling": 10 replicas, maxSurge 3,
  // maxUnavailable 2, a rollout stuck on an unpullable image (8 old + 5 new), scaled to 15: 3 go to the old set, 2 to the new.
  it('shares a scale-up in the middle of a rollout in proportion to the sets (8+5 → 11+7)', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1', 10, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }));
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    const oldName = sets(ctx)[0].metadata.name;
    update(ctx, 'nginx:sometag');
    const size = (old: boolean) => sets(ctx).find((r) => (r.metadata.name === oldName) === old)?.spec?.replicas;
    expect([size(true), size(false)]).toEqual([8, 5]);
    ctx.api.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 15 } });
    ctx.clock.advance(0);
    expect([size(true), size(false)]).toEqual([11, 7]);
    expect(sets(ctx).map((r) => r.metadata.annotations?.['deployment.kubernetes.io/max-replicas'])).toEqual(['18', '18']);
  });

  // SetNewReplicaSetAnnotations copies the Deployment's annotations to the new set only: an old revision keeps its cause.
  it('copies a change-cause annotated after an update to the new set, not to the old set it scales down', () => {
    const ctx = setup();
    ctx.api.create('deployments', 'default', manifest('nginx:1', 2));
    ctx.clock.advance(0);
    kubeletMakesReady(ctx);
    const oldName = sets(ctx)[0].metadata.name;
    update(ctx, 'nginx:2');
    ctx.api.patch('deployments', 'default', 'web', 'merge', { metadata: { annotations: { 'kubernetes.io/change-cause': 'image updated to 2' } } });
    for (let i = 0; i < 5; i++) kubeletMakesReady(ctx);
    const cause = (old: boolean) => sets(ctx).find((r) => (r.metadata.name === oldName) === old)?.metadata.annotations?.['kubernetes.io/change-cause'];
    expect(sets(ctx).find((r) => r.metadata.name === oldName)?.spec?.replicas).toBe(0);
    expect([cause(true), cause(false)]).toEqual([undefined, 'image updated to 2']);
  });
});
