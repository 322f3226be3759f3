/**
 * The node's pods and containers as its container runtime lists them for crictl: one sandbox per
 * pod the kubelet runs, and the container instances it keeps (the current one and the one before).
 * Models what CRI ListPodSandbox/ListContainers return for a kubelet's pods.
 */
import type { LogLine } from '../runtime/types.js';
import type { PodWorker } from './pod-worker.js';

export interface CriPod {
  id: string;
  name: string;
  namespace: string;
  createdAt: number;
  ready: boolean;
  containers: CriContainer[];
}

export interface CriContainer {
  id: string;
  name: string;
  /** The image the container runs, by digest (`sha256:…`). */
  imageId: string;
  createdAt: number;
  state: 'Running' | 'Exited' | 'Created';
  attempt: number;
  pod: CriPod;
  log(): readonly LogLine[];
}

export function criPod(w: PodWorker): CriPod | undefined {
  const sandbox = w.sandbox;
  if (!sandbox || w.terminated) return undefined;
  const m = w.pod.metadata ?? {};
  const pod: CriPod = { id: sandbox.id, name: m.name ?? '', namespace: m.namespace ?? '', createdAt: w.sandboxCreatedAt ?? 0, ready: true, containers: [] };
  for (const r of w.containerRecords.values()) {
    const instances = [
      { inst: r.previous, attempt: r.restartCount - 1 },
      { inst: r.current, attempt: r.restartCount },
    ];
    for (const { inst, attempt } of instances) {
      if (!inst) continue;
      const rt = w.instance(inst.id);
      const state = inst.exit ? 'Exited' : inst.startedAt !== undefined ? 'Running' : 'Created';
      pod.containers.push({ id: inst.id, name: r.name, imageId: inst.imageId.slice(inst.imageId.indexOf('@') + 1), createdAt: inst.startedAt ?? pod.createdAt, state, attempt: Math.max(0, attempt), pod, log: () => rt?.log.lines() ?? [] });
    }
  }
  return pod;
}
