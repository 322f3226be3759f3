/**
 * What every pod worker of a node shares: the API client, the runtime, the node's addresses,
 * the event recorder, the image manager, the crash-loop back-off table and IP allocation.
 */
import type { FeatureGates } from '../api/feature-gates.js';
import type { Clock } from '../clock/clock.js';
import type { ApiClient, KubeObject } from '../api/types.js';
import type { DirNode } from '../kernel/fs.js';
import type { Network } from '../kernel/net.js';
import type { Random } from '../random/random.js';
import type { ContainerRuntime } from '../runtime/types.js';
import type { Backoff } from './backoff.js';
import type { ImageManager } from './images.js';
import type { ProbeAttemptListener } from './probes/types.js';
import type { UserNamespaces } from './userns.js';

/** The EventRecorder surface the kubelet uses (src/events/recorder.ts). */
export interface EventSink {
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
}

export interface NodeContext {
  nodeName: string;
  clock: Clock;
  api: ApiClient;
  runtime: ContainerRuntime;
  network: Network;
  random: Random;
  recorder: EventSink;
  images: ImageManager;
  crashBackoff: Backoff;
  gates: FeatureGates;
  /** The node's InternalIP. */
  hostIP: string;
  /** The node's address on the pod bridge (x.x.x.1 of its pod CIDR): where probes come from. */
  bridgeIP: string;
  allocatable: { cpu: number; memory: number };
  nodeRoot: DirNode;
  claims: Map<string, DirNode>;
  allocateIP(): string;
  releaseIP(ip: string): void;
  /** The ID ranges of the pods in user namespaces of their own (hostUsers: false). */
  userns: UserNamespaces;
  /** Told of every probe attempt (the kubelet's prober metrics), when a host asked. */
  probeAttempted?: ProbeAttemptListener;
}

/** Delay before the kubelet notices a container started or exited (PLEG relist period). */
export const PLEG_RELIST_MS = 1000;
/** Retry delay after a sync that left something waiting (pod_workers backOffPeriod). */
export const SYNC_RETRY_MS = 10_000;
