/**
 * A whole simulated cluster on one virtual clock: API server, one container runtime + kubelet per
 * node, the control-plane controllers, and the cluster network. Nothing moves until `advance`.
 */
import { registerLocalApiServices } from '../api/kinds/apiservice.js';
import { RESOURCES } from '../api/resources.js';
import { ApiServer } from '../api/server.js';
import { FeatureGates } from '../api/feature-gates.js';
import { isReleaseGate } from '../api/metrics/component-metrics.js';
import type { PodStreams } from '../api/types.js';
import { Clock, DEFAULT_START_MS } from '../clock/clock.js';
import { ApiServiceAvailabilityController } from '../controllers/apiservice/availability-controller.js';
import { CronJobController } from '../controllers/cronjob/cronjob-controller.js';
import { DaemonSetController } from '../controllers/daemonset/daemonset-controller.js';
import { DeploymentController } from '../controllers/deployment/deployment-controller.js';
import { DisruptionController } from '../controllers/disruption/disruption-controller.js';
import { EndpointSliceController } from '../controllers/endpointslice/endpointslice-controller.js';
import { EndpointsController } from '../controllers/endpoints/endpoints-controller.js';
import { ServiceProxy } from '../controllers/service-proxy/service-proxy.js';
import { GarbageCollector } from '../controllers/garbage-collector/garbage-collector.js';
import { HorizontalPodAutoscalerController } from '../controllers/hpa/hpa-controller.js';
import { ResourceQuotaController } from '../controllers/resourcequota/resourcequota-controller.js';
import { JobController } from '../controllers/job/job-controller.js';
import { ReplicaSetController } from '../controllers/replicaset/replicaset-controller.js';
import { Scheduler } from '../controllers/scheduler/scheduler.js';
import { StatefulSetController } from '../controllers/statefulset/statefulset-controller.js';
import { StorageProtectionController } from '../controllers/volume/protection.js';
import { LocalPathProvisioner } from '../controllers/volume/local-path-provisioner.js';
import { PersistentVolumeController } from '../controllers/volume/pv-controller.js';
import { TokensController } from '../controllers/serviceaccount/tokens-controller.js';
import { TtlAfterFinishedController } from '../controllers/ttl-after-finished/ttl-after-finished-controller.js';
import type { ControllerContext } from '../controllers/shared/context.js';
import { Informers } from '../controllers/shared/informer.js';
import type { DirNode } from '../kernel/fs.js';
import { CONTROL_PLANE_IMAGES, WORKER_IMAGES } from '../images/node-images.js';
import { Network } from '../kernel/net.js';
import { Kubelet } from '../kubelet/kubelet.js';
import { LazyPart, whenAllLoaded } from '../lazy/part.js';
import { Random } from '../random/random.js';
import { Runtime } from '../runtime/runtime.js';
import { publishApiServerEndpoints } from './apiserver-endpoints.js';
import { serveApiInCluster } from './apiserver-listener.js';
import { installClusterDns } from './cluster-dns.js';
import { installLocalPathStorageClass } from './local-path-storage.js';
import { attachUpstreamDns } from './upstream-dns.js';
import { PodStreamRouter } from './pod-streams.js';
import { clusterNodes, type NodeSpec } from './topology.js';
import kubeadmInit from './control-plane.lazy.js';
import type { ProbeAttemptListener } from '../kubelet/probes/types.js';

/** kubeadm's static pod manifests and kube-proxy add-on: nothing at boot needs them (the site loads them after the prompt). */
const KUBEADM = new LazyPart('control-plane', kubeadmInit);

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes besides the control plane (default 3). */
  workers?: number;
  /** Virtual start time, ms since the epoch (default 2026-11-27T09:00:00Z). */
  startTime?: number;
  /** `--feature-gates` of every component: the gates set here differ from the release's defaults. */
  featureGates?: Readonly<Record<string, boolean>>;
}

