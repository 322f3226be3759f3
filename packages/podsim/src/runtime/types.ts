/**
 * The contract between the kubelet and the container runtime (what CRI is to a real kubelet).
 * The kubelet decides (when to pull, start, kill, restart); the runtime only does.
 */
import type { DirNode } from '../kernel/fs.js';
import type { NetNamespace } from '../kernel/net.js';
import type { PidNamespace, Proc } from '../kernel/process.js';
import type { InputStream, OutputStream } from '../kernel/streams.js';
import type { RemoteSession } from '../kernel/tty.js';
import type { Waitable } from '../kernel/waitable.js';

export type PullResult =
  | { ok: true; imageRef: string; imageId: string; sizeBytes: number; durationMs: number }
  /** `error` is the runtime's message, shown in `Failed to pull image "x": <error>`. */
  | { ok: false; error: string; durationMs: number; reason: 'ErrImagePull' | 'InvalidImageName' };

export interface LogLine {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Output of one container instance, kept after it exits (for `logs --previous`). */
export interface ContainerLog {
  lines(): readonly LogLine[];
  /** Calls `fn` for each new line; returns unsubscribe (for `logs -f`). */
  follow(fn: (line: LogLine) => void): () => void;
}

export interface ExitInfo {
  exitCode: number;
  /** containerd's reason: 0 → Completed, non-zero → Error, memory limit → OOMKilled. */
  reason: 'Completed' | 'Error' | 'OOMKilled';
  signal?: number;
  finishedAt: number;
  /** Contents of terminationMessagePath (or the log tail with FallbackToLogsOnError), if any. */
  message?: string;
}

export interface MountSpec {
  path: string;
  volume: DirNode;
  readOnly: boolean;
  subPath?: string;
}

/** What the kubelet makes of the pod's and the container's securityContext (pod values already merged in). */
export interface ContainerSecurity {
  runAsUser?: number;
  runAsGroup?: number;
  /** supplementalGroups and fsGroup: added to the process's groups. */
  extraGroups: number[];
  /** supplementalGroupsPolicy Strict: the groups /etc/group gives the image's user are left out. */
  strictGroups: boolean;
  readOnlyRootFilesystem: boolean;
  privileged: boolean;
  capabilities: { add: string[]; drop: string[] };
  /** allowPrivilegeEscalation: false (the no_new_privs bit). */
  noNewPrivs: boolean;
}

export interface ContainerConfig {
  name: string;
  image: string;
  /** Image reference as pulled, for the image's file system and entrypoint. */
  imageRef: string;
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  workingDir?: string;
  mounts: MountSpec[];
  memoryLimitBytes?: number;
  /** limits.cpu in cores: the cgroup's CPU quota. */
  cpuLimitCores?: number;
  tty?: boolean;
  stdin?: boolean;
  terminationMessagePath?: string;
  terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  /** Join this process table instead of the pod's (an ephemeral container's targetContainerName). */
  joinPids?: PidNamespace;
  security?: ContainerSecurity;
}

export type StartResult = { ok: true } | { ok: false; exitCode: number; message: string };

/** A container's cgroup counters as the CRI's ContainerStats reports them. */
export interface ContainerStats {
  /** Cumulative CPU time since the start, in core-milliseconds (cpu.stat usage_usec). */
  cpuCoreMs: number;
  /** memory.current minus inactive file pages: what the OOM killer and `kubectl top` look at. */
  workingSetBytes: number;
}

export interface RuntimeContainer {
  /** 64 hex chars; shown as `containerd://<id>`. */
  readonly id: string;
  readonly name: string;
  readonly startedAt: number | undefined;
  readonly running: boolean;
  /** Signal the image asks to be stopped with (STOPSIGNAL; SIGQUIT for nginx, else SIGTERM). */
  readonly stopSignal: number;
  /** Runs the entrypoint as PID 1 (or the next PID when the pod shares one PID namespace). */
  start(): StartResult;
  /** Settles once when the main process has exited. */
  readonly exited: Waitable<ExitInfo>;
  /** Sends a signal to the container's main process. */
  kill(signal: number): void;
  /** Starts another process in the container (kubectl exec, exec probes); error text as the runtime words it. */
  exec(argv: string[], stdio: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; tty: boolean }): { ok: true; proc: Proc } | { ok: false; exitCode: number; message: string };
  readonly log: ContainerLog;
  /** The container's process table (shared with its siblings under shareProcessNamespace). */
  readonly pids: PidNamespace;
  /** This container's own processes, oldest first (a shared table holds its siblings' too). */
  processes(): Proc[];
  /** Resource usage so far (absent in runtimes that keep no cgroups). */
  stats?(): ContainerStats;
  /** CRI UpdateContainerResources: new cgroup limits for the running container (a limit left out is none). */
  updateResources?(limits: { memoryLimitBytes?: number; cpuLimitCores?: number }): void;
  /**
   * Connects a client to the main process's stdio (`kubectl attach`, `kubectl run -it`): output from
   * now on is copied to `stdout`/`stderr`; with `stdin: true` in the config, `stdin` feeds the process
   * (closing it closes the container's stdin when `stdinOnce`). `size` is the client's terminal size,
   * set on the container's terminal as the runtime's resize does. Returns the detach function and,
   * with stdin, the process's input as a session the client's terminal waits on.
   */
  attach?(stdio: { stdin?: InputStream; stdout: OutputStream; stderr: OutputStream; stdinOnce?: boolean; size?: { cols: number; rows: number } }): {
    detach: () => void;
    session?: RemoteSession;
  };
}

/** CRI DNSConfig: what the runtime writes into the pod's /etc/resolv.conf. */
export interface DnsConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

export interface SandboxConfig {
  podUid: string;
  podName: string;
  namespace: string;
  hostname: string;
  /** The names the kubelet-managed /etc/hosts gives the pod's address (its FQDN first when it has a subdomain); [hostname] when absent. */
  hostNames?: string[];
  ip: string;
  /** hostNetwork: the pod joins the node's network namespace (`ip` is the node's), which outlives it. */
  hostNetwork?: boolean;
  shareProcessNamespace: boolean;
  dns: DnsConfig;
  /** hostUsers: false: the pod's user namespace maps its IDs 0–length-1 to hostId and up (CRI userns_options, mode POD). */
  userns?: UsernsMapping;
  /**
   * The containers' hostPorts (CRI PortMapping): the node's address answers on each and hands the
   * connection to the pod's port, as the CNI portmap plugin's DNAT rules do.
   */
  portMappings?: { hostIP: string; hostPort: number; containerPort: number }[];
}

export interface UsernsMapping {
  hostId: number;
  length: number;
}

export interface PodSandbox {
  readonly id: string;
  readonly ip: string;
  readonly net: NetNamespace;
  createContainer(cfg: ContainerConfig): { ok: true; container: RuntimeContainer } | { ok: false; message: string };
  /** Kills whatever still runs (SIGKILL) and frees the network namespace. */
  destroy(): void;
}

/** One node's container runtime (containerd). Images already pulled stay cached per node. */
export interface ContainerRuntime {
  /** Looks the image up in the simulated registries; the kubelet waits `durationMs` before using it. */
  pull(image: string): PullResult;
  isPresent(image: string): boolean;
  /** Canonical references of the images in the node's store. */
  images(): string[];
  createSandbox(cfg: SandboxConfig): PodSandbox;
}
