/**
 * autoscaling/v1 ⇄ v2 HorizontalPodAutoscalers through the API server. Expected shapes: k8s
 * pkg/apis/autoscaling/v1/conversion.go and v2/defaults.go (1.32); the dry-run body `kubectl autoscale`
 * sends is the real kubectl 1.32's `--dry-run=client -o json` output.
 */
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../server.js';
import { Clock } from '../../clock/clock.js';
import { Random } from '../../random/random.js';
import { asVersion } from './index.js';

const V1 = {
  kind: 'HorizontalPodAutoscaler',
  apiVersion: 'autoscaling/v1',
  metadata: { name: 'web' },
  spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
};

function server(): ApiServer {
  return new ApiServer({ clock: new Clock(Date.parse('2026-01-01T00:00:00Z')), random: new Random(1) });
}

describe('HorizontalPodAutoscaler versions', () => {
  it('stores a v1 object as v2: the CPU target becomes a Utilization metric, minReplicas defaults to 1', () => {
    const api = server();
    const r = api.create('horizontalpodautoscalers', 'default', V1);
    expect(r.ok).toBe(true);
    const stored = api.get('horizontalpodautoscalers', 'default', 'web');
    if (!stored.ok) throw new Error('not stored');
    expect(stored.value.apiVersion).toBe('autoscaling/v2');
    expect(stored.value.spec).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    });
    expect(stored.value.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
  });

  it('defaults a missing metric to 80% CPU and serves it back as v1 targetCPUUtilizationPercentage', () => {
    const api = server();
    api.create('horizontalpodautoscalers', 'default', { ...V1, spec: { scaleTargetRef: V1.spec.scaleTargetRef, maxReplicas: 5 } });
    const got = api.get('horizontalpodautoscalers', 'default', 'web');
    if (!got.ok) throw new Error('not stored');
    const v1 = asVersion('horizontalpodautoscalers', 'autoscaling/v1', got.value);
    expect(v1.spec).toEqual({ scaleTargetRef: V1.spec.scaleTargetRef, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 80 });
    expect(v1.status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
  });

  it('carries what v1 has no field for in the autoscaling.alpha annotations', () => {
    const api = server();
    api.create('horizontalpodautoscalers', 'default', V1);
    const cond = { type: 'AbleToScale', status: 'True', lastTransitionTime: '2026-01-01T00:00:15Z', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" };
    const got = api.get('horizontalpodautoscalers', 'default', 'web');
    if (!got.ok) throw new Error('not stored');
    const status = { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '1m', averageUtilization: 1 } } }], conditions: [cond] };
    const r = api.updateStatus('horizontalpodautoscalers', 'default', { ...got.value, status });
    if (!r.ok) throw new Error(r.status.message);
    const v1 = asVersion('horizontalpodautoscalers', 'autoscaling/v1', r.value);
    expect(v1.metadata.annotations).toEqual({
      'autoscaling.alpha.kubernetes.io/conditions': JSON.stringify([cond]),
      'autoscaling.alpha.kubernetes.io/current-metrics': '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":1,"currentAverageValue":"1m"}}]',
    });
    expect(v1.status).toEqual({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 1 });
  });

  it('validates as the API server does', () => {
    const api = server();
    const r = api.create('horizontalpodautoscalers', 'default', { ...V1, spec: { ...V1.spec, minReplicas: 0, maxReplicas: 0, targetCPUUtilizationPercentage: 0 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status.message).toBe(
      'HorizontalPodAutoscaler.autoscaling "web" is invalid: [spec.minReplicas: Invalid value: 0: must be greater than or equal to 1, spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0]',
    );
  });
});
