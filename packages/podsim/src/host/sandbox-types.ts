/**
 * The one typed API a host (the web worker through comlink, the `podsim` CLI, tests) uses to drive
 * a sandbox: a cluster, the reader's machine and its terminal. Every method is plain data in and out
 * (structured-clone safe) except the listener functions, which comlink passes as proxies.
 */
import type { EditorMode } from '../kubectl/context.js';
import type { ContainerTimeline } from './timeline.js';

export type { ContainerTimeline, ProbeTick, TimelineSpan } from './timeline.js';

export interface SandboxOptions {
  seed?: number;
  /** Worker nodes besides the control plane (default 3). */
  workers?: number;
  /** Files of the reader's working directory, by path relative to it. */
  files?: Record<string, string>;
  /** Documents the sandbox serves at http(s) URLs, e.g. the docs' `https://k8s.io/examples/…` manifests (there is no other web). */
  web?: Record<string, string>;
  /** Cluster add-ons installed from their release manifests when the sandbox starts (`metrics-server`), as `minikube addons enable` does. */
  addons?: string[];
  /** Feature gates every component starts with (`PodLevelResources: true`), as kind's or kubeadm's configuration sets them. */
  featureGates?: Record<string, boolean>;
  cols?: number;
  rows?: number;
}

export interface EditorRequest {
  /** Path relative to the working directory when inside it, else absolute. */
  path: string;
  content: string;
  mode: EditorMode;
}

export interface ContainerView {
  name: string;
  init: boolean;
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  exitCode?: number;
  ready: boolean;
  restarts: number;
  /** Last probe results: 'success' | 'failure' | undefined (not probed yet). */
  probes: { liveness?: string; readiness?: string; startup?: string };
  /** What this container went through on the cluster clock (bounded). */
  timeline?: ContainerTimeline;
  /** In CrashLoopBackOff: the current back-off and when the kubelet may restart it next. */
  backoff?: { ms: number; until: number };
}

/** A Deployment or ReplicaSet, for grouping pods by who owns them. */
export interface WorkloadView {
  kind: 'Deployment' | 'ReplicaSet';
  namespace: string;
  name: string;
  /** `Deployment/name` for a ReplicaSet a Deployment owns. */
  owner?: string;
  replicas: number;
  ready: number;
}

export interface PodView {
  namespace: string;
  name: string;
  node?: string;
  ip?: string;
  phase: string;
  /** What `kubectl get pods` shows in STATUS. */
  status: string;
  ready: string;
  restarts: number;
  deleting: boolean;
  owner?: string;
  containers: ContainerView[];
}

export interface EventView {
  time: number;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

export interface ClusterSnapshot {
  now: number;
  speed: number;
  nodes: { name: string; ready: boolean; controlPlane: boolean }[];
  pods: PodView[];
  workloads?: WorkloadView[];
  events: EventView[];
}

export interface RunResult {
  /** Everything the terminal showed for this line (ANSI-free). */
  output: string;
  exitCode: number;
}

export interface SandboxApi {
  /** Keystrokes / pasted text from the terminal, as raw bytes (e.g. "\r", "\x03", "\x1b[A"). */
  write(data: string): void;
  onOutput(listener: (data: string) => void): void;
  resize(cols: number, rows: number): void;

  listFiles(): string[];
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string): void;
  /** vi/nano/code/kubectl edit in the terminal ask the UI to open a file. */
  onOpenEditor(listener: (req: EditorRequest) => void): void;
  /** The UI closed the editor opened by onOpenEditor (after writeFile when saved). */
  editorClosed(path: string, saved: boolean): void;
  /** Editors still open (a restored page reopens them: the shell is waiting for them to close). */
  pendingEditors(): EditorRequest[];

  now(): number;
  /** Virtual seconds per wall second; 0 pauses. */
  setSpeed(speed: number): void;
  getSpeed(): number;
  /** Moves virtual time forward at once (skip +10s…). */
  advance(ms: number): void;
  /** Called by the host's pacing loop with elapsed wall milliseconds. */
  tick(wallMs: number): void;

  snapshot(): ClusterSnapshot;
  onChange(listener: () => void): void;

  /**
   * Types `line` + Enter into the terminal and resolves when the shell is back at its prompt
   * (or the foreground program is waiting for input, or it runs in the background), advancing
   * virtual time as needed up to `maxVirtualMs`.
   */
  run(line: string, opts?: { maxVirtualMs?: number }): Promise<RunResult>;

  /** Everything needed to rebuild this sandbox deterministically (seed + inputs at virtual times). */
  exportState(): SavedState;
}

export interface SavedState {
  version: 1;
  options: SandboxOptions;
  /** Inputs in order, each at a virtual time offset from the start. */
  inputs: ({ at: number } & ({ kind: 'write'; data: string } | { kind: 'file'; path: string; content: string } | { kind: 'editorClosed'; path: string; saved: boolean } | { kind: 'resize'; cols: number; rows: number } | { kind: 'advance'; ms: number }))[];
  /** Virtual time elapsed when saved. */
  elapsed: number;
  /** Terminal scrollback (restored as is; replay output is not re-shown). */
  scrollback: string;
}
