/**
 * default-scheduler (k8s pkg/scheduler/schedule_one.go): filters nodes, scores the feasible ones,
 * binds, and records Scheduled / FailedScheduling. Pods that fit nowhere stay Pending with
 * PodScheduled=False and are retried when nodes or bound pods change (back-off 1 s doubling to
 * 10 s), and at least every 5 minutes (podMaxInUnschedulablePodsDuration).
 */
import type { KubeObject, Node, Pod, PodCondition } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { controllerOf } from '../shared/owners.js';
import { isTerminal, podCondition } from '../shared/pods.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { addExtended, filterNode, fitErrorMessage, hostPortsOf, isNodeReady, podRequests, type NodeUsage } from './predicates.js';
import { bestCandidates, leastAllocatedScore, nonZero, type Candidate } from './scoring.js';
import { delayedClaims, unboundClaimsMessage, VOLUME_NODE_CONFLICT, volumeNodeConflict } from './volume-binding.js';
import { ANN_SELECTED_NODE, type ClaimObj, type ClassObj, type VolumeObj } from '../volume/binder.js';

export const SCHEDULER_NAME = 'default-scheduler';
/** A scheduling cycle plus the binding round trip, as seen in real event timestamps. */
const SCHEDULING_LATENCY_MS = 25;
const BACKOFF_INITIAL_MS = 1000;
const BACKOFF_MAX_MS = 10_000;
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

type PodObj = Pod & KubeObject;
type NodeObj = Node & KubeObject;

interface NodeInfo {
  usage: NodeUsage;
  requestedNonZero: { milliCpu: number; memory: number };
  owners: Map<string, number>;
}

