import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/types.js';
import { newReplicaSetReplicas, oldScaleDown, scaleForReplicasChange } from './rollout-plan.js';

const deploy = (replicas: number, strategy?: Deployment['spec'] extends infer S ? (S extends { strategy?: infer T } ? T : never) : never): Deployment => ({
  metadata: { name: 'web', generation: 2 },
  spec: { replicas, selector: {}, template: {}, strategy },
});
const rs = (name: string, replicas: number, available: number, created: string, maxReplicas?: number): ReplicaSet => ({
  metadata: { name, creationTimestamp: created, annotations: maxReplicas ? { 'deployment.kubernetes.io/max-replicas': String(maxReplicas) } : {} },
  spec: { replicas, selector: {} },
  status: { replicas, availableReplicas: available },
});

describe('rolling update plan', () => {
  it('walks 3 replicas with surge 1 / unavailable 0 one pod at a time', () => {
    const d = deploy(3);
    const steps: string[] = [];
    let oldRS = rs('web-old', 3, 3, '2026-11-27T09:00:00Z');
    let newRS = rs('web-new', 0, 0, '2026-11-27T09:05:00Z');
    for (let i = 0; i < 10; i++) {
      const up = newReplicaSetReplicas(d, [oldRS, newRS], newRS);
      if (up !== newRS.spec!.replicas) {
        steps.push(`new ${newRS.spec!.replicas}->${up}`);
        newRS = rs('web-new', up, newRS.status!.availableReplicas!, '2026-11-27T09:05:00Z');
        const blocked = oldScaleDown(d, [oldRS], newRS);
        expect(blocked).toEqual([]); // the new pod is not available yet
        newRS = rs('web-new', up, up, '2026-11-27T09:05:00Z');
        continue;
      }
      const down = oldScaleDown(d, [oldRS], newRS);
      if (down.length === 0) break;
      steps.push(`old ${oldRS.spec!.replicas}->${down[0].to}`);
      oldRS = rs('web-old', down[0].to, down[0].to, '2026-11-27T09:00:00Z');
    }
    expect(steps).toEqual(['new 0->1', 'old 3->2', 'new 1->2', 'old 2->1', 'new 2->3', 'old 1->0']);
  });
  it('scales an unavailable old set down as soon as the new pod is available (the probe demo)', () => {
    const d = deploy(1);
    const oldRS = rs('old', 1, 0, '2026-11-27T09:00:00Z');
    expect(newReplicaSetReplicas(d, [oldRS], undefined)).toBe(1);
    expect(oldScaleDown(d, [oldRS], rs('new', 1, 0, '2026-11-27T09:05:00Z'))).toEqual([]);
    expect(oldScaleDown(d, [oldRS], rs('new', 1, 1, '2026-11-27T09:05:00Z'))).toEqual([{ rs: oldRS, to: 0 }]);
  });
  it('with maxUnavailable scales old pods down before the new ones are ready', () => {
    const d = deploy(4, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    const oldRS = rs('old', 4, 4, '2026-11-27T09:00:00Z');
    expect(newReplicaSetReplicas(d, [oldRS], undefined)).toBe(0);
    expect(oldScaleDown(d, [oldRS], rs('new', 0, 0, '2026-11-27T09:05:00Z'))).toEqual([{ rs: oldRS, to: 3 }]);
  });
  it('Recreate asks for all replicas at once', () => {
    expect(newReplicaSetReplicas(deploy(3, { type: 'Recreate' }), [], undefined)).toBe(3);
  });
});

describe('scaling a deployment', () => {
  it('scales the only active set', () => {
    const only = rs('a', 3, 3, '2026-11-27T09:00:00Z');
    expect(scaleForReplicasChange(deploy(5), only, [rs('b', 0, 0, '2026-11-27T08:00:00Z')])).toEqual([{ rs: only, to: 5 }]);
  });
  it('shares a change proportionally between sets mid-rollout', () => {
    const d = deploy(20); // surge 5 → allowed 25
    const newer = rs('new', 4, 0, '2026-11-27T09:05:00Z', 13);
    const older = rs('old', 8, 8, '2026-11-27T09:00:00Z', 13);
    const steps = scaleForReplicasChange(d, newer, [older]);
    const total = steps.reduce((n, s) => n + s.to, 0);
    expect(total).toBe(25);
    // old: round(8·25/13)−8 = 7, new: round(4·25/13)−4 = 4, leftover 2 to the largest.
    expect(steps.find((s) => s.rs === older)?.to).toBe(17);
    expect(steps.find((s) => s.rs === newer)?.to).toBe(8);
  });
});
