/** `kubectl describe pdb` (describe.go describePodDisruptionBudgetV1, 1.32): one of the two bounds, the selector, the status counters. */
import type { Event } from 'kubernetes-types/core/v1';
import type { Any } from '../../api/objects.js';
import type { KubeObject } from '../../api/types.js';
import { selectorString } from '../../format/labels.js';
import { describeEvents } from './fields.js';
import { LEVEL_0, LEVEL_2, PrefixWriter } from './prefix-writer.js';

export function describePodDisruptionBudget(pdb: KubeObject, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec: Any = pdb.spec ?? {};
  const status: Any = pdb.status ?? {};
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
