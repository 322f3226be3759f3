/**
 * deployment-controller (k8s pkg/controller/deployment): one ReplicaSet per pod template named
 * `<deployment>-<pod-template-hash>`, rolled out with RollingUpdate or Recreate, revisions in
 * annotations (a template equal to an old set's brings that set back with a new revision, which
 * is how `kubectl rollout undo` works), scaling, history cleanup and status.
 */
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../../api/types.js';
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { selectorMatches } from '../../api/selectors.js';
import { EventRecorder } from '../../events/recorder.js';
import { sameJson } from '../shared/canonical-json.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { controllerOf, controllerRef, withControllerRef, withoutOwner } from '../shared/owners.js';
import { isTerminal } from '../shared/pods.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { calculateStatus, msUntilDeadline, rolloutStatus } from './deployment-status.js';
import { DESIRED_REPLICAS, REVISION, byCreation, condition, deploymentComplete, newCondition, newSetAnnotations, replicasOf, revisionOf, setCondition, withReplicaAnnotations } from './deployment-util.js';
import { newReplicaSetReplicas, oldScaleDown, scaleForReplicasChange, type ScaleStep } from './rollout-plan.js';
import { POD_TEMPLATE_HASH_LABEL, computeHash, equalIgnoreHash } from './template-hash.js';

type DeployObj = Deployment & KubeObject;
type RSObj = ReplicaSet & KubeObject;
type PodObj = Pod & KubeObject;

const RETRY_MS = 1000;

interface Sets {
  newRS: RSObj | undefined;
  oldRSs: RSObj[];
}

