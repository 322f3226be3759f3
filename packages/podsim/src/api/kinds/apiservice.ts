/**
 * apiregistration.k8s.io/v1 APIService: the kube-aggregator registers one Local APIService per group
 * version the server serves (automanaged on start), always Available.
 */
import { rfc3339 } from '../objects.js';
import type { ApiClient } from '../types.js';
import type { KindStrategy } from './strategy.js';

export const apiServiceStrategy: KindStrategy = { topLevel: ['spec', 'status'], statusSubresource: true, generation: false, nameRule: 'path' };

/** kube-aggregator's priorities for the built-in groups (apiserver.go apiVersionPriorities). */
const PRIORITIES: Record<string, [number, number]> = {
  '': [18000, 1],
  'apiregistration.k8s.io': [18000, 15],
  apps: [17800, 15],
  batch: [17400, 15],
  'networking.k8s.io': [17200, 15],
  'rbac.authorization.k8s.io': [17000, 15],
  'storage.k8s.io': [16800, 15],
  'discovery.k8s.io': [16200, 15],
};

/** The Local APIServices of the served group versions (`v1.`, `v1.apps`, …). */
export function registerLocalApiServices(api: ApiClient, groupVersions: { group: string; version: string }[], now: number): void {
  for (const { group, version } of groupVersions) {
    const [groupPriorityMinimum, versionPriority] = PRIORITIES[group] ?? [1000, 15];
    const created = api.create('apiservices', undefined, {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: `${version}.${group}`, labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' } },
      spec: { ...(group ? { group } : {}), version, groupPriorityMinimum, versionPriority },
    });
    if (!created.ok) continue;
    const condition = { type: 'Available', status: 'True', lastTransitionTime: rfc3339(now), reason: 'Local', message: 'Local APIServices are always available' };
    api.updateStatus('apiservices', undefined, { ...created.value, status: { conditions: [condition] } });
  }
}
