/**
 * daemon-set-controller (k8s pkg/controller/daemon/daemon_controller.go, update.go): one pod per node
 * that should run the daemon, none elsewhere; rolling updates replace at most maxUnavailable pods at a
 * time (OnDelete waits for the user); status counts what the printers show.
 */
import type { KubeObject, Node, Pod } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import { computeHash } from '../deployment/template-hash.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { controllerOf, controllerRef } from '../shared/owners.js';
import { isPodActive, isPodAvailable, isPodReady } from '../shared/pods.js';
import { sameJson } from '../shared/canonical-json.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { currentRevision, ownedRevisions, templatePatch, truncateHistory, type RevisionObj } from '../shared/revision-history.js';
import { daemonPodSpec, shouldRun } from './daemon-pods.js';
import type { Any } from '../../api/objects.js';

type DsObj = KubeObject & { spec?: Any; status?: Any };
type PodObj = Pod & KubeObject;

export const REVISION_HASH_LABEL = 'controller-revision-hash';
const GENERATION_LABEL = 'pod-template-generation';
const RETRY_MS = 1000;

/** maxUnavailable as a number of nodes (intstr percentages round up, as for DaemonSets upstream). */
function maxUnavailable(ds: DsObj, desired: number): number {
  const v = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  const n = typeof v === 'string' && v.endsWith('%') ? Math.ceil((Number(v.slice(0, -1)) * desired) / 100) : Number(v);
  return Math.max(1, Number.isFinite(n) ? n : 1);
}

/** daemon_controller.go snapshot: the template patch under `<ds>-<hash>`, with the DaemonSet's annotations (its change-cause). */
function snapshot(ds: DsObj, hash: string, revision: number): Any {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    data: templatePatch(ds),
    revision,
  };
}

export class DaemonSetController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly sets: Informer<DsObj>;
  private readonly pods: Informer<PodObj>;
  private readonly nodes: Informer<Node & KubeObject>;
  private readonly revisions: Informer<RevisionObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'daemonset-controller' });
    this.sets = ctx.informers.for('daemonsets');
    this.pods = ctx.informers.for('pods');
    this.nodes = ctx.informers.for('nodes');
    this.revisions = ctx.informers.for('controllerrevisions');
  }

  start(): void {
    this.sets.onChange((type, ds) => type !== 'DELETED' && this.queue.add(keyOf(ds)));
    this.pods.onChange((_t, pod) => {
      const ref = controllerOf(pod);
      if (ref?.kind === 'DaemonSet') this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
    });
    this.nodes.onChange(() => {
      for (const ds of this.sets.list()) this.queue.add(keyOf(ds));
    });
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.sets.get(namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const template: Any = ds.spec?.template ?? {};
    const hash = computeHash(template);
    const history = ownedRevisions(this.revisions, ds);
    if (!currentRevision(this.ctx, this.revisions, ds, history, templatePatch(ds), (n) => snapshot(ds, hash, n))) return this.queue.addAfter(key, RETRY_MS);
    const owned = this.pods.list(namespace).filter((p) => controllerOf(p)?.uid === ds.metadata.uid && isPodActive(p));
    const byNode = new Map<string, PodObj[]>();
    for (const p of owned) {
      const node = this.nodeOf(p);
      byNode.set(node, [...(byNode.get(node) ?? []), p]);
    }
    const nodes = this.nodes.list();
    const wanted = nodes.filter((n) => shouldRun(template, n));
    let ok = true;
    for (const node of nodes) {
      const pods = byNode.get(node.metadata.name ?? '') ?? [];
      const run = wanted.includes(node);
      if (run && pods.length === 0) ok = this.createPod(ds, node.metadata.name ?? '', hash) && ok;
      else for (const extra of run ? pods.slice(1) : pods) ok = this.deletePod(ds, extra) && ok;
    }
    if (ds.spec?.updateStrategy?.type !== 'OnDelete') ok = this.rollingUpdate(ds, owned, hash, wanted.length) && ok;
    this.updateStatus(ds, hash, wanted);
    const live = new Set([hash, ...owned.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? '')].map((h) => `${name}-${h}`));
    truncateHistory(this.ctx, ownedRevisions(this.revisions, ds), live, ds.spec?.revisionHistoryLimit);
    if (!ok) this.queue.addAfter(key, RETRY_MS);
  }

  private nodeOf(p: Pod): string {
    return p.spec?.nodeName ?? p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0] ?? '';
  }

  /** Deletes old-template pods while no more than maxUnavailable daemon pods are unavailable. */
  private rollingUpdate(ds: DsObj, owned: PodObj[], hash: string, desired: number): boolean {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const old = owned.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] !== hash);
    if (!old.length) return true;
    const unavailable = Math.max(0, desired - owned.filter((p) => isPodAvailable(p, minReady, now)).length);
    let budget = maxUnavailable(ds, desired) - unavailable;
    // Unavailable old pods go first: replacing them costs nothing.
    const ordered = [...old.filter((p) => !isPodAvailable(p, minReady, now)), ...old.filter((p) => isPodAvailable(p, minReady, now))];
    for (const p of ordered) {
      const available = isPodAvailable(p, minReady, now);
      if (available && budget <= 0) break;
      if (!this.deletePod(ds, p)) return false;
      if (available) budget--;
    }
    return true;
  }

  private createPod(ds: DsObj, node: string, hash: string): boolean {
    const template: Any = ds.spec?.template ?? {};
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash, [GENERATION_LABEL]: String(ds.metadata.generation ?? 1) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(ds)],
      },
      spec: daemonPodSpec(template, node),
    };
    const res = this.ctx.api.create<PodObj>('pods', ds.metadata.namespace, pod);
    if (!res.ok) {
      this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${res.status.message ?? ''}`);
      return false;
    }
    this.pods.store(res.value);
    this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${res.value.metadata.name}`);
    return true;
  }

  private deletePod(ds: DsObj, pod: PodObj): boolean {
    const res = this.ctx.api.delete<PodObj>('pods', pod.metadata.namespace, pod.metadata.name ?? '');
    if (!res.ok && res.status.reason !== 'NotFound') return false;
    if (res.ok) this.pods.store(res.value);
    this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    return true;
  }

  private updateStatus(ds: DsObj, hash: string, wanted: (Node & KubeObject)[]): void {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const pods = this.pods.list(ds.metadata.namespace).filter((p) => controllerOf(p)?.uid === ds.metadata.uid && isPodActive(p));
    const wantedNames = new Set(wanted.map((n) => n.metadata.name));
    const onWanted = pods.filter((p) => wantedNames.has(this.nodeOf(p)));
    const scheduledNodes = new Set(onWanted.map((p) => this.nodeOf(p)));
    const available = onWanted.filter((p) => isPodAvailable(p, minReady, now)).length;
    const status: Any = {
      currentNumberScheduled: scheduledNodes.size,
      numberMisscheduled: new Set(pods.filter((p) => !wantedNames.has(this.nodeOf(p))).map((p) => this.nodeOf(p))).size,
      desiredNumberScheduled: wanted.length,
      numberReady: onWanted.filter(isPodReady).length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: onWanted.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash).length,
      numberAvailable: available || undefined,
      numberUnavailable: wanted.length - available || undefined,
    };
    for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
    if (sameJson(status, ds.status ?? {})) return;
    const res = this.ctx.api.updateStatus<DsObj>('daemonsets', ds.metadata.namespace, { ...ds, status });
    if (res.ok) this.sets.store(res.value);
    else this.queue.addAfter(keyOf(ds), RETRY_MS);
  }
}
