/**
 * Go types of autoscaling/v2 HorizontalPodAutoscaler (the storage version) and the autoscaling/v1 shape
 * (k8s.io/api autoscaling/{v1,v2} types.go, 1.32), for decoding and field order. The v1 structs carry a
 * `V1` suffix: both versions share the kind name.
 */
import type { FieldType } from './schema.js';

const S = (struct: string): FieldType => ({ struct });
const L = (t: FieldType): FieldType => ({ list: t });

const REF = { kind: 'string', name: 'string', apiVersion: 'string' } as const;
const CONDITION = { type: 'string', status: 'string', lastTransitionTime: 'time', reason: 'string', message: 'string' } as const;

export const AUTOSCALING_STRUCTS: Record<string, Record<string, FieldType>> = {
  HorizontalPodAutoscaler: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('HorizontalPodAutoscalerSpec'), status: S('HorizontalPodAutoscalerStatus') },
  HorizontalPodAutoscalerSpec: { scaleTargetRef: S('CrossVersionObjectReference'), minReplicas: 'int32', maxReplicas: 'int32', metrics: L(S('MetricSpec')), behavior: S('HorizontalPodAutoscalerBehavior') },
  CrossVersionObjectReference: REF,
  MetricSpec: { type: 'string', object: S('ObjectMetricSource'), pods: S('PodsMetricSource'), resource: S('ResourceMetricSource'), containerResource: S('ContainerResourceMetricSource'), external: S('ExternalMetricSource') },
  ObjectMetricSource: { describedObject: S('CrossVersionObjectReference'), target: S('MetricTarget'), metric: S('MetricIdentifier') },
  PodsMetricSource: { metric: S('MetricIdentifier'), target: S('MetricTarget') },
  ResourceMetricSource: { name: 'string', target: S('MetricTarget') },
  ContainerResourceMetricSource: { name: 'string', target: S('MetricTarget'), container: 'string' },
  ExternalMetricSource: { metric: S('MetricIdentifier'), target: S('MetricTarget') },
  MetricIdentifier: { name: 'string', selector: S('LabelSelector') },
  MetricTarget: { type: 'string', value: 'quantity', averageValue: 'quantity', averageUtilization: 'int32' },
  HorizontalPodAutoscalerBehavior: { scaleUp: S('HPAScalingRules'), scaleDown: S('HPAScalingRules') },
  HPAScalingRules: { stabilizationWindowSeconds: 'int32', selectPolicy: 'string', policies: L(S('HPAScalingPolicy')) },
  HPAScalingPolicy: { type: 'string', value: 'int32', periodSeconds: 'int32' },
  HorizontalPodAutoscalerStatus: {
    observedGeneration: 'int64',
    lastScaleTime: 'time',
    currentReplicas: 'int32',
    desiredReplicas: 'int32',
    currentMetrics: L(S('MetricStatus')),
    conditions: L(S('HorizontalPodAutoscalerCondition')),
  },
  MetricStatus: { type: 'string', object: S('ObjectMetricStatus'), pods: S('PodsMetricStatus'), resource: S('ResourceMetricStatus'), containerResource: S('ContainerResourceMetricStatus'), external: S('ExternalMetricStatus') },
  ObjectMetricStatus: { metric: S('MetricIdentifier'), current: S('MetricValueStatus'), describedObject: S('CrossVersionObjectReference') },
  PodsMetricStatus: { metric: S('MetricIdentifier'), current: S('MetricValueStatus') },
  ResourceMetricStatus: { name: 'string', current: S('MetricValueStatus') },
  ContainerResourceMetricStatus: { name: 'string', current: S('MetricValueStatus'), container: 'string' },
  ExternalMetricStatus: { metric: S('MetricIdentifier'), current: S('MetricValueStatus') },
  MetricValueStatus: { value: 'quantity', averageValue: 'quantity', averageUtilization: 'int32' },
  HorizontalPodAutoscalerCondition: CONDITION,

  HorizontalPodAutoscalerV1: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('HorizontalPodAutoscalerSpecV1'), status: S('HorizontalPodAutoscalerStatusV1') },
  HorizontalPodAutoscalerSpecV1: { scaleTargetRef: S('CrossVersionObjectReference'), minReplicas: 'int32', maxReplicas: 'int32', targetCPUUtilizationPercentage: 'int32' },
  HorizontalPodAutoscalerStatusV1: { observedGeneration: 'int64', lastScaleTime: 'time', currentReplicas: 'int32', desiredReplicas: 'int32', currentCPUUtilizationPercentage: 'int32' },
};
