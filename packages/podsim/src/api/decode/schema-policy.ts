/** Go types of policy/v1 PodDisruptionBudget (k8s.io/api policy/v1 types.go, 1.32), for decoding and field order. */
import type { FieldType } from './schema.js';

const S = (struct: string): FieldType => ({ struct });

export const POLICY_STRUCTS: Record<string, Record<string, FieldType>> = {
  PodDisruptionBudget: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('PodDisruptionBudgetSpec'), status: S('PodDisruptionBudgetStatus') },
  PodDisruptionBudgetSpec: { minAvailable: 'intstr', selector: S('LabelSelector'), maxUnavailable: 'intstr', unhealthyPodEvictionPolicy: 'string' },
  PodDisruptionBudgetStatus: {
    observedGeneration: 'int64',
    disruptedPods: 'strmap',
    disruptionsAllowed: 'int32',
    currentHealthy: 'int32',
    desiredHealthy: 'int32',
    expectedPods: 'int32',
    conditions: { list: S('Condition') },
  },
  Condition: { type: 'string', status: 'string', observedGeneration: 'int64', lastTransitionTime: 'time', reason: 'string', message: 'string' },
};
