import { describe, expect, it } from 'vitest';
import { ReplicaSetController } from '../replicaset/replicaset-controller.js';
import { controllerTestbed, pods, startAll } from '../shared/testing.js';
import { GarbageCollector } from './garbage-collector.js';

const rs = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-abc', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
};

function setup() {
  const ctx = controllerTestbed();
  startAll(ctx, [new ReplicaSetController(ctx), new GarbageCollector(ctx)]);
  ctx.api.create('replicasets', 'default', rs);
  ctx.clock.advance(0);
  return ctx;
}

describe('GarbageCollector', () => {
  it('deletes the pods of a deleted ReplicaSet (background)', () => {
    const ctx = setup();
    expect(pods(ctx)).toHaveLength(2);
    ctx.api.delete('replicasets', 'default', 'web-abc');
    ctx.clock.advance(0);
    expect(pods(ctx)).toHaveLength(0);
  });

  it('orphans the pods when asked', () => {
    const ctx = setup();
    ctx.api.delete('replicasets', 'default', 'web-abc', { propagationPolicy: 'Orphan' });
    ctx.clock.advance(0);
    expect(ctx.api.get('replicasets', 'default', 'web-abc').ok).toBe(false);
    expect(pods(ctx)).toHaveLength(2);
    for (const p of pods(ctx)) expect(p.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('foreground: the owner stays until its dependents are gone', () => {
    const ctx = setup();
    ctx.api.delete('replicasets', 'default', 'web-abc', { propagationPolicy: 'Foreground' });
    ctx.clock.advance(0);
    expect(pods(ctx)).toHaveLength(0);
    ctx.clock.advance(0);
    expect(ctx.api.get('replicasets', 'default', 'web-abc').ok).toBe(false);
  });

  it('deletes a pod created with a dangling owner reference', () => {
    const ctx = setup();
    ctx.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ghost', labels: { x: 'y' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: 'no-such-uid', controller: true }] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    ctx.clock.advance(0);
    expect(pods(ctx).map((p) => p.metadata.name)).not.toContain('ghost');
  });
});
