import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.js';
import { podsToDelete } from './deletion-order.js';

const NOW = Date.UTC(2026, 10, 27, 10, 0, 0);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace('.000Z', 'Z');

function pod(name: string, o: { node?: string; phase?: string; ready?: boolean; readyAgo?: number; createdAgo?: number; restarts?: number }): Pod {
  return {
    metadata: { name, creationTimestamp: iso(o.createdAgo ?? 3600_000) },
    spec: { containers: [], nodeName: o.node },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: iso(o.readyAgo ?? 3000_000) }],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, ready: !!o.ready, image: 'x', imageID: '' }],
    },
  };
}

const names = (ps: Pod[]) => ps.map((p) => p.metadata?.name);

describe('podsToDelete', () => {
  it('prefers unscheduled, then pending, then not ready, then ready', () => {
    const pods = [
      pod('ready', { node: 'node01', ready: true }),
      pod('notready', { node: 'node02' }),
      pod('pending', { node: 'node03', phase: 'Pending' }),
      pod('unscheduled', { phase: 'Pending' }),
    ];
    expect(names(podsToDelete(pods, pods, 4, NOW))).toEqual(['unscheduled', 'pending', 'notready', 'ready']);
  });
  it('deletes doubled-up pods first, then the most restarted, then the newest', () => {
    const pods = [
      pod('alone', { node: 'node01', ready: true }),
      pod('twin-a', { node: 'node02', ready: true }),
      pod('twin-b', { node: 'node02', ready: true }),
    ];
    expect(names(podsToDelete(pods, pods, 1, NOW))).toEqual(['twin-a']);
    const spread = [pod('old', { node: 'node01', ready: true, createdAgo: 7200_000 }), pod('new', { node: 'node02', ready: true, createdAgo: 60_000, readyAgo: 3000_000 })];
    expect(names(podsToDelete(spread, spread, 1, NOW))).toEqual(['new']);
    const crashy = [pod('calm', { node: 'node01', ready: true }), pod('crashy', { node: 'node02', ready: true, restarts: 4 })];
    expect(names(podsToDelete(crashy, crashy, 1, NOW))).toEqual(['crashy']);
  });
  it('deletes the pod ready for less time first', () => {
    const pods = [pod('long', { node: 'node01', ready: true, readyAgo: 3000_000 }), pod('short', { node: 'node02', ready: true, readyAgo: 5_000 })];
    expect(names(podsToDelete(pods, pods, 1, NOW))).toEqual(['short']);
    expect(podsToDelete(pods, pods, 0, NOW)).toEqual([]);
  });
});