export class Scheduler {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<PodObj>;
  private readonly nodes: Informer<NodeObj>;
  private readonly claims: Informer<ClaimObj>;
  private readonly classes: Informer<ClassObj>;
  private readonly volumes: Informer<VolumeObj>;
  /** Pods whose node is chosen, held in PreBind until their delayed claims are bound (pod key → node). */
  private readonly awaitingVolumes = new Map<string, string>();
  /** Unschedulable pods and how many attempts they had. */
  private readonly unschedulable = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.scheduleOne(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: SCHEDULER_NAME });
    this.pods = ctx.informers.for('pods');
    this.nodes = ctx.informers.for('nodes');
    this.claims = ctx.informers.for('persistentvolumeclaims');
    this.classes = ctx.informers.for('storageclasses');
    this.volumes = ctx.informers.for('persistentvolumes');
  }

  start(): void {
    this.pods.onChange((type, pod, old) => {
      const key = keyOf(pod);
      if (type === 'DELETED' || pod.spec?.nodeName) {
        this.unschedulable.delete(key);
        this.awaitingVolumes.delete(key);
        if (old?.spec?.nodeName && (type === 'DELETED' || (isTerminal(pod) && !isTerminal(old)))) this.retryUnschedulable();
        return;
      }
      if (!this.wantsScheduling(pod)) return;
      // Our own status write (PodScheduled=False) must not trigger another attempt.
      if (this.unschedulable.has(key) && old && JSON.stringify(old.spec) === JSON.stringify(pod.spec)) return;
      this.queue.addAfter(key, SCHEDULING_LATENCY_MS);
    });
    this.nodes.onChange((type, node, old) => {
      if (type === 'DELETED' || !old || schedulingView(old) !== schedulingView(node)) this.retryUnschedulable();
    });
    // Any write may be the binding (the binder's own cache write-through hides the old state).
    this.claims.onChange((type) => {
      if (type === 'DELETED') return;
      this.retryUnschedulable();
      for (const key of this.awaitingVolumes.keys()) this.queue.add(key);
    });
  }

  /** Binds what waits out the scheduling latency at once: add-ons installed before the clock starts. */
  hurry(): void {
    this.queue.hurry();
  }

  private wantsScheduling(pod: Pod): boolean {
    return !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && !isTerminal(pod) && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
  }

  private retryUnschedulable(): void {
    for (const [key, attempts] of this.unschedulable) this.queue.addAfter(key, backoff(attempts));
  }

  private scheduleOne(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.get(namespace, name);
    if (!pod || !this.wantsScheduling(pod)) return;
    if (this.awaitingVolumes.has(key)) return this.finishVolumeBinding(pod);
    const nodes = this.nodes.list().sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const volumes = unboundClaimsMessage(pod, this.claims, this.classes);
    if (volumes) return this.failed(pod, fitErrorMessage(nodes.length, nodes.map(() => ({ reasons: [], resolvable: false })), volumes));
    const infos = this.nodeInfos(pod);
    const requests = podRequests(pod);
    const feasible: Candidate[] = [];
    const failures: { reasons: string[]; resolvable: boolean }[] = [];
    const ownerUid = controllerOf(pod)?.uid;
    for (const node of nodes) {
      const info = infos.get(node.metadata.name ?? '') ?? emptyInfo();
      const fit = filterNode(pod, node, info.usage, requests);
      const r = fit.fits && volumeNodeConflict(pod, node, this.claims, this.volumes) ? { fits: false, reasons: [VOLUME_NODE_CONFLICT], resolvable: false } : fit;
      if (!r.fits) failures.push(r);
      else feasible.push({ node, leastAllocated: leastAllocatedScore(node, info.requestedNonZero, nonZero(requests)), sameOwner: ownerUid ? (info.owners.get(ownerUid) ?? 0) : 0 });
    }
    if (feasible.length === 0) return this.failed(pod, fitErrorMessage(nodes.length, failures));
    const best = bestCandidates(feasible);
    const chosen = feasible[best.length === 1 ? best[0] : best[this.ctx.random.int(best.length)]].node.metadata?.name ?? '';
    this.assumeVolumes(pod, chosen);
  }

  /** PreBind: a delayed claim learns its node (for its provisioner) and the pod waits for it to bind. */
  private assumeVolumes(pod: PodObj, node: string): void {
    const delayed = delayedClaims(pod, this.claims, this.classes);
    if (delayed.length === 0) return this.bind(pod, node);
    this.awaitingVolumes.set(keyOf(pod), node);
    for (const claim of delayed) {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === node) continue;
      const annotations = { ...(claim.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node };
      const res = this.ctx.api.update<ClaimObj>('persistentvolumeclaims', claim.metadata.namespace, { ...claim, metadata: { ...claim.metadata, annotations } });
      if (res.ok) this.claims.store(res.value);
    }
  }

  private finishVolumeBinding(pod: PodObj): void {
    if (delayedClaims(pod, this.claims, this.classes).length > 0) return;
    const key = keyOf(pod);
    const node = this.awaitingVolumes.get(key) ?? '';
    this.awaitingVolumes.delete(key);
    this.bind(pod, node);
  }

  private bind(pod: PodObj, node: string): void {
    const key = keyOf(pod);
    const res = this.ctx.api.bind(pod.metadata.namespace ?? '', pod.metadata.name ?? '', node);
    if (!res.ok) {
      this.recorder.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${res.status.message ?? ''}`);
      return this.queue.addAfter(key, backoff(this.unschedulable.get(key) ?? 1));
    }
    this.unschedulable.delete(key);
    // The binding returns the bound pod (with PodScheduled=True, which the API server's binding
    // writes); caching it now lets the next pod of this drain see the node's new usage.
    if (res.value.kind === 'Pod') this.pods.store(res.value as PodObj);
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`);
  }

  private failed(pod: PodObj, message: string): void {
    const key = keyOf(pod);
    const attempts = (this.unschedulable.get(key) ?? 0) + 1;
    this.unschedulable.set(key, attempts);
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message);
    const cur = podCondition(pod, 'PodScheduled');
    if (cur?.status !== 'False' || cur.message !== message) {
      const cond: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime: cur?.status === 'False' ? cur.lastTransitionTime : timestamp(this.ctx.clock.now()), reason: 'Unschedulable', message };
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), cond];
      const res = this.ctx.api.updateStatus<PodObj>('pods', pod.metadata.namespace, { ...pod, status: { phase: 'Pending', ...(pod.status ?? {}), conditions } });
      if (res.ok) this.pods.store(res.value);
    }
    this.queue.addAfter(key, UNSCHEDULABLE_FLUSH_MS);
  }

  /** What is already on each node: bound, non-terminal pods (the scheduler cache's NodeInfo). */
  private nodeInfos(except: Pod): Map<string, NodeInfo> {
    const infos = new Map<string, NodeInfo>();
    for (const p of this.pods.list()) {
      const node = p.spec?.nodeName;
      if (!node || isTerminal(p) || p.metadata?.uid === except.metadata?.uid) continue;
      let info = infos.get(node);
      if (!info) infos.set(node, (info = emptyInfo()));
      const { requests: req, hostPorts } = footprint(p);
      const nz = nonZero(req);
      info.usage.pods++;
      info.usage.requested.milliCpu += req.milliCpu;
      info.usage.requested.memory += req.memory;
      addExtended(info.usage.requested, req);
      info.requestedNonZero.milliCpu += nz.milliCpu;
      info.requestedNonZero.memory += nz.memory;
      for (const port of hostPorts) info.usage.hostPorts.add(port);
      const owner = controllerOf(p)?.uid;
      if (owner) info.owners.set(owner, (info.owners.get(owner) ?? 0) + 1);
    }
    return infos;
  }
}

interface Footprint {
  requests: ReturnType<typeof podRequests>;
  hostPorts: string[];
}

/** What a bound pod takes from its node, per (immutable, cached) pod object, so each cycle does not re-parse it. */
const footprints = new WeakMap<object, Footprint>();
function footprint(pod: Pod): Footprint {
  let f = footprints.get(pod);
  if (!f) footprints.set(pod, (f = { requests: podRequests(pod), hostPorts: hostPortsOf(pod) }));
  return f;
}

function emptyInfo(): NodeInfo {
  return { usage: { requested: { milliCpu: 0, memory: 0 }, pods: 0, hostPorts: new Set() }, requestedNonZero: { milliCpu: 0, memory: 0 }, owners: new Map() };
}

function backoff(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.max(0, attempts - 1));
}

/** The parts of a Node that change scheduling decisions (heartbeats alone do not). */
function schedulingView(node: Node): string {
  return JSON.stringify([node.metadata?.labels, node.spec?.taints, node.spec?.unschedulable, node.status?.allocatable, isNodeReady(node)]);
}
