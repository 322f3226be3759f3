/** Small builders for API objects used by table and printer tests. */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';

export const NOW = Date.parse('2026-11-27T10:00:00Z');
export const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

export function pod(name: string, opts: { statuses?: ContainerStatus[]; init?: ContainerStatus[]; initSpec?: { name: string; restartPolicy?: string }[]; phase?: string; labels?: Record<string, string>; namespace?: string; conditions?: { type: string; status: string; reason?: string }[]; deletion?: boolean; containers?: string[] } = {}): KubeObject {
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', creationTimestamp: ago(60), labels: opts.labels, ...(opts.deletion ? { deletionTimestamp: ago(-30) } : {}) },
    spec: { containers: (opts.containers ?? (opts.statuses ?? [{ name: 'app' }]).map((s) => s.name)).map((n) => ({ name: n, image: 'nginx' })), initContainers: opts.initSpec?.map((c) => ({ ...c, image: 'busybox' })) },
    status: { phase: opts.phase ?? 'Running', containerStatuses: opts.statuses, initContainerStatuses: opts.init, conditions: opts.conditions },
  };
  return p as unknown as KubeObject;
}

const base = (name: string) => ({ name, image: 'nginx', imageID: '', restartCount: 0 });
export const running = (name: string, ready = true): ContainerStatus => ({ ...base(name), ready, state: { running: { startedAt: ago(50) } } });
export const waiting = (name: string, reason: string): ContainerStatus => ({ ...base(name), ready: false, state: { waiting: { reason } } });
export const terminated = (name: string, exitCode: number, reason?: string, signal?: number): ContainerStatus => ({
  ...base(name),
  ready: false,
  state: { terminated: { exitCode, reason, signal, startedAt: ago(40), finishedAt: ago(30) } },
});
