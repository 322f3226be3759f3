/**
 * rancher/local-path-provisioner (provisioner.go, on sig-storage-lib-external-provisioner): serves
 * the claims the binder hands to `rancher.io/local-path` once the scheduler has picked their node,
 * with a hostPath volume `pvc-<claim uid>` in a directory of that node, pinned to it by node
 * affinity and pre-bound to the claim (the binder then completes the binding).
 */
import { EventRecorder } from '../../events/recorder.js';
import { NAME_SUFFIX_ALPHABET, type Random } from '../../random/random.js';
import type { ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { WorkQueue, keyOf, splitKey } from '../shared/work-queue.js';
import { ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, type ClaimObj, type ClassObj, type VolumeObj } from './binder.js';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** The ConfigMap's DEFAULT_PATH_FOR_NON_LISTED_NODES entry of the upstream manifest. */
const BASE_PATH = '/opt/local-path-provisioner';
/** The helper pod that makes the directory on the node: created, run to completion, deleted. */
const HELPER_POD_MS = 2000;

export class LocalPathProvisioner {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly claims: Informer<ClaimObj>;
  private readonly volumes: Informer<VolumeObj>;
  private readonly classes: Informer<ClassObj>;
  private readonly started = new Set<string>();

  /** `identity` draws the provisioner pod's name and leader-election id, which name its events' source. */
  constructor(
    private readonly ctx: ControllerContext,
    identity: Random,
  ) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    const pod = `local-path-provisioner-${identity.string(10, NAME_SUFFIX_ALPHABET)}-${identity.nameSuffix()}`;
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: `${LOCAL_PATH_PROVISIONER}_${pod}_${identity.uuid()}` });
    this.claims = ctx.informers.for('persistentvolumeclaims');
    this.volumes = ctx.informers.for('persistentvolumes');
    this.classes = ctx.informers.for('storageclasses');
  }

  start(): void {
    this.claims.onChange((type, claim) => {
      if (type === 'DELETED') this.started.delete(claim.metadata.uid ?? '');
      else if (this.wants(claim)) this.queue.add(keyOf(claim));
    });
  }

  private wants(claim: ClaimObj): boolean {
    const a = claim.metadata.annotations ?? {};
    return a[ANN_STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER && !!a[ANN_SELECTED_NODE] && !claim.spec?.volumeName && !claim.metadata.deletionTimestamp;
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    const uid = claim?.metadata.uid ?? '';
    if (!claim || !this.wants(claim) || this.started.has(uid) || this.volumes.get(undefined, `pvc-${uid}`)) return;
    this.started.add(uid);
    this.recorder.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${namespace}/${name}"`);
    this.ctx.clock.setTimer(HELPER_POD_MS, () => this.provision(key, uid));
  }

  private provision(key: string, uid: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    if (!claim || claim.metadata.uid !== uid || !this.wants(claim)) return void this.started.delete(uid);
    const error = unsupported(claim);
    const sc = this.classes.get(undefined, claimClass(claim));
    if (error || !sc) {
      this.started.delete(uid);
      return this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${claimClass(claim)}": ${error ?? 'storageclass not found'}`);
    }
    const node = claim.metadata.annotations?.[ANN_SELECTED_NODE] ?? '';
    const pvName = `pvc-${uid}`;
    const res = this.ctx.api.create<VolumeObj>('persistentvolumes', undefined, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': LOCAL_PATH_PROVISIONER } },
      spec: {
        accessModes: claim.spec?.accessModes,
        capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
        claimRef: { kind: 'PersistentVolumeClaim', namespace, name, uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion },
        hostPath: { path: `${BASE_PATH}/${pvName}_${namespace}_${name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: 'Filesystem',
      },
    });
    if (!res.ok) {
      this.started.delete(uid);
      return this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${res.status.message ?? ''}`);
    }
    this.volumes.store(res.value);
    this.recorder.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
  }
}

/** Provision()'s own refusals. */
function unsupported(claim: ClaimObj): string | undefined {
  if (claim.spec?.selector) return 'claim.Spec.Selector is not supported';
  if ((claim.spec?.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) return 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes';
  return undefined;
}
