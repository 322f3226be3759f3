/**
 * pvc-protection and pv-protection (k8s pkg/controller/volume/{pvcprotection,pvprotection}): a claim
 * being deleted keeps its finalizer while a pod that is not finished still names it, and a volume
 * being deleted keeps its finalizer while it is Bound. Either goes once its finalizer is removed.
 */
import { PVC_PROTECTION, PV_PROTECTION } from '../../api/kinds/storage.js';
import type { KubeObject, Pod } from '../../api/types.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { isTerminal } from '../shared/pods.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import type { ClaimObj, VolumeObj } from './binder.js';

type PodObj = Pod & KubeObject;

export function podUsesClaim(pod: Pod, claim: string): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim);
}

export class StorageProtectionController {
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  private readonly claims: Informer<ClaimObj>;
  private readonly volumes: Informer<VolumeObj>;
  private readonly pods: Informer<PodObj>;

  constructor(private readonly ctx: ControllerContext) {
    this.claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaim(key));
    this.volumeQueue = new WorkQueue(ctx.clock, (key) => this.syncVolume(key));
    this.claims = ctx.informers.for('persistentvolumeclaims');
    this.volumes = ctx.informers.for('persistentvolumes');
    this.pods = ctx.informers.for('pods');
  }

  start(): void {
    this.claims.onChange((type, claim) => {
      if (type !== 'DELETED' && claim.metadata.deletionTimestamp) this.claimQueue.add(keyOf(claim));
    });
    this.volumes.onChange((type, volume) => {
      if (type !== 'DELETED' && volume.metadata.deletionTimestamp) this.volumeQueue.add(keyOf(volume));
    });
    this.pods.onChange((type, pod) => {
      if (type !== 'DELETED' && !isTerminal(pod)) return;
      for (const v of pod.spec?.volumes ?? []) {
        const claim = v.persistentVolumeClaim?.claimName;
        if (claim && this.claims.get(pod.metadata.namespace, claim)?.metadata.deletionTimestamp) this.claimQueue.add(`${pod.metadata.namespace}/${claim}`);
      }
    });
  }

  private syncClaim(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    if (!claim?.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    if (this.pods.list(namespace).some((p) => !isTerminal(p) && podUsesClaim(p, name))) return;
    this.removeFinalizer('persistentvolumeclaims', claim, PVC_PROTECTION);
  }

  private syncVolume(key: string): void {
    const volume = this.volumes.get(undefined, splitKey(key).name);
    if (!volume?.metadata.deletionTimestamp || !volume.metadata.finalizers?.includes(PV_PROTECTION)) return;
    if (volume.status?.phase === 'Bound') return;
    this.removeFinalizer('persistentvolumes', volume, PV_PROTECTION);
  }

  private removeFinalizer(resource: string, obj: KubeObject, finalizer: string): void {
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.api.update(resource, obj.metadata.namespace, { ...obj, metadata: { ...obj.metadata, finalizers } });
  }
}