export class DeploymentController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly deployments: Informer<DeployObj>;
  private readonly sets: Informer<RSObj>;
  private readonly pods: Informer<PodObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'deployment-controller' });
    this.deployments = ctx.informers.for('deployments');
    this.sets = ctx.informers.for('replicasets');
    this.pods = ctx.informers.for('pods');
  }

  start(): void {
    this.deployments.onChange((_t, d) => this.queue.add(keyOf(d)));
    this.sets.onChange((type, rs) => {
      const ref = controllerOf(rs);
      if (ref?.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`);
      else if (!ref && type !== 'DELETED') {
        for (const d of this.deployments.list(rs.metadata.namespace ?? '')) if (selectorMatches(d.spec?.selector, rs.metadata.labels)) this.queue.add(keyOf(d));
      }
    });
    // Recreate waits for the old pods to be gone.
    this.pods.onChange((type, pod) => {
      if (type !== 'DELETED' && !isTerminal(pod)) return;
      const rsRef = controllerOf(pod);
      const rs = rsRef?.kind === 'ReplicaSet' ? this.sets.get(pod.metadata.namespace, rsRef.name) : undefined;
      const dRef = rs && controllerOf(rs);
      if (dRef?.kind === 'Deployment') this.queue.add(`${pod.metadata.namespace}/${dRef.name}`);
    });
  }

  private get now(): number {
    return this.ctx.clock.now();
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const cached = this.deployments.get(namespace, name);
    if (!cached) return;
    const d = structuredClone(cached) as DeployObj;
    const sel = d.spec?.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      return;
    }
    const rsList = this.claimReplicaSets(d);
    if (!rsList) return this.queue.addAfter(key, RETRY_MS);
    if (d.metadata.deletionTimestamp) return this.syncScaling(d, rsList);
    this.pausedConditions(d);
    if (d.spec?.paused || this.isScalingEvent(d, rsList)) return this.syncScaling(d, rsList);
    if (d.spec?.strategy?.type === 'Recreate') this.rolloutRecreate(d, rsList);
    else this.rolloutRolling(d, rsList);
  }

  /** ReplicaSets this Deployment controls, after adoption and release (ClaimReplicaSets). */
  private claimReplicaSets(d: DeployObj): RSObj[] | undefined {
    const out: RSObj[] = [];
    for (const rs of this.sets.list(d.metadata.namespace ?? '')) {
      const ref = controllerOf(rs);
      if (ref && ref.uid !== d.metadata.uid) continue;
      const matches = selectorMatches(d.spec?.selector, rs.metadata.labels);
      if (ref && matches) out.push(rs);
      else if (ref || (matches && !d.metadata.deletionTimestamp && !rs.metadata.deletionTimestamp)) {
        const owners = ref ? withoutOwner(rs, d.metadata.uid ?? '') : withControllerRef(rs, d);
        const res = this.ctx.api.patch<RSObj>('replicasets', rs.metadata.namespace, rs.metadata.name ?? '', 'merge', { metadata: { ownerReferences: owners } });
        if (!res.ok) return undefined;
        this.sets.store(res.value);
        if (!ref) out.push(res.value);
      }
    }
    return out;
  }

  private pausedConditions(d: DeployObj): void {
    const cur = condition(d.status, 'Progressing');
    const paused = d.spec?.paused === true;
    let cond;
    if (paused && cur?.reason !== 'DeploymentPaused') cond = newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.now);
    else if (!paused && cur?.reason === 'DeploymentPaused') cond = newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.now);
    if (!cond) return;
    const status: DeploymentStatus = { ...(d.status ?? {}) };
    setCondition(status, cond);
    this.writeStatus(d, status);
  }

  private findNewRS(d: DeployObj, rsList: RSObj[]): Sets {
    const sorted = [...rsList].sort(byCreation);
    const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) };
  }

  private isScalingEvent(d: DeployObj, rsList: RSObj[]): boolean {
    const { newRS, oldRSs } = this.findNewRS(d, rsList);
    return [...oldRSs, ...(newRS ? [newRS] : [])].some((rs) => {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      return (rs.spec?.replicas ?? 0) > 0 && desired !== undefined && Number(desired) !== replicasOf(d);
    });
  }

  /** getAllReplicaSetsAndSyncRevision: finds (or creates) the new set and keeps revisions in step. */
  private syncRevision(d: DeployObj, rsList: RSObj[], create: boolean): Sets | undefined {
    const found = this.findNewRS(d, rsList);
    const revision = Math.max(0, ...found.oldRSs.map(revisionOf)) + 1;
    let newRS = found.newRS;
    if (newRS) {
      const annotations = newSetAnnotations(d, newRS.metadata.annotations, revision);
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (!sameJson(annotations, newRS.metadata.annotations ?? {}) || (newRS.spec?.minReadySeconds ?? 0) !== minReady) {
        const res = this.ctx.api.update<RSObj>('replicasets', newRS.metadata.namespace, { ...newRS, metadata: { ...newRS.metadata, annotations }, spec: { ...newRS.spec, minReadySeconds: minReady } });
        if (!res.ok) return undefined;
        this.sets.store(res.value);
        newRS = res.value;
      }
      if (!condition(d.status, 'Progressing')) {
        const status: DeploymentStatus = { ...(d.status ?? {}) };
        setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, this.now));
        this.writeStatus(d, status);
      }
    } else if (create) {
      newRS = this.createNewRS(d, found.oldRSs, revision);
      if (!newRS) return undefined;
    }
    if (newRS && revisionOf(d) !== revisionOf(newRS)) this.setDeploymentRevision(d, String(revisionOf(newRS)));
    return { newRS, oldRSs: found.oldRSs };
  }

  private createNewRS(d: DeployObj, oldRSs: RSObj[], revision: number): RSObj | undefined {
    const hash = computeHash(d.spec?.template, d.status?.collisionCount);
    const template = structuredClone(d.spec?.template ?? {});
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = structuredClone(d.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const replicas = newReplicaSetReplicas(d, oldRSs, undefined);
    const name = `${d.metadata.name}-${hash}`;
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: template.metadata.labels, annotations: withReplicaAnnotations(d, newSetAnnotations(d, undefined, revision)), ownerReferences: [controllerRef(d)] },
      spec: { replicas, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    const res = this.ctx.api.create<RSObj>('replicasets', d.metadata.namespace, rs);
    if (!res.ok) {
      if (res.status.reason === 'AlreadyExists') return this.onNameCollision(d, name);
      this.queue.addAfter(keyOf(d), RETRY_MS);
      return undefined;
    }
    this.sets.store(res.value);
    if (replicas > 0) this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    const status: DeploymentStatus = { ...(d.status ?? {}) };
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, this.now));
    this.writeStatus(d, status);
    return res.value;
  }

  /** A set of that name exists: ours with an equal template is the new set; else bump collisionCount. */
  private onNameCollision(d: DeployObj, name: string): RSObj | undefined {
    const existing = this.ctx.api.get<RSObj>('replicasets', d.metadata.namespace, name);
    if (existing.ok && controllerOf(existing.value)?.uid === d.metadata.uid && equalIgnoreHash(existing.value.spec?.template, d.spec?.template)) {
      this.sets.store(existing.value);
      return existing.value;
    }
    this.writeStatus(d, { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
    this.queue.addAfter(keyOf(d), 0);
    return undefined;
  }

  private setDeploymentRevision(d: DeployObj, revision: string): void {
    const res = this.ctx.api.patch<DeployObj>('deployments', d.metadata.namespace, d.metadata.name ?? '', 'merge', { metadata: { annotations: { [REVISION]: revision } } });
    if (!res.ok) return;
    this.deployments.store(res.value);
    d.metadata = structuredClone(res.value.metadata);
  }

  /** Scales one set, keeping its replica annotations current; records the event on a size change. */
  private scale(d: DeployObj, step: ScaleStep): RSObj | undefined {
    const rs = step.rs as RSObj;
    const from = rs.spec?.replicas ?? 0;
    const annotations = withReplicaAnnotations(d, rs.metadata.annotations);
    if (from === step.to && sameJson(annotations, rs.metadata.annotations ?? {})) return rs;
    const res = this.ctx.api.update<RSObj>('replicasets', rs.metadata.namespace, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas: step.to } });
    if (!res.ok) {
      this.queue.addAfter(keyOf(d), RETRY_MS);
      return undefined;
    }
    this.sets.store(res.value);
    if (from !== step.to) this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${step.to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${step.to}`);
    return res.value;
  }

  private applySteps(d: DeployObj, steps: ScaleStep[]): boolean {
    let changed = false;
    for (const s of steps) {
      const resized = s.to !== (s.rs.spec?.replicas ?? 0);
      if (this.scale(d, s) && resized) changed = true;
    }
    return changed;
  }

  private current(sets: Sets): Sets {
    const fresh = (rs: RSObj) => this.sets.get(rs.metadata.namespace, rs.metadata.name ?? '') ?? rs;
    return { newRS: sets.newRS && fresh(sets.newRS), oldRSs: sets.oldRSs.map(fresh) };
  }

  private rolloutRolling(d: DeployObj, rsList: RSObj[]): void {
    let sets = this.syncRevision(d, rsList, true);
    if (!sets?.newRS) return;
    const all = [...sets.oldRSs, sets.newRS];
    const target = Math.min(replicasOf(d), newReplicaSetReplicas(d, all, sets.newRS));
    const newSize = sets.newRS.spec?.replicas ?? 0;
    const newTarget = newSize > replicasOf(d) ? replicasOf(d) : target;
    if (newTarget !== newSize && this.scale(d, { rs: sets.newRS, to: newTarget })) return this.finishRollout(d, this.current(sets));
    if (this.applySteps(d, oldScaleDown(d, sets.oldRSs, sets.newRS))) return this.finishRollout(d, this.current(sets));
    sets = this.current(sets);
    const allNow = [...sets.oldRSs, ...(sets.newRS ? [sets.newRS] : [])];
    if (deploymentComplete(d, calculateStatus(d, allNow, sets.newRS, this.now))) this.cleanup(d, sets.oldRSs);
    this.finishRollout(d, sets);
  }

  private rolloutRecreate(d: DeployObj, rsList: RSObj[]): void {
    let sets = this.syncRevision(d, rsList, false);
    if (!sets) return;
    const active = sets.oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0);
    if (this.applySteps(d, active.map((rs) => ({ rs, to: 0 })))) return this.finishRollout(d, this.current(sets));
    if (this.oldPodsRunning(sets)) return this.finishRollout(d, sets);
    if (!sets.newRS) {
      sets = this.syncRevision(d, rsList, true);
      if (!sets?.newRS) return;
    }
    this.scale(d, { rs: sets.newRS!, to: replicasOf(d) });
    sets = this.current(sets);
    const allNow = [...sets.oldRSs, ...(sets.newRS ? [sets.newRS] : [])];
    if (deploymentComplete(d, calculateStatus(d, allNow, sets.newRS, this.now))) this.cleanup(d, sets.oldRSs);
    this.finishRollout(d, sets);
  }

  private oldPodsRunning(sets: Sets): boolean {
    if (sets.oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
    const oldUids = new Set(sets.oldRSs.map((rs) => rs.metadata.uid));
    const ns = sets.oldRSs[0]?.metadata.namespace;
    return ns !== undefined && this.pods.list(ns).some((p) => oldUids.has(controllerOf(p)?.uid) && !isTerminal(p));
  }

  /** Proportional scaling (also used while paused or being deleted). */
  private syncScaling(d: DeployObj, rsList: RSObj[]): void {
    const sets = this.syncRevision(d, rsList, false);
    if (!sets) return;
    if (!d.metadata.deletionTimestamp) this.applySteps(d, scaleForReplicasChange(d, sets.newRS, sets.oldRSs));
    const now = this.current(sets);
    if (d.spec?.paused) this.cleanup(d, now.oldRSs);
    const all = [...now.oldRSs, ...(now.newRS ? [now.newRS] : [])];
    this.writeStatus(d, calculateStatus(d, all, now.newRS, this.now));
  }

  private finishRollout(d: DeployObj, sets: Sets): void {
    const all = [...sets.oldRSs, ...(sets.newRS ? [sets.newRS] : [])];
    const status = rolloutStatus(d, all, sets.newRS, this.now);
    this.writeStatus(d, status);
    const wait = msUntilDeadline(d, status, this.now);
    if (wait !== undefined) this.queue.addAfter(keyOf(d), wait);
  }

  /** Deletes the oldest scaled-down sets beyond revisionHistoryLimit. */
  private cleanup(d: DeployObj, oldRSs: RSObj[]): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
      if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 0) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      const res = this.ctx.api.delete<RSObj>('replicasets', rs.metadata.namespace, rs.metadata.name ?? '');
      if (res.ok) this.sets.forget(rs);
    }
  }

  private writeStatus(d: DeployObj, status: DeploymentStatus): void {
    if (sameJson(status, d.status ?? {})) return;
    const res = this.ctx.api.updateStatus<DeployObj>('deployments', d.metadata.namespace, { ...d, status });
    if (!res.ok) return this.queue.addAfter(keyOf(d), RETRY_MS);
    this.deployments.store(res.value);
    d.status = structuredClone(res.value.status);
    d.metadata = structuredClone(res.value.metadata);
  }
}
