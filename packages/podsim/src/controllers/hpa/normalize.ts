/**
 * From the metrics' proposal to the size the controller sets (k8s horizontal.go normalizeDesiredReplicas
 * and normalizeDesiredReplicasWithBehaviors, 1.32): without a behavior, the highest recommendation of
 * the last 5 minutes on the way down and at most max(2×current, 4) on the way up; with one, its
 * stabilization windows and scaling policies over the scale events of their periods. Each result
 * names the AbleToScale and ScalingLimited conditions it implies.
 */
import type { Any } from '../../api/objects.js';

/** --horizontal-pod-autoscaler-downscale-stabilization default. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;

export interface Recommendation {
  replicas: number;
  at: number;
}

interface ScaleEvent {
  change: number;
  at: number;
}

/** What the controller remembers per autoscaler between syncs. */
export interface ScalingHistory {
  recommendations: Recommendation[];
  up: ScaleEvent[];
  down: ScaleEvent[];
}

export interface Condition {
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  ableToScale: Condition;
  scalingLimited: Condition;
}

const READY: Condition = { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const WITHIN: [string, string] = ['DesiredWithinRange', 'the desired count is within the acceptable range'];
const UP_LIMIT: [string, string] = ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'];
const DOWN_LIMIT: [string, string] = ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'];
const TOO_MANY: [string, string] = ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
const TOO_FEW: [string, string] = ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];

function limited(replicas: number, stabilized: number, [reason, message]: [string, string]): Condition {
  return { status: replicas === stabilized ? 'False' : 'True', reason, message };
}

/** Keeps the newest recommendation, reusing the slot of one older than `keepMs`. */
function remember(history: ScalingHistory, replicas: number, now: number, keepMs: number): void {
  const old = history.recommendations.findIndex((r) => r.at < now - keepMs);
  if (old >= 0) history.recommendations[old] = { replicas, at: now };
  else history.recommendations.push({ replicas, at: now });
}

export function normalize(history: ScalingHistory, current: number, desired: number, min: number, max: number, now: number): Normalized {
  const stabilized = Math.max(desired, ...history.recommendations.filter((r) => r.at >= now - DOWNSCALE_STABILIZATION_MS).map((r) => r.replicas));
  remember(history, desired, now, DOWNSCALE_STABILIZATION_MS);
  const ableToScale =
    stabilized !== desired ? { status: 'True' as const, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' } : READY;
  const upLimit = Math.max(2 * current, 4);
  const [ceiling, why] = max > upLimit ? [upLimit, UP_LIMIT] : [max, TOO_MANY];
  if (stabilized < min) return { replicas: min, ableToScale, scalingLimited: limited(min, stabilized, TOO_FEW) };
  if (stabilized > ceiling) return { replicas: ceiling, ableToScale, scalingLimited: limited(ceiling, stabilized, why) };
  return { replicas: stabilized, ableToScale, scalingLimited: limited(stabilized, stabilized, WITHIN) };
}

const changedWithin = (events: ScaleEvent[], periodSeconds: number, now: number): number =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.change, 0);

/** The most (scaling up) or fewest (down) replicas the rules' policies allow now. */
function policyLimit(rules: Any, current: number, events: ScaleEvent[], up: boolean, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMost = (rules.selectPolicy === 'Min') !== up;
  const proposals = (rules.policies ?? []).map((p: Any) => {
    const start = up ? current - changedWithin(events, p.periodSeconds, now) : current + changedWithin(events, p.periodSeconds, now);
    if (p.type === 'Pods') return up ? start + p.value : start - p.value;
    // Up rounds up so a small target still grows; down truncates, as the int32 conversion does.
    return up ? Math.ceil(start * (1 + p.value / 100)) : Math.trunc(start * (1 - p.value / 100));
  });
  if (proposals.length === 0) return current;
  return pickMost ? Math.max(...proposals) : Math.min(...proposals);
}

export function normalizeWithBehavior(history: ScalingHistory, behavior: Any, current: number, desired: number, min: number, max: number, now: number): Normalized {
  const up: Any = behavior.scaleUp ?? {};
  const down: Any = behavior.scaleDown ?? {};
  const upWindow = up.stabilizationWindowSeconds ?? 0;
  const downWindow = down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000;
  const rising = desired >= current;
  const window = (rising ? upWindow : downWindow) * 1000;
  const recent = history.recommendations.filter((r) => r.at > now - window).map((r) => r.replicas);
  const stabilized = rising ? Math.min(desired, ...recent) : Math.max(desired, ...recent);
  remember(history, desired, now, Math.max(upWindow, downWindow) * 1000);
  const ableToScale: Condition =
    stabilized === desired
      ? READY
      : rising
        ? { status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
        : { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
  if (stabilized > current) {
    const limit = Math.max(policyLimit(up, current, history.up, true, now), current);
    const [ceiling, why] = max > limit ? [limit, UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > ceiling) return { replicas: ceiling, ableToScale, scalingLimited: limited(ceiling, stabilized, why) };
  } else if (stabilized < current) {
    const limit = Math.min(policyLimit(down, current, history.down, false, now), current);
    const [floor, why] = min < limit ? [limit, DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < floor) return { replicas: floor, ableToScale, scalingLimited: limited(floor, stabilized, why) };
  }
  return { replicas: stabilized, ableToScale, scalingLimited: limited(stabilized, stabilized, WITHIN) };
}

/** A rescale the policies must count (storeScaleEvent): kept for the longest policy period of its direction. */
export function recordScale(history: ScalingHistory, behavior: Any | undefined, from: number, to: number, now: number): void {
  if (!behavior) return;
  const rising = to > from;
  const rules: Any = (rising ? behavior.scaleUp : behavior.scaleDown) ?? {};
  const longest = Math.max(0, ...(rules.policies ?? []).map((p: Any) => p.periodSeconds ?? 0));
  const events = rising ? history.up : history.down;
  const fresh = events.filter((e) => e.at >= now - longest * 1000);
  fresh.push({ change: Math.abs(to - from), at: now });
  if (rising) history.up = fresh;
  else history.down = fresh;
}
