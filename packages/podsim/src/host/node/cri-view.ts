/**
 * The node's pods and containers as its container runtime lists them for crictl: one sandbox per pod
 * the kubelet runs, and the container instances it keeps (the current one and the one before). Models
 * what CRI ListPodSandbox/ListContainers return for a kubelet's pods, with the labels the kubelet puts on
 * sandboxes and containers (kuberuntime_labels.go).
 */
import type { Kubelet } from '../../kubelet/kubelet.js';
import type { PodWorker } from '../../kubelet/pod-worker.js';
import type { LogLine } from '../../runtime/types.js';

export interface CriPod {
  id: string;
  name: string;
  namespace: string;
  createdAt: number;
  ready: boolean;
  /** The pod's own labels and the kubelet's `io.kubernetes.pod.*` ones. */
  labels: Record<string, string>;
  containers: CriContainer[];
}

export interface CriContainer {
  id: string;
  name: string;
  /** The manifest digest (`sha256:…`) of the image the container runs. */
  imageDigest: string;
  /** The reference the kubelet asked for (`docker.io/library/nginx:latest`), what `ps -r` shows. */
  imageRef: string;
  createdAt: number;
  state: 'Running' | 'Exited' | 'Created';
  attempt: number;
  pod: CriPod;
  /** `io.kubernetes.container.name` and the pod's `io.kubernetes.pod.*` labels. */
  labels: Record<string, string>;
  log(): readonly LogLine[];
}

/** The pods and containers the node's runtime has. */
export function criPods(kubelet: Kubelet): CriPod[] {
  return kubelet.podWorkers().flatMap((w) => criPod(w) ?? []);
}

function criPod(w: PodWorker): CriPod | undefined {
  const sandbox = w.sandbox;
  if (!sandbox || w.terminated) return undefined;
  const m = w.pod.metadata ?? {};
  const own = { 'io.kubernetes.pod.name': m.name ?? '', 'io.kubernetes.pod.namespace': m.namespace ?? '', 'io.kubernetes.pod.uid': m.uid ?? '' };
  const pod: CriPod = { id: sandbox.id, name: m.name ?? '', namespace: m.namespace ?? '', createdAt: w.sandboxCreatedAt ?? 0, ready: true, labels: { ...m.labels, ...own }, containers: [] };
  for (const r of w.containerRecords.values()) {
    const instances = [
      { inst: r.previous, attempt: r.restartCount - 1 },
      { inst: r.current, attempt: r.restartCount },
    ];
    for (const { inst, attempt } of instances) {
      if (!inst) continue;
      const rt = w.instance(inst.id);
      const state = inst.exit ? 'Exited' : inst.startedAt !== undefined ? 'Running' : 'Created';
      pod.containers.push({
        id: inst.id,
        name: r.name,
        imageDigest: inst.imageId.slice(inst.imageId.indexOf('@') + 1),
        imageRef: inst.image,
        createdAt: inst.startedAt ?? pod.createdAt,
        state,
        attempt: Math.max(0, attempt),
        pod,
        labels: { 'io.kubernetes.container.name': r.name, ...own },
        log: () => rt?.log.lines() ?? [],
      });
    }
  }
  return pod;
}
