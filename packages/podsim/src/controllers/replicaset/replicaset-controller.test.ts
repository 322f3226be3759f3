import { describe, expect, it } from 'vitest';
import type { KubeObject, ReplicaSet } from '../../api/types.js';
import { controllerTestbed, eventMessages, pods, setPodRunning, startAll } from '../shared/testing.js';
import { ReplicaSetController } from './replicaset-controller.js';

const rsManifest = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-abc', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

function setup(replicas: number) {
  const ctx = controllerTestbed();
  startAll(ctx, [new ReplicaSetController(ctx)]);
  const created = ctx.api.create<ReplicaSet & KubeObject>('replicasets', 'default', rsManifest(replicas));
  if (!created.ok) throw new Error(created.status.message);
  ctx.clock.advance(0);
  return { ctx, rs: created.value };
}

const rsStatus = (ctx: ReturnType<typeof setup>['ctx']) => {
  const r = ctx.api.get<ReplicaSet & KubeObject>('replicasets', 'default', 'web-abc');
  return r.ok ? r.value.status : undefined;
};

describe('ReplicaSetController', () => {
  it('creates pods <rs>-<5 chars> owned by the set, with events and status', () => {
    const { ctx, rs } = setup(3);
    const ps = pods(ctx);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid, controller: true });
    }
    expect(eventMessages(ctx, 'web-abc').sort()).toEqual(ps.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    ctx.clock.advance(0);
    expect(rsStatus(ctx)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    for (const p of ps) setPodRunning(ctx, p, true);
    ctx.clock.advance(0);
    expect(rsStatus(ctx)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted pod at once and deletes not-ready pods first on scale down', () => {
    const { ctx } = setup(3);
    const [a, b, c] = pods(ctx);
    ctx.api.delete('pods', 'default', a.metadata.name ?? '');
    ctx.clock.advance(0);
    const now = pods(ctx).map((p) => p.metadata.name);
    expect(now).toHaveLength(3);
    expect(now).not.toContain(a.metadata.name);
    setPodRunning(ctx, b, true);
    setPodRunning(ctx, c, true);
    ctx.api.patch('replicasets', 'default', 'web-abc', 'merge', { spec: { replicas: 2 } });
    ctx.clock.advance(0);
    expect(pods(ctx).map((p) => p.metadata.name).sort()).toEqual([b.metadata.name, c.metadata.name].sort());
    expect(eventMessages(ctx, 'web-abc').at(-1)).toMatch(/^SuccessfulDelete: Deleted pod: web-abc-/);
  });

  it('adopts a matching orphan and releases a pod whose labels stop matching', () => {
    const ctx = controllerTestbed();
    startAll(ctx, [new ReplicaSetController(ctx)]);
    ctx.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    ctx.api.create('replicasets', 'default', rsManifest(2));
    // The adoption waits for the set's re-read and the orphan's patch (round trips to the API server).
    ctx.clock.advance(1000);
    const ps = pods(ctx);
    expect(ps).toHaveLength(2);
    expect(ps.find((p) => p.metadata.name === 'stray')?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web-abc' });
    ctx.api.patch('pods', 'default', 'stray', 'merge', { metadata: { labels: { app: 'debug' } } });
    ctx.clock.advance(0);
    expect(pods(ctx)).toHaveLength(3);
    expect(pods(ctx).find((p) => p.metadata.name === 'stray')?.metadata.ownerReferences ?? []).toEqual([]);
  });
});
