/**
 * The autoscaler's status conditions (k8s horizontal.go setConditionInList): each type keeps its place
 * in the list, and its lastTransitionTime moves only when its status changes.
 */
import type { Any } from '../../api/objects.js';
import { timestamp } from '../shared/context.js';

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

export function setCondition(status: Any, type: ConditionType, value: 'True' | 'False', reason: string, message: string, now: number): void {
  const list: Any[] = (status.conditions ??= []);
  const at = list.findIndex((x) => x.type === type);
  const old: Any | undefined = list[at];
  const lastTransitionTime = old?.status === value ? old.lastTransitionTime : timestamp(now);
  const next = { type, status: value, lastTransitionTime, reason, message };
  if (at >= 0) list[at] = next;
  else list.push(next);
}
