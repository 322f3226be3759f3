/** Cases from k8s pkg/controller/podautoscaler/replica_calculator_test.go (TestReplicaCalc*, 1.32): pods, usage, requests → replicas. */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types.js';
import { resourceReplicas } from './replica-calculator.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const LONG_AGO = '2026-01-01T00:00:00Z';

function pod(name: string, request: string, ready = true): Pod {
  return {
    metadata: { name },
    spec: { containers: [{ name: 'app', resources: { requests: { cpu: request } } }] },
    status: { phase: 'Running', startTime: LONG_AGO, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: LONG_AGO }] },
  } as Pod;
}

function metrics(values: Record<string, number>) {
  return new Map(Object.entries(values).map(([name, milli]) => [name, { milli, timestamp: NOW - 10_000, windowMs: 15_000 }]));
}

describe('replica calculator', () => {
  it('scales up: 300m, 500m, 700m of 1 CPU each at a 30% target → 5 replicas, 50%', () => {
    const pods = ['a', 'b', 'c'].map((n) => pod(n, '1'));
    expect(resourceReplicas(3, 30, 'cpu', pods, metrics({ a: 300, b: 500, c: 700 }), NOW)).toEqual({ ok: true, replicas: 5, utilization: 50, rawAverage: 500 });
  });

  it('scales down: five pods at 100–500m of 1 CPU at a 50% target → 3 replicas, 28%', () => {
    const pods = ['a', 'b', 'c', 'd', 'e'].map((n) => pod(n, '1'));
    expect(resourceReplicas(5, 50, 'cpu', pods, metrics({ a: 100, b: 300, c: 500, d: 250, e: 250 }), NOW)).toEqual({ ok: true, replicas: 3, utilization: 28, rawAverage: 280 });
  });

  it('keeps the size within the 10% tolerance: 102% of a 100% target', () => {
    const pods = [pod('a', '0.9'), pod('b', '1'), pod('c', '1.1')];
    expect(resourceReplicas(3, 100, 'cpu', pods, metrics({ a: 1010, b: 1030, c: 1020 }), NOW)).toEqual({ ok: true, replicas: 3, utilization: 102, rawAverage: 1020 });
  });

  it('counts an unready pod as idle on the way up: 4 replicas, 60% from the ready ones', () => {
    const pods = [pod('a', '1', false), pod('b', '1'), pod('c', '1')];
    expect(resourceReplicas(3, 30, 'cpu', pods, metrics({ a: 300, b: 500, c: 700 }), NOW)).toEqual({ ok: true, replicas: 4, utilization: 60, rawAverage: 600 });
  });

  it('names the container without a request, and pods without metrics', () => {
    const noRequest = { ...pod('web-1', '1'), spec: { containers: [{ name: 'frontend' }] } } as Pod;
    expect(resourceReplicas(1, 50, 'cpu', [noRequest], metrics({ 'web-1': 10 }), NOW)).toEqual({ ok: false, error: 'missing request for cpu in container frontend of Pod web-1' });
    expect(resourceReplicas(1, 50, 'cpu', [pod('a', '1', false)], metrics({ a: 10 }), NOW)).toEqual({ ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' });
  });
});
