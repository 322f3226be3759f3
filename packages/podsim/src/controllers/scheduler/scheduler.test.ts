import { describe, expect, it } from 'vitest';
import { addNode, controllerTestbed, eventMessages, pods, startAll, type PodObj } from '../shared/testing.js';
import { Scheduler } from './scheduler.js';

function setup() {
  const ctx = controllerTestbed();
  addNode(ctx, 'controlplane', { controlPlane: true });
  for (const n of ['node01', 'node02', 'node03']) addNode(ctx, n);
  startAll(ctx, [new Scheduler(ctx)]);
  return ctx;
}

const pod = (name: string, spec: object = {}, owner?: object) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(owner ? { ownerReferences: [owner] } : {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});

const nodeOf = (ps: PodObj[], name: string) => ps.find((p) => p.metadata.name === name)?.spec?.nodeName;

describe('Scheduler', () => {
  it('binds after a short delay, spreads one owner over the workers, and records Scheduled', () => {
    const ctx = setup();
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u-1', controller: true };
    for (const n of ['a', 'b', 'c']) ctx.api.create('pods', 'default', pod(n, {}, owner));
    ctx.clock.advance(0);
    expect(pods(ctx).every((p) => !p.spec?.nodeName)).toBe(true);
    ctx.clock.advance(100);
    const ps = pods(ctx);
    expect(new Set(['a', 'b', 'c'].map((n) => nodeOf(ps, n)))).toEqual(new Set(['node01', 'node02', 'node03']));
    expect(eventMessages(ctx, 'a')).toEqual([`Scheduled: Successfully assigned default/a to ${nodeOf(ps, 'a')}`]);
    expect(ps[0].status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  it('skips pods of another scheduler or already bound', () => {
    const ctx = setup();
    ctx.api.create('pods', 'default', pod('other', { schedulerName: 'my-scheduler' }));
    ctx.api.create('pods', 'default', pod('direct', { nodeName: 'node02' }));
    ctx.clock.advance(1000);
    expect(nodeOf(pods(ctx), 'other')).toBeUndefined();
    expect(nodeOf(pods(ctx), 'direct')).toBe('node02');
    expect(eventMessages(ctx, 'direct')).toEqual([]);
  });

  it('reports Insufficient cpu and retries when capacity appears', () => {
    const ctx = setup();
    ctx.api.create('pods', 'default', pod('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] }));
    ctx.clock.advance(1000);
    const p = pods(ctx)[0];
    expect(p.spec?.nodeName).toBeUndefined();
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(eventMessages(ctx, 'big')).toEqual([`FailedScheduling: ${msg}`]);
    expect(p.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-11-27T09:00:00Z', reason: 'Unschedulable', message: msg }]);
    addNode(ctx, 'node04', { cpu: '4' });
    ctx.clock.advance(2000);
    expect(pods(ctx)[0].spec?.nodeName).toBe('node04');
  });

  it('never schedules onto a NotReady node', () => {
    const ctx = controllerTestbed();
    addNode(ctx, 'node01', { ready: false });
    startAll(ctx, [new Scheduler(ctx)]);
    ctx.api.create('pods', 'default', pod('p'));
    ctx.clock.advance(1000);
    expect(eventMessages(ctx, 'p')).toEqual([
      'FailedScheduling: 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });
});
