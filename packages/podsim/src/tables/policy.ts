/** PodDisruptionBudget rows (k8s printers.go printPodDisruptionBudget, 1.32), in the rare kinds' lazy part: only `get pdb` prints them. */
import type { Any } from '../api/objects.js';
import type { KubeObject } from '../api/types.js';
import { ageSince } from '../format/duration.js';
import type { TableContext } from './types.js';

export function podDisruptionBudgetRow(obj: KubeObject, ctx: TableContext): string[] {
  const spec: Any = obj.spec ?? {};
  const given = (v: unknown) => (v === undefined ? 'N/A' : String(v));
  return [obj.metadata.name ?? '', given(spec.minAvailable), given(spec.maxUnavailable), String((obj.status as Any | undefined)?.disruptionsAllowed ?? 0), ageSince(obj.metadata.creationTimestamp, ctx.now)];
}