export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly api: ApiServer;
  readonly gates: FeatureGates;
  readonly network: Network;
  readonly streams: PodStreams;
  readonly nodes: readonly NodeSpec[];
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly probeListeners = new Set<ProbeAttemptListener>();

  constructor(opts: ClusterOptions = {}) {
    this.clock = new Clock(opts.startTime ?? DEFAULT_START_MS);
    this.random = new Random(opts.seed ?? 1);
    this.gates = new FeatureGates(opts.featureGates, isReleaseGate);
    this.api = new ApiServer({ clock: this.clock, random: this.random, gates: this.gates });
    this.network = new Network();
    this.api.attachNetwork(this.network);
    attachUpstreamDns(this.network);
    const ctx: ControllerContext = { api: this.api, clock: this.clock, random: this.random, informers: new Informers(this.api) };
    const scheduler = new Scheduler(ctx);
    const proxy = new ServiceProxy(ctx, this.network, () => this.nodes.map((n) => ({ name: n.name, ip: n.internalIP })));
    const controllers = [
      scheduler,
      new ReplicaSetController(ctx),
      new DeploymentController(ctx),
      new JobController(ctx),
      new CronJobController(ctx),
      new DaemonSetController(ctx),
      new StatefulSetController(ctx),
      new TtlAfterFinishedController(ctx),
      new GarbageCollector(ctx),
      new EndpointsController(ctx, this.network),
      proxy,
      new EndpointSliceController(ctx),
      new PersistentVolumeController(ctx),
      new StorageProtectionController(ctx),
      new LocalPathProvisioner(ctx, new Random((opts.seed ?? 1) ^ 0x6c707370)),
      new TokensController(ctx),
      new ApiServiceAvailabilityController(ctx, this.network),
      new HorizontalPodAutoscalerController(ctx),
      new ResourceQuotaController(ctx),
      new DisruptionController(ctx),
    ];
    for (const c of controllers) c.start();
    ctx.informers.startAll();
    this.nodes = clusterNodes(opts.workers ?? 3);
    const [controlPlane, ...workers] = this.nodes;
    publishApiServerEndpoints(this.api, controlPlane.internalIP);
    // A network-attached volume's contents follow a pod to whichever node it lands on.
    const claims = new Map<string, DirNode>();
    // kubeadm init: the control plane and its add-ons are up before any worker joins.
    this.addNode(controlPlane, claims).preload(CONTROL_PLANE_IMAGES);
    installClusterDns(this.api, opts.seed ?? 1, () => this.settleAddOns(scheduler));
    this.api.withIdentities(new Random((opts.seed ?? 1) ^ 0x73746f72), () => installLocalPathStorageClass(this.api));
    const groupVersions = new Map(RESOURCES.flatMap((r) => [r.version, ...(r.otherVersions ?? [])].map((version) => [`${version}.${r.group}`, { group: r.group, version }] as const)));
    // Their own identifiers, so that registering them does not shift what a seed gives everything else.
    this.api.withIdentities(new Random((opts.seed ?? 1) ^ 0x61706973), () => registerLocalApiServices(this.api, [...groupVersions.values()], this.clock.now()));
    for (const node of workers) this.addNode(node, claims).preload(WORKER_IMAGES);
    for (const node of this.nodes) proxy.addNode(node.internalIP);
    serveApiInCluster(this.api, this.clock, this.network, controlPlane.name, controlPlane.internalIP);
    // The kubelet reads the manifests with the YAML parser and runs the images' families: every part must be there.
    (whenAllLoaded() ?? KUBEADM.whenLoaded()).subscribe(() =>
      KUBEADM.get()(this, opts.seed ?? 1, () => this.settleAddOns(scheduler)),
    );
    this.streams = new PodStreamRouter(this.api, (name) => this.kubelets.get(name));
  }

  /** Runs the controllers until every add-on pod is bound, without letting the clock move. */
  private settleAddOns(scheduler: Scheduler): void {
    this.clock.flush();
    scheduler.hurry();
    this.clock.flush();
  }

  private addNode(node: NodeSpec, claims: Map<string, DirNode>): Runtime {
    const runtime = new Runtime({ clock: this.clock, random: this.random, network: this.network, nodeName: node.name });
    const kubelet = new Kubelet({
      nodeName: node.name,
      controlPlane: node.controlPlane,
      clock: this.clock,
      api: this.api,
      runtime,
      random: this.random,
      network: this.network,
      podCIDR: node.podCIDR,
      gates: this.gates,
      claims,
      probeAttempted: (attempt) => {
        for (const listener of this.probeListeners) listener(attempt);
      },
    });
    this.kubelets.set(node.name, kubelet);
    kubelet.start();
    return runtime;
  }

  /** Every probe attempt on any node, as the kubelets' prober metrics count them; returns the unsubscribe. */
  onProbeAttempt(listener: ProbeAttemptListener): () => void {
    this.probeListeners.add(listener);
    return () => this.probeListeners.delete(listener);
  }

  kubelet(nodeName: string): Kubelet | undefined {
    return this.kubelets.get(nodeName);
  }

  nodeNames(): string[] {
    return [...this.kubelets.keys()];
  }

  advance(ms: number): void {
    this.clock.advance(ms);
  }
}
