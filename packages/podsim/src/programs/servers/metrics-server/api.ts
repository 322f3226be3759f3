/**
 * The metrics.k8s.io/v1beta1 objects metrics-server serves: NodeMetrics and PodMetrics with the
 * usage of the last window (CPU in nanocores, memory in binary units, as resource.Quantity prints
 * them), stamped with the latest scrape's time; its discovery document; NotFound as a Status.
 */
import { canonicalQuantity } from '../../../format/quantity-canonical.js';
import { goDuration } from '../../../format/duration.js';
import type { Usage } from './storage.js';

export const GROUP_VERSION = 'metrics.k8s.io/v1beta1';

export const RESOURCE_LIST = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: GROUP_VERSION,
  resources: [
    { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
    { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
  ],
};

function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** resource.NewScaledQuantity(nanocores, Nano) and NewQuantity(bytes, BinarySI), printed. */
export function usageOf(u: { cpu: number; memory: number }): { cpu: string; memory: string } {
  const bytes = Math.round(u.memory);
  const memory = bytes % 1024 === 0 ? canonicalQuantity(`${bytes / 1024}Ki`) : String(bytes);
  return { cpu: canonicalQuantity(`${Math.round(u.cpu * 1e9)}n`) ?? '0', memory: memory ?? String(bytes) };
}

function meta(name: string, namespace: string | undefined, labels: Record<string, string> | undefined, now: number): Record<string, unknown> {
  return { name, ...(namespace !== undefined ? { namespace } : {}), creationTimestamp: rfc3339(now), ...(labels && Object.keys(labels).length ? { labels } : {}) };
}

export function nodeMetrics(name: string, labels: Record<string, string> | undefined, u: Usage, now: number): Record<string, unknown> {
  return { metadata: meta(name, undefined, labels, now), timestamp: rfc3339(u.at), window: goDuration(u.windowMs), usage: usageOf(u) };
}

export function podMetrics(namespace: string, name: string, labels: Record<string, string> | undefined, containers: { name: string; usage: Usage }[], now: number): Record<string, unknown> {
  const first = containers[0]?.usage;
  return {
    metadata: meta(name, namespace, labels, now),
    timestamp: rfc3339(first?.at ?? now),
    window: goDuration(first?.windowMs ?? 0),
    containers: containers.map((c) => ({ name: c.name, usage: usageOf(c.usage) })),
  };
}

export function list(kind: 'NodeMetricsList' | 'PodMetricsList', items: Record<string, unknown>[]): Record<string, unknown> {
  return { kind, apiVersion: GROUP_VERSION, metadata: {}, items };
}

export function single(kind: 'NodeMetrics' | 'PodMetrics', item: Record<string, unknown>): Record<string, unknown> {
  return { kind, apiVersion: GROUP_VERSION, ...item };
}

export function notFound(resource: 'nodemetrics' | 'podmetrics', name: string): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${resource}.metrics.k8s.io "${name}" not found`,
    reason: 'NotFound',
    details: { name, group: 'metrics.k8s.io', kind: resource },
    code: 404,
  };
}
