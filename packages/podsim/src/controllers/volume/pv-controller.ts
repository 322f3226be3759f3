/**
 * persistentvolume-binder (k8s pkg/controller/volume/persistentvolume/pv_controller.go): binds each
 * claim to the smallest matching volume, keeps both phases (Available, Bound, Released, Failed, Lost),
 * reclaims a volume whose claim is gone (Retain keeps it Released; Delete removes it when it can), and
 * says why a claim waits. Pending claims are looked at again every 15 s (--pvclaimbinder-sync-period),
 * which repeats their event the way a real cluster counts it up.
 */
import { EventRecorder } from '../../events/recorder.js';
import type { ControllerContext } from '../shared/context.js';
import { timestamp } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, findMatchingVolume, isPreboundTo, type ClaimObj, type ClassObj, type VolumeObj } from './binder.js';
import { deleteVolume } from './reclaim.js';

export const PV_CONTROLLER = 'persistentvolume-controller';
const SYNC_PERIOD_MS = 15_000;

export class PersistentVolumeController {
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly claims: Informer<ClaimObj>;
  private readonly volumes: Informer<VolumeObj>;
  private readonly classes: Informer<ClassObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaim(key));
    this.volumeQueue = new WorkQueue(ctx.clock, (key) => this.syncVolume(key));
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: PV_CONTROLLER });
    this.claims = ctx.informers.for('persistentvolumeclaims');
    this.volumes = ctx.informers.for('persistentvolumes');
    this.classes = ctx.informers.for('storageclasses');
  }

  start(): void {
    this.claims.onChange((type, claim) => {
      this.claimQueue.add(keyOf(claim));
      const bound = claim.spec?.volumeName;
      if (type === 'DELETED' && bound) this.volumeQueue.add(`/${bound}`);
    });
    this.volumes.onChange((type, volume) => {
      if (type !== 'DELETED') this.volumeQueue.add(keyOf(volume));
      // A new or freed volume may be what a waiting claim needs; a deleted one loses its claim.
      for (const claim of this.claims.list()) if (claim.status?.phase !== 'Bound' || claim.spec?.volumeName === volume.metadata.name) this.claimQueue.add(keyOf(claim));
    });
    this.classes.onChange(() => {
      for (const claim of this.claims.list()) if (claim.status?.phase === 'Pending') this.claimQueue.add(keyOf(claim));
    });
  }

  private syncClaim(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    if (!claim) return;
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED]) return this.syncBoundClaim(claim);
    const volumeName = claim.spec?.volumeName;
    const volume = volumeName ? this.volumes.get(undefined, volumeName) : findMatchingVolume(claim, this.volumes.list());
    if (volume && (!volume.spec?.claimRef || isPreboundTo(volume, claim))) return this.bind(claim, volume);
    if (!volumeName) this.explainWaiting(claim);
    this.claimQueue.addAfter(key, SYNC_PERIOD_MS);
  }

  /** What a real controller says about a claim no volume can satisfy yet. */
  private explainWaiting(claim: ClaimObj): void {
    const className = claimClass(claim);
    if (!className) return this.recorder.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    const sc = this.classes.get(undefined, className);
    if (!sc) return this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io ${JSON.stringify(className)} not found`);
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
      return this.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    }
    this.setProvisioner(claim, sc.provisioner);
    this.recorder.event(
      claim,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  /** provisionClaim for an external provisioner: the claim names who is to create its volume. */
  private setProvisioner(claim: ClaimObj, provisioner: string): void {
    const annotations = claim.metadata.annotations ?? {};
    if (annotations[ANN_STORAGE_PROVISIONER] === provisioner) return;
    const res = this.ctx.api.update<ClaimObj>('persistentvolumeclaims', claim.metadata.namespace, {
      ...claim,
      metadata: { ...claim.metadata, annotations: { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner } },
    });
    if (res.ok) this.claims.store(res.value);
  }

  private syncBoundClaim(claim: ClaimObj): void {
    const volume = claim.spec?.volumeName ? this.volumes.get(undefined, claim.spec.volumeName) : undefined;
    if (volume && isPreboundTo(volume, claim)) {
      if (claim.status?.phase !== 'Bound') this.setClaimPhase(claim, 'Bound', volume);
      return;
    }
    if (claim.status?.phase === 'Lost') return;
    this.setClaimPhase(claim, 'Lost');
    this.recorder.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  }

  /** The binder's four writes, in upstream's order: volume claimRef, volume phase, claim volumeName, claim phase. */
  private bind(claim: ClaimObj, volume: VolumeObj): void {
    const api = this.ctx.api;
    let pv = volume;
    if (!volume.spec?.claimRef?.uid) {
      const byController = !volume.spec?.claimRef;
      const claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
      const annotations = byController ? { ...(volume.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' } : volume.metadata.annotations;
      const res = api.update<VolumeObj>('persistentvolumes', undefined, { ...volume, metadata: { ...volume.metadata, annotations }, spec: { ...volume.spec, claimRef } });
      if (!res.ok) return this.claimQueue.addAfter(keyOf(claim), 1000);
      this.volumes.store(res.value);
      pv = res.value;
    }
    if (pv.status?.phase !== 'Bound') pv = this.setVolumePhase(pv, 'Bound') ?? pv;
    const annotations: Record<string, string> = { ...(claim.metadata.annotations ?? {}), [ANN_BIND_COMPLETED]: 'yes' };
    if (!claim.spec?.volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    const res = api.update<ClaimObj>('persistentvolumeclaims', claim.metadata.namespace, { ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName: pv.metadata.name } });
    if (!res.ok) return this.claimQueue.addAfter(keyOf(claim), 1000);
    this.claims.store(res.value);
    this.setClaimPhase(res.value, 'Bound', pv);
  }

  private setClaimPhase(claim: ClaimObj, phase: string, volume?: VolumeObj): void {
    const status = volume ? { ...(claim.status ?? {}), phase, accessModes: volume.spec?.accessModes, capacity: volume.spec?.capacity } : { ...(claim.status ?? {}), phase };
    const res = this.ctx.api.updateStatus<ClaimObj>('persistentvolumeclaims', claim.metadata.namespace, { ...claim, status });
    if (res.ok) this.claims.store(res.value);
  }

  private setVolumePhase(volume: VolumeObj, phase: string, message?: string): VolumeObj | undefined {
    const status: Record<string, unknown> = { phase, lastPhaseTransitionTime: timestamp(this.ctx.clock.now()) };
    if (message) status.message = message;
    const res = this.ctx.api.updateStatus<VolumeObj>('persistentvolumes', undefined, { ...volume, status });
    if (!res.ok) return undefined;
    this.volumes.store(res.value);
    return res.value;
  }

  private syncVolume(key: string): void {
    const volume = this.volumes.get(undefined, splitKey(key).name);
    if (!volume) return;
    const ref = volume.spec?.claimRef;
    if (!ref) {
      if (volume.status?.phase !== 'Available') this.setVolumePhase(volume, 'Available');
      return;
    }
    const claim = this.claims.get(ref.namespace, ref.name ?? '');
    if (claim && (!ref.uid || ref.uid === claim.metadata.uid)) {
      // Reserved for a claim that has not bound yet, or bound: the claim's sync finishes the binding.
      if (!ref.uid && volume.status?.phase !== 'Available') this.setVolumePhase(volume, 'Available');
      return;
    }
    if (!ref.uid) {
      if (volume.status?.phase !== 'Available') this.setVolumePhase(volume, 'Available');
      return;
    }
    if (volume.status?.phase === 'Released' || volume.status?.phase === 'Failed') return;
    const released = this.setVolumePhase(volume, 'Released');
    if (!released) return this.volumeQueue.addAfter(key, 1000);
    if (released.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    const failure = deleteVolume(this.ctx.api, released);
    if (failure) {
      this.setVolumePhase(released, 'Failed', failure);
      this.recorder.event(released, 'Warning', 'VolumeFailedDelete', failure);
    }
  }
}
