/**
 * What one sync of a pod must do, decided from the pod and what the runtime reports, with no side
 * effect: the pod worker then carries the actions out.
 * Models pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions and
 * computeInitContainerActions (1.32, restartable init containers). The sandbox of this runtime never
 * dies under a running pod, so the "sandbox changed" branch is reduced to "no sandbox yet".
 */
import type { Container, Pod } from '../api/types.js';
import { isSidecar } from './pod-phase.js';
import { shouldRestart } from './restart-policy.js';

/** The latest instance of one container, as the runtime reports it. */
export interface ContainerRuntimeState {
  state: 'running' | 'exited' | 'created' | 'unknown';
  exitCode?: number;
  /** The instance was created from another spec than the pod's current one. */
  specChanged?: boolean;
  /** A liveness or startup probe of this instance failed. */
  probeFailed?: 'liveness' | 'startup';
  /** The startup probe passed (true when there is none). */
  started?: boolean;
}

export interface PodRuntimeStatus {
  sandbox: boolean;
  /** By container name; a container that never had an instance is absent. */
  containers: ReadonlyMap<string, ContainerRuntimeState>;
}

export interface ContainerToKill {
  name: string;
  init: boolean;
  reason: 'liveness' | 'startup' | 'changed' | 'unknown';
  /** The Killing event's text. */
  message: string;
}

export interface PodActions {
  createSandbox: boolean;
  /** Initialisation failed for good (restartPolicy Never): stop the pod. */
  killPod: boolean;
  initContainersToStart: string[];
  containersToStart: string[];
  containersToKill: ContainerToKill[];
}

type KillReason = ContainerToKill['reason'];

/** ShouldContainerBeRestarted for a container that is not running. */
function restartable(policy: string, s: ContainerRuntimeState): boolean {
  if (s.state === 'created' || s.state === 'unknown') return true;
  return shouldRestart(policy, s.exitCode, false);
}

function kill(actions: PodActions, name: string, init: boolean, reason: KillReason, message: string): void {
  actions.containersToKill.push({ name, init, reason, message });
}

const UNKNOWN_MESSAGE = 'Container is in "unknown" state, try killing it before restart';

/** Restartable init containers count as initialised once started; the next one may then start. */
function sidecarActions(c: Container, next: Container | undefined, s: ContainerRuntimeState, before: boolean, actions: PodActions): boolean {
  if (s.state === 'created' || s.state === 'exited') {
    actions.initContainersToStart.push(c.name);
    return false;
  }
  if (s.state === 'unknown') {
    kill(actions, c.name, true, 'unknown', UNKNOWN_MESSAGE);
    actions.initContainersToStart.push(c.name);
    return false;
  }
  if (s.probeFailed === 'startup') {
    kill(actions, c.name, true, 'startup', `Init container ${c.name} failed startup probe`);
    actions.initContainersToStart.push(c.name);
    return false;
  }
  if (!s.started) return false;
  if (next && !before) actions.initContainersToStart.push(next.name);
  if (s.specChanged) {
    kill(actions, c.name, true, 'changed', `Init container ${c.name} definition changed`);
    actions.initContainersToStart.push(c.name);
  } else if (s.probeFailed === 'liveness') {
    kill(actions, c.name, true, 'liveness', `Init container ${c.name} failed liveness probe`);
    actions.initContainersToStart.push(c.name);
  }
  return !next;
}

/**
 * computeInitContainerActions: walks the init containers from the last one back (finished ones may
 * have been removed from the runtime, so the last one known decides), restarting sidecars that need
 * it and naming the next init container to run. Returns whether initialisation is complete.
 */
function initActions(pod: Pod, status: PodRuntimeStatus, actions: PodActions): boolean {
  const inits = pod.spec?.initContainers ?? [];
  if (!inits.length) return true;
  const restartOnFailure = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
  let initialised = (pod.spec?.containers ?? []).some((c) => {
    const st = status.containers.get(c.name)?.state;
    return st === 'created' || st === 'running';
  });
  let before = initialised;
  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i]!;
    const s = status.containers.get(c.name);
    const next = inits[i + 1];
    if (!s) {
      if (before && isSidecar(c)) actions.initContainersToStart.push(c.name);
      continue;
    }
    if (before && !isSidecar(c)) continue;
    if (isSidecar(c)) {
      if (sidecarActions(c, next, s, before, actions)) initialised = true;
    } else if (s.state === 'created') actions.initContainersToStart.push(c.name);
    else if (s.state === 'exited' && s.exitCode === 0) {
      if (next) actions.initContainersToStart.push(next.name);
      else initialised = true;
    } else if (s.state !== 'running') {
      if (!restartOnFailure) {
        actions.killPod = true;
        actions.initContainersToStart = [];
        return false;
      }
      if (s.state === 'unknown') kill(actions, c.name, true, 'unknown', UNKNOWN_MESSAGE);
      actions.initContainersToStart.push(c.name);
    }
    before = true;
  }
  if (!before) actions.initContainersToStart.push(inits[0]!.name);
  // Collected from the last one back: start them in spec order.
  actions.initContainersToStart.reverse();
  return initialised;
}

export function computePodActions(pod: Pod, status: PodRuntimeStatus): PodActions {
  const actions: PodActions = { createSandbox: !status.sandbox, killPod: false, initContainersToStart: [], containersToStart: [], containersToKill: [] };
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const initialised = initActions(pod, status, actions);
  if (actions.killPod || !initialised) return actions;
  let keep = 0;
  for (const c of pod.spec?.containers ?? []) {
    const s = status.containers.get(c.name);
    if (!s || s.state !== 'running') {
      if (!s || restartable(policy, s)) {
        actions.containersToStart.push(c.name);
        if (s?.state === 'unknown') kill(actions, c.name, false, 'unknown', UNKNOWN_MESSAGE);
      }
      continue;
    }
    let restart = policy !== 'Never';
    let reason: KillReason;
    let message: string;
    if (s.specChanged) {
      // A changed spec restarts whatever the policy.
      restart = true;
      reason = 'changed';
      message = `Container ${c.name} definition changed`;
    } else if (s.probeFailed) {
      reason = s.probeFailed;
      message = `Container ${c.name} failed ${s.probeFailed} probe`;
    } else {
      keep++;
      continue;
    }
    if (restart) {
      message += ', will be restarted';
      actions.containersToStart.push(c.name);
    }
    kill(actions, c.name, false, reason, message);
  }
  // Nothing left running and nothing to start: the pod is done.
  if (keep === 0 && actions.containersToStart.length === 0) actions.killPod = true;
  return actions;
}
