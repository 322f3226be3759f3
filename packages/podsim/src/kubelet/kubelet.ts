/**
 * One node's kubelet: registers the Node, watches the pods bound to it and runs one PodWorker per
 * pod, and serves exec/logs/port-forward for them.
 * Models pkg/kubelet/kubelet.go (syncLoop over the API pod source, HandlePodAdditions/Updates/Removes)
 * and kubelet_node_status.go (registerWithAPIServer).
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import { parseQuantity } from '../api/quantity.js';
import type { ApiClient, Pod, PodStreams } from '../api/types.js';
import { EventRecorder } from '../events/recorder.js';
import { FileSystem, newDir, type DirNode } from '../kernel/fs.js';
import { NetNamespace, type HttpRequest, type HttpResponse, type Network } from '../kernel/net.js';
import type { Random } from '../random/random.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { Backoff } from './backoff.js';
import { DEFAULT_GATES, type FeatureGates } from '../api/feature-gates.js';
import { ImageManager } from './images.js';
import { Ipam } from './ipam.js';
import { UserNamespaces } from './userns.js';
import type { NodeContext } from './node-context.js';
import { heartbeat, nodeObject } from './node.js';
import { rfc3339 } from '../api/objects.js';
import { componentMetricsText, METRICS_CONTENT_TYPE } from '../api/metrics/component-metrics.js';
import { PodWorker } from './pod-worker.js';
import { KubeletStreams } from './streams.js';
import type { ProbeAttemptListener } from './probes/types.js';
import { KUBELET_PORT, NODE_SYSTEM, resourceMetricsText, type PodSample } from './resource-metrics.js';
import { KubeletJournal } from './journal.js';
import { readKubeletConfig, writeNodeFiles } from './node-files.js';
import { CONFIG_MIRROR } from './static-source.js';
import { StaticPods } from './static-pods.js';
import { SIGNALS } from '../kernel/signals.js';

export interface KubeletOptions {
  nodeName: string;
  controlPlane: boolean;
  clock: Clock;
  api: ApiClient;
  runtime: ContainerRuntime;
  random: Random;
  network: Network;
  podCIDR: string;
  capacity?: { cpu: string; memory: string; pods: string };
  /** Directories of network-attached PersistentVolumes, by volume name, shared by all nodes; per kubelet when absent. */
  claims?: Map<string, DirNode>;
  probeAttempted?: ProbeAttemptListener;
  /** The gates the kubelet was started with (the cluster's). */
  gates?: FeatureGates;
}

/** How often the kubelet reports node status when nothing changed (nodeStatusReportFrequency). */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

export const DEFAULT_CAPACITY = { cpu: '2', memory: '4025236Ki', pods: '110' };

/** 10.244.<n>.0/24 → 172.18.0.<n+2>, the kind/kubeadm-style node address. */
export function nodeAddress(podCIDR: string): string {
  const third = Number(podCIDR.split('.')[2] ?? 0);
  return `172.18.0.${(Number.isFinite(third) ? third : 0) + 2}`;
}

export class Kubelet implements PodStreams {
  readonly nodeName: string;
  /** The node's own file system (hostPath volumes, the kubelet's config and its static pod folder live here). */
  readonly root: DirNode;
  /** The kubelet's log, as `journalctl -u kubelet` shows it on the node. */
  readonly journal: KubeletJournal;
  private readonly statics: StaticPods;
  /** When the node booted, and when the running kubelet process started (`systemctl status`). */
  readonly bootedAt: number;
  startedAt: number;
  private readonly opts: KubeletOptions;
  private readonly ctx: NodeContext;
  private readonly workers = new Map<string, PodWorker>();
  private readonly streams: KubeletStreams;
  private readonly capacity: { cpu: string; memory: string; pods: string };
  private readonly stops: (() => void)[] = [];
  private heartbeatTimer: TimerHandle | undefined;

  constructor(opts: KubeletOptions) {
    this.opts = opts;
    this.nodeName = opts.nodeName;
    this.capacity = opts.capacity ?? DEFAULT_CAPACITY;
    this.root = newDir(opts.clock.now());
    const ipam = new Ipam(opts.podCIDR);
    this.ctx = {
      nodeName: opts.nodeName,
      clock: opts.clock,
      api: opts.api,
      runtime: opts.runtime,
      network: opts.network,
      random: opts.random,
      recorder: new EventRecorder(opts.api, opts.clock, { component: 'kubelet', host: opts.nodeName }),
      images: new ImageManager(opts.clock, opts.runtime),
      crashBackoff: new Backoff(),
      gates: opts.gates ?? DEFAULT_GATES,
      hostIP: nodeAddress(opts.podCIDR),
      bridgeIP: ipam.gateway,
      allocatable: { cpu: parseQuantity(this.capacity.cpu) ?? 2, memory: (parseQuantity(this.capacity.memory) ?? 4 * 2 ** 30) - 100 * 2 ** 20 },
      nodeRoot: this.root,
      claims: opts.claims ?? new Map(),
      allocateIP: () => ipam.allocate(),
      releaseIP: (ip) => ipam.release(ip),
      userns: new UserNamespaces(),
      probeAttempted: opts.probeAttempted,
    };
    this.streams = new KubeletStreams((ns, name) => this.findWorker(ns, name));
    const fs = new FileSystem(() => opts.clock.now(), this.root);
    writeNodeFiles(fs, opts.nodeName);
    // Not from the seeded random source: a log's pid must not shift the names everything else gets.
    this.bootedAt = this.startedAt = opts.clock.now();
    this.journal = new KubeletJournal(opts.clock, opts.nodeName, 700 + ([...opts.nodeName].reduce((n, c) => n + c.charCodeAt(0), 0) % 300));
    this.statics = new StaticPods({ ctx: this.ctx, fs, journal: this.journal, run: (pod) => this.runStatic(pod) });
  }

