/**
 * What a process inside a container gets as `proc.ctx`: the container's files and the pod's
 * network (the MachineContext every program understands) plus the container's identity and its
 * memory account (exceeding the limit is what OOMKilled means).
 */
import type { MachineContext } from './machine.js';
import type { FileSystem } from './fs.js';
import type { NetNamespace } from './net.js';
import type { Proc } from './process.js';

export interface ContainerIdentity {
  id: string;
  name: string;
  podName: string;
  namespace: string;
  /** Canonical image reference, e.g. `docker.io/library/nginx:latest`. */
  image: string;
}

export interface MemoryAccount {
  /** Charges `bytes` to `proc`; returns false when the container was OOM-killed instead. */
  allocate(proc: Proc, bytes: number): boolean;
  free(proc: Proc, bytes: number): void;
  /** Bytes in use by the container's processes. */
  usage(): number;
  readonly limit: number | undefined;
}

/**
 * A container's CPU cgroup: programs say how many cores they keep busy and what bursts of work cost;
 * the cgroup's quota (the CPU limit) throttles them, and its cumulative usage is what the kubelet reports.
 */
export interface CpuAccount {
  /** `proc` keeps `cores` busy from now on (0: it waits); released when it exits. */
  busy(proc: Proc, cores: number): void;
  /** A burst of work costing `coreMs` milliseconds of one core (answering a request); returns the ms until it is done. */
  spend(coreMs: number): number;
}

export interface ContainerContext extends MachineContext {
  fs: FileSystem;
  net: NetNamespace;
  flavor: 'busybox' | 'gnu';
  user: string;
  container: ContainerIdentity;
  memory: MemoryAccount;
  cpu: CpuAccount;
}

export function containerContextOf(proc: Proc): ContainerContext | undefined {
  const ctx = proc.ctx as Partial<ContainerContext> | undefined;
  return ctx && ctx.container && ctx.memory ? (ctx as ContainerContext) : undefined;
}
