/**
 * Drives a real Cluster in virtual time for the scenario tests: apply manifests, read objects,
 * exec into containers, and advance until something is true.
 */
import { parseAllDocuments } from 'yaml';
import { findResource } from '../../src/api/resources.js';
import type { Event, KubeObject, Pod } from '../../src/api/types.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { emptyInput, StringSink } from '../../src/kernel/streams.js';

export type PodObj = Pod & KubeObject;

/** A cluster whose nodes are all Ready. */
export function bootCluster(opts: { seed?: number; workers?: number; featureGates?: Record<string, boolean> } = {}): Cluster {
  const c = new Cluster(opts);
  c.advance(0);
  if (!waitFor(c, () => readyNodes(c) === c.nodeNames().length, 60_000)) throw new Error('nodes did not become Ready');
  return c;
}

export function readyNodes(c: Cluster): number {
  const nodes = c.api.list('nodes', undefined);
  if (!nodes.ok) return 0;
  return nodes.value.items.filter((n) => (n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
}

/** kubectl apply, minimally: create, or replace labels/annotations/spec of what exists. */
export function apply(c: Cluster, manifest: string, namespace = 'default'): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    const obj = doc.toJS() as KubeObject | null;
    if (!obj) continue;
    const info = findResource(obj.kind);
    if (!info) throw new Error(`unknown kind ${obj.kind}`);
    const ns = info.namespaced ? (obj.metadata.namespace ?? namespace) : undefined;
    const cur = c.api.get(info.resource, ns, obj.metadata.name ?? '');
    const res = cur.ok
      ? c.api.update(info.resource, ns, { ...cur.value, metadata: { ...cur.value.metadata, labels: obj.metadata.labels, annotations: obj.metadata.annotations }, spec: obj.spec })
      : c.api.create(info.resource, ns, obj);
    if (!res.ok) throw new Error(`apply ${obj.kind}/${obj.metadata.name}: ${res.status.message}`);
    out.push(res.value);
  }
  c.advance(0);
  return out;
}

export function getPod(c: Cluster, name: string, namespace = 'default'): PodObj | undefined {
  const r = c.api.get<PodObj>('pods', namespace, name);
  return r.ok ? r.value : undefined;
}

export function listPods(c: Cluster, namespace = 'default', labelSelector?: string): PodObj[] {
  const r = c.api.list<PodObj>('pods', namespace, labelSelector ? { labelSelector } : undefined);
  return r.ok ? r.value.items : [];
}

export function list<T extends KubeObject = KubeObject>(c: Cluster, resource: string, namespace: string | undefined = 'default'): T[] {
  const r = c.api.list<T>(resource, namespace);
  return r.ok ? r.value.items : [];
}

export function get<T extends KubeObject = KubeObject>(c: Cluster, resource: string, name: string, namespace: string | undefined = 'default'): T | undefined {
  const r = c.api.get<T>(resource, namespace, name);
  return r.ok ? r.value : undefined;
}

/** Events about one object (by involvedObject.name), oldest first, as `Reason: message`. */
export function eventsFor(c: Cluster, name: string, namespace = 'default'): (Event & KubeObject)[] {
  const when = (e: Event) => e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '';
  return list<Event & KubeObject>(c, 'events', namespace)
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0));
}

export function eventLines(c: Cluster, name: string, namespace = 'default'): string[] {
  return eventsFor(c, name, namespace).map((e) => `${e.reason}: ${e.message}`);
}

/** Advances in steps until `pred` holds (true) or `maxMs` of virtual time has passed (false). */
export function waitFor(c: Cluster, pred: () => boolean, maxMs: number, stepMs = 100): boolean {
  const end = c.clock.now() + maxMs;
  while (!pred()) {
    if (c.clock.now() >= end) return false;
    c.advance(Math.min(stepMs, end - c.clock.now()));
  }
  return true;
}

/** Runs a command in a container as `kubectl exec` does and waits (virtually) for it to finish. */
export function exec(c: Cluster, pod: string, argv: string[], container?: string, namespace = 'default'): { exitCode: number; stdout: string; stderr: string } {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const r = c.streams.exec(namespace, pod, container, argv, { stdin: emptyInput, stdout, stderr, tty: false });
  if (!r.ok) return { exitCode: -1, stdout: '', stderr: r.status.message ?? '' };
  let code: number | undefined;
  r.proc.exited.subscribe((n) => (code = n));
  waitFor(c, () => code !== undefined, 30_000, 10);
  return { exitCode: code ?? -1, stdout: stdout.text, stderr: stderr.text };
}

export function containerStatus(pod: PodObj | undefined, name?: string) {
  const all = pod?.status?.containerStatuses ?? [];
  return name ? all.find((s) => s.name === name) : all[0];
}

export function isReady(pod: PodObj | undefined): boolean {
  return pod?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

/** The whole API state as JSON, for determinism checks. */
export function snapshot(c: Cluster): string {
  const out: Record<string, unknown> = {};
  for (const r of c.api.resources()) {
    if (!r.verbs.includes('list')) continue;
    const l = c.api.list(r.resource, undefined);
    if (l.ok) out[r.resource] = l.value.items;
  }
  return JSON.stringify(out);
}
