/** TARGETS cells from k8s pkg/printers/internalversion/printers_test.go TestPrintHPA (the expected Cells of each case). */
import { describe, expect, it } from 'vitest';
import rows from './rare-kinds.lazy.js';
import { tableFor } from './index.js';

const { formatHpaMetrics } = rows;

const m100 = { type: 'AverageValue', averageValue: '100m' };
const v100 = { type: 'Value', value: '100m' };
const selector = { matchLabels: { label: 'value' } };

const CASES: [string, unknown[], unknown[] | undefined, string][] = [
  ['no metrics', [], undefined, '<none>'],
  ['external average value, no current', [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: m100 } }], undefined, '<unknown>/100m (avg)'],
  ['external average value', [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: m100 } }], [{ type: 'External', external: { current: { averageValue: '50m' } } }], '50m/100m (avg)'],
  ['external value, no current', [{ type: 'External', external: { metric: { name: 'some-service-metric', selector }, target: v100 } }], undefined, '<unknown>/100m'],
  ['external value', [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: v100 } }], [{ type: 'External', external: { current: { value: '50m' } } }], '50m/100m'],
  ['pods, no current', [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: m100 } }], undefined, '<unknown>/100m'],
  ['pods', [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: m100 } }], [{ type: 'Pods', pods: { current: { averageValue: '50m' } } }], '50m/100m'],
  ['object, no current', [{ type: 'Object', object: { describedObject: { kind: 'Service', name: 'some-service' }, metric: { name: 'some-service-metric' }, target: v100 } }], undefined, '<unknown>/100m'],
  ['object', [{ type: 'Object', object: { describedObject: { kind: 'Service', name: 'some-service' }, metric: { name: 'some-service-metric' }, target: v100 } }], [{ type: 'Object', object: { current: { value: '50m' } } }], '50m/100m'],
  ['resource value, no current', [{ type: 'Resource', resource: { name: 'cpu', target: m100 } }], undefined, 'cpu: <unknown>/100m'],
  ['resource value', [{ type: 'Resource', resource: { name: 'cpu', target: m100 } }], [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }], 'cpu: 50m/100m'],
  ['resource utilization, no current', [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }], undefined, 'cpu: <unknown>/80%'],
  ['resource utilization', [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '10' } } }], 'cpu: 50%/80%'],
  // What the controller leaves after a failed metric: an empty status in the metric's place.
  ['resource utilization, failed metric', [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }], [{ type: '' }], 'cpu: <unknown>/80%'],
];

describe('kubectl get hpa', () => {
  it.each(CASES)('TARGETS: %s', (_name, specs, statuses, want) => {
    expect(formatHpaMetrics(specs as never, statuses as never)).toBe(want);
  });

  it('shows two metrics and counts the rest', () => {
    const cpu = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } };
    const pods = { type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: m100 } };
    expect(formatHpaMetrics([cpu, pods, pods, pods], [])).toBe('cpu: <unknown>/80%, <unknown>/100m + 2 more...');
  });

  it('prints the row: reference, <unset> minimum, current replicas', () => {
    const table = tableFor('horizontalpodautoscalers', [
      { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'some-hpa', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { scaleTargetRef: { kind: 'ReplicationController', name: 'some-rc' }, maxReplicas: 10 }, status: { currentReplicas: 4, desiredReplicas: 5 } },
    ], { now: Date.parse('2026-01-01T00:01:00Z') });
    expect(table.columns.map((c) => c.name)).toEqual(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
    expect(table.rows[0].cells).toEqual(['some-hpa', 'ReplicationController/some-rc', '<none>', '<unset>', '10', '4', '60s']);
  });
});
