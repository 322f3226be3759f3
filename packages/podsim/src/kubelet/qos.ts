/**
 * The pod's QoS class from its containers' cpu/memory requests and limits.
 * Models pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS.
 */
import type { Container, Pod } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';

export type QosClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

const COMPUTE = ['cpu', 'memory'];

export function qosClass(pod: Pod): QosClass {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const add = (into: Map<string, number>, list: Record<string, unknown> | undefined, found?: Set<string>) => {
    for (const [name, q] of Object.entries(list ?? {})) {
      if (!COMPUTE.includes(name)) continue;
      const v = parseQuantity(q as string | number);
      if (v === undefined || v <= 0) continue;
      into.set(name, (into.get(name) ?? 0) + v);
      found?.add(name);
    }
  };
  for (const c of containers) {
    add(requests, c.resources?.requests as Record<string, unknown> | undefined);
    const found = new Set<string>();
    add(limits, c.resources?.limits as Record<string, unknown> | undefined, found);
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
