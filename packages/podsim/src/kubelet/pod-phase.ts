/**
 * The pod phase from its container statuses.
 * Models pkg/kubelet/kubelet_pods.go getPhase (1.32, with restartable init containers).
 */
import type { ContainerStatus, Pod } from '../api/types.js';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export function isSidecar(c: { restartPolicy?: string }): boolean {
  return c.restartPolicy === 'Always';
}

function find(statuses: ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

export function hasAnyRegularContainerStarted(pod: Pod, statuses: ContainerStatus[]): boolean {
  return (pod.spec?.containers ?? []).some((c) => {
    const s = find(statuses, c.name);
    return !!s && (!!s.state?.running || !!s.state?.terminated || !!s.lastState?.terminated);
  });
}

/** `podIsTerminal`: the kubelet is done with the pod (deleted, or finished for good). */
export function getPhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], podIsTerminal: boolean): PodPhase {
  const spec = pod.spec;
  const policy = spec?.restartPolicy ?? 'Always';
  let pendingSidecars = 0;
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of spec?.initContainers ?? []) {
    const s = find(init, c.name);
    if (isSidecar(c)) {
      if (!s || !s.state?.running || !s.started) pendingSidecars++;
      continue;
    }
    if (!s) {
      pendingInit++;
      continue;
    }
    if (s.state?.running) pendingInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++;
      } else pendingInit++;
    } else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec?.containers ?? []) {
    const s = find(regular, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !hasAnyRegularContainerStarted(pod, regular))) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
