/**
 * What the kubelet knows about a pod's containers on its node, in the shape the status generator
 * reads: the latest two instances per container (kuberuntime keeps them for state/lastState), the
 * attempt counter, and the reason cache entry of the last failed start.
 * Models pkg/kubelet/container/runtime.go PodStatus and pkg/kubelet/reason_cache.go.
 */

import type { Container, ResourceRequirements } from '../api/types.js';

export interface ExitRecord {
  exitCode: number;
  /** Completed, Error, OOMKilled, or StartError for a process that never ran. */
  reason: string;
  finishedAt: number;
  message?: string;
}

export interface InstanceRecord {
  /** 64 hex characters; the status shows `containerd://<id>`. */
  id: string;
  /** Normalised reference (`docker.io/library/nginx:latest`). */
  image: string;
  /** `docker.io/library/nginx@sha256:…` */
  imageId: string;
  /** Undefined when the process never started (StartError reports the Unix epoch). */
  startedAt?: number;
  /** Set once the instance has exited. */
  exit?: ExitRecord;
  /** What the kubelet allocated to it, tracked with InPlacePodVerticalScaling on (status.containerStatuses[].resources). */
  allocated?: ResourceRequirements;
}

/**
 * What a change of makes the kubelet restart a container (its hash): resources and resize policies change
 * in place, through pods/resize.
 */
export function containerHash(c: Container): string {
  return JSON.stringify({ ...c, resources: undefined, resizePolicy: undefined });
}

export interface ContainerRecord {
  name: string;
  current?: InstanceRecord;
  /** The instance before `current` (only kept once exited). */
  previous?: InstanceRecord;
  /** Attempt number of `current` (0 for the first instance). */
  restartCount: number;
  /** Why the last start attempt failed (CrashLoopBackOff, ErrImagePull, CreateContainerConfigError…). */
  waiting?: { reason: string; message: string };
}

/** Probe verdicts the status needs for a running container (prober_manager UpdatePodStatus). */
export interface ProbeView {
  started: boolean;
  ready: boolean;
}

export function isRunning(c: ContainerRecord | undefined): boolean {
  return !!c?.current && !c.current.exit && c.current.startedAt !== undefined;
}
