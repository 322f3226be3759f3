/**
 * Controller tests run against the real ApiServer with no kubelets: the test plays the kubelet's
 * part by writing pod status through the API, exactly as a kubelet would.
 */
import { ApiServer } from '../../api/server.js';
import type { KubeObject, Node, Pod } from '../../api/types.js';
import { Clock } from '../../clock/clock.js';
import { Random } from '../../random/random.js';
import type { ControllerContext } from './context.js';
import { timestamp } from './context.js';
import { Informers } from './informer.js';

export type PodObj = Pod & KubeObject;

export function controllerTestbed(): ControllerContext & { api: ApiServer } {
  const clock = new Clock();
  const random = new Random(42);
  const api = new ApiServer({ clock, random });
  return { api, clock, random, informers: new Informers(api) };
}

export function startAll(ctx: ControllerContext, controllers: { start(): void }[]): void {
  for (const c of controllers) c.start();
  ctx.informers.startAll();
  ctx.clock.advance(0);
}

export function addNode(ctx: ControllerContext, name: string, opts: { ready?: boolean; controlPlane?: boolean; cpu?: string; labels?: Record<string, string> } = {}): void {
  const node: Node & KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) } },
    spec: opts.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
  };
  const created = ctx.api.create<Node & KubeObject>('nodes', undefined, node);
  if (!created.ok) throw new Error(created.status.message);
  const status = {
    capacity: { cpu: opts.cpu ?? '2', memory: '8Gi', pods: '110' },
    allocatable: { cpu: opts.cpu ?? '2', memory: '8Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
  };
  ctx.api.updateStatus('nodes', undefined, { ...created.value, status });
}

let ipCounter = 10;

/** What a kubelet reports for a running pod, Ready or not. */
export function setPodRunning(ctx: ControllerContext, pod: PodObj, ready: boolean): void {
  const cur = ctx.api.get<PodObj>('pods', pod.metadata.namespace, pod.metadata.name ?? '');
  if (!cur.ok) return;
  const now = timestamp(ctx.clock.now());
  const conds = (cur.value.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
  const status = {
    ...(cur.value.status ?? {}),
    phase: 'Running',
    podIP: cur.value.status?.podIP ?? `10.244.1.${ipCounter++}`,
    conditions: [...conds, { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
  };
  ctx.api.updateStatus('pods', pod.metadata.namespace, { ...cur.value, status });
}

export function pods(ctx: ControllerContext, namespace = 'default'): PodObj[] {
  const r = ctx.api.list<PodObj>('pods', namespace);
  return r.ok ? r.value.items : [];
}

export function eventMessages(ctx: ControllerContext, name: string): string[] {
  const r = ctx.api.list('events', 'default');
  if (!r.ok) return [];
  return r.value.items.filter((e) => (e.involvedObject as { name?: string }).name === name).map((e) => `${e.reason}: ${e.message}`);
}

/** The ScalingReplicaSet messages of a one-at-a-time rolling update from `oldRS` to `newRS`. */
export function oneByOneRollout(oldRS: string, newRS: string, replicas: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= replicas; i++) {
    out.push(`ScalingReplicaSet: Scaled up replica set ${newRS} from ${i - 1} to ${i}`);
    out.push(`ScalingReplicaSet: Scaled down replica set ${oldRS} from ${replicas - i + 1} to ${replicas - i}`);
  }
  return out;
}