  /** `systemctl restart kubelet`: a new process reads its config file again and lists its static pods at once. */
  restart(): void {
    // systemd 249's wording (Ubuntu 22.04): the unit's description, without its name.
    this.journal.systemd('Stopping kubelet: The Kubernetes Node Agent...');
    this.journal.systemd('kubelet.service: Deactivated successfully.');
    this.journal.systemd('Stopped kubelet: The Kubernetes Node Agent.');
    this.journal.pid += 1 + (this.opts.clock.now() % 2000);
    this.startedAt = this.opts.clock.now();
    this.journal.systemd('Started kubelet: The Kubernetes Node Agent.');
    this.startStaticPods();
  }

  private startStaticPods(): void {
    const config = readKubeletConfig(new FileSystem(() => this.opts.clock.now(), this.root));
    this.statics.start(config.staticPodPath, config.fileCheckMs);
  }

  private runStatic(pod: Pod): PodWorker {
    const uid = pod.metadata?.uid ?? '';
    // The same file back again while its previous pod still stops: that one finishes under another key.
    const previous = this.workers.get(uid);
    if (previous) {
      this.workers.delete(uid);
      if (!previous.terminated) {
        const key = `${uid}/stopping-${this.opts.clock.now()}`;
        this.workers.set(key, previous);
        const done = previous.onTerminated;
        previous.onTerminated = () => {
          this.workers.delete(key);
          done?.();
        };
      }
    }
    const worker = new PodWorker(this.ctx, pod, true);
    worker.onTerminated = () => {
      if (this.workers.get(uid) === worker) this.workers.delete(uid);
    };
    this.workers.set(uid, worker);
    worker.schedule(0);
    return worker;
  }

  get hostIP(): string {
    return this.ctx.hostIP;
  }

  /** The node's own network namespace (its address on the nodes' network and the ports its daemons serve). */
  get hostNet(): NetNamespace | undefined {
    return this.opts.network.namespaceOf(this.ctx.hostIP);
  }

  start(): void {
    if (this.stops.length) return;
    this.opts.clock.cancel(this.heartbeatTimer);
    const node = nodeObject({ name: this.nodeName, controlPlane: this.opts.controlPlane, podCIDR: this.opts.podCIDR, internalIP: this.ctx.hostIP, capacity: this.capacity, now: this.opts.clock.now(), random: this.opts.random });
    this.opts.api.create('nodes', undefined, node);
    this.scheduleHeartbeat();
    this.serveOnNodePort();
    this.journal.systemd('Started kubelet: The Kubernetes Node Agent.');
    this.startStaticPods();
    const api = this.opts.api;
    this.stops.push(api.watch('pods', undefined, (ev) => this.onPod(ev.type, ev.object as unknown as Pod), { fieldSelector: `spec.nodeName=${this.nodeName}`, resourceVersion: '0' }));
    for (const kind of ['configmaps', 'secrets'] as const) {
      this.stops.push(
        api.watch(kind, undefined, (ev) => {
          if (ev.type !== 'MODIFIED') return;
          const { namespace, name } = ev.object.metadata;
          for (const w of this.workers.values()) if (w.pod.metadata?.namespace === namespace) w.objectChanged(kind, name ?? '');
        }),
      );
    }
  }

  private scheduleHeartbeat(): void {
    this.heartbeatTimer = this.opts.clock.setTimer(NODE_STATUS_REPORT_MS, () => {
      const { api, clock } = this.opts;
      const r = api.get('nodes', undefined, this.nodeName);
      if (r.ok) api.updateStatus('nodes', undefined, { ...r.value, status: heartbeat(r.value.status as Record<string, unknown> | undefined, rfc3339(clock.now())) });
      this.scheduleHeartbeat();
    });
  }

