/**
 * Pod QoS class as `describe pod` shows it: status.qosClass when the kubelet set it, otherwise
 * computed from requests and limits of cpu and memory. Models k8s pkg/apis/core/helper/qos GetPodQOS.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../format/quantity.js';

const SUPPORTED = ['cpu', 'memory'];

export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const name of SUPPORTED) {
      const r = c.resources?.requests?.[name];
      if (r !== undefined && parseQuantity(r).value !== 0) requests.set(name, (requests.get(name) ?? 0) + parseQuantity(r).value);
    }
    const found = new Set<string>();
    for (const name of SUPPORTED) {
      const l = c.resources?.limits?.[name];
      if (l !== undefined && parseQuantity(l).value !== 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + parseQuantity(l).value);
      }
    }
    if (found.size !== SUPPORTED.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  }
  return guaranteed && limits.size === requests.size ? 'Guaranteed' : 'Burstable';
}