  /** The kubelet's own server on the node's address (port 10250): health and the resource metrics. */
  private serveOnNodePort(): void {
    const network = this.opts.network;
    let net = network.namespaceOf(this.ctx.hostIP);
    if (!net) {
      net = new NetNamespace(this.ctx.hostIP, network);
      network.attach(net);
    }
    const startedAt = this.opts.clock.now();
    const system = this.opts.controlPlane ? NODE_SYSTEM.controlPlane : NODE_SYSTEM.worker;
    net.listen({ port: KUBELET_PORT, owner: 'kubelet', http: (req) => this.answer(req, { ...system, startedAt }) });
  }

  private answer(req: HttpRequest, node: { cores: number; bytes: number; startedAt: number }): HttpResponse {
    const path = req.path.split('?')[0];
    // Webhook authentication: a request without a bearer token or client certificate is anonymous, which kubeadm turns off.
    if (!req.clientCert && !/^Bearer \S/.test(req.headers.Authorization ?? '')) return { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Unauthorized' };
    if (path === '/healthz') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' };
    if (path === '/metrics') return { status: 200, headers: { 'Content-Type': METRICS_CONTENT_TYPE }, body: componentMetricsText(this.ctx.gates) };
    if (path !== '/metrics/resource') return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
    return { status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, body: resourceMetricsText(node, this.podSamples(), this.opts.clock.now()) };
  }

  /** Every running container's counters, pod by pod. */
  private podSamples(): PodSample[] {
    const out: PodSample[] = [];
    for (const w of this.workers.values()) {
      if (w.terminated) continue;
      const containers: PodSample['containers'] = [];
      for (const c of w.pod.spec?.containers ?? []) {
        const rt = w.runningContainer(c.name);
        const stats = rt?.stats?.();
        if (rt && stats && rt.startedAt !== undefined) containers.push({ name: c.name, startedAt: rt.startedAt, stats });
      }
      out.push({ pod: w.pod, containers });
    }
    return out;
  }

  /** Stops watching (the node goes away); running pods keep running. */
  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.opts.clock.cancel(this.heartbeatTimer);
    this.statics.stop();
  }

  private onPod(type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod): void {
    // A mirror pod only shows a static pod: the manifest folder, not the API, says what runs.
    if (pod.metadata?.annotations?.[CONFIG_MIRROR] !== undefined) return this.statics.onMirror(type, pod);
    const uid = pod.metadata?.uid ?? '';
    const w = this.workers.get(uid);
    if (type === 'DELETED') {
      if (!w) return;
      if (w.terminated) this.workers.delete(uid);
      else w.orphan();
      return;
    }
    if (w) {
      w.update(pod);
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      // Finished before this kubelet saw it: nothing runs; a deleted one just goes away.
      if (pod.metadata?.deletionTimestamp) this.opts.api.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0 });
      return;
    }
    const worker = new PodWorker(this.ctx, pod);
    worker.onTerminated = () => {
      if (worker.isOrphaned) this.workers.delete(uid);
    };
    this.workers.set(uid, worker);
    worker.schedule(0);
  }

  private findWorker(namespace: string, name: string): PodWorker | undefined {
    let found: PodWorker | undefined;
    for (const w of this.workers.values()) {
      if (w.pod.metadata?.namespace !== namespace || w.pod.metadata?.name !== name) continue;
      if (!w.isOrphaned) return w;
      found ??= w;
    }
    return found;
  }

  exec(...args: Parameters<PodStreams['exec']>): ReturnType<PodStreams['exec']> {
    return this.streams.exec(...args);
  }

  logs(...args: Parameters<PodStreams['logs']>): ReturnType<PodStreams['logs']> {
    return this.streams.logs(...args);
  }

  attach(...args: Parameters<PodStreams['attach']>): ReturnType<PodStreams['attach']> {
    return this.streams.attach(...args);
  }

  portForward(...args: Parameters<PodStreams['portForward']>): ReturnType<PodStreams['portForward']> {
    return this.streams.portForward(...args);
  }

  /** Current probe results per container of a pod on this node (Success/Failure/Unknown). */
  probeResults(podUid: string): Record<string, { liveness?: string; readiness?: string; startup?: string }> {
    const w = this.workers.get(podUid);
    if (!w) return {};
    return w.probes.results((name) => w.currentId(name));
  }

  /** The pods it runs or stops, for views of its runtime (crictl). */
  podWorkers(): PodWorker[] {
    return [...this.workers.values()];
  }

  /** Canonical references of the images in its runtime's store. */
  runtimeImages(): string[] {
    return this.opts.runtime.images();
  }

  /** `crictl stop`: the runtime kills the container at once (timeout 0); the kubelet sees it exit and restarts it per policy. */
  stopContainer(id: string): void {
    for (const w of this.workers.values()) w.instance(id)?.kill(SIGNALS.SIGKILL);
  }

  /** Pods this kubelet is running or stopping (for node views and tests). */
  podUids(): string[] {
    return [...this.workers.keys()];
  }
}
