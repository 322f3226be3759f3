/**
 * PersistentVolumes with the binder, the protection finalizers, the scheduler's VolumeBinding check and
 * real kubelets, in virtual time. Expected texts are the real controllers' (pv_controller.go event
 * messages, the scheduler's FitError), the flow is the one of the kubernetes.io task
 * "Configure a Pod to Use a PersistentVolume for Storage".
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';
import type { DirNode, FsNode } from '../kernel/fs.js';

const must = (r: { ok: boolean; status?: { message?: string }; value?: unknown }): Any => {
  if (!r.ok) throw new Error(r.status?.message);
  return r.value as Any;
};
const get = (c: Cluster, resource: string, name: string, ns = 'default'): Any | undefined => {
  const r = c.api.get(resource, ns, name);
  return r.ok ? (r.value as Any) : undefined;
};
const events = (c: Cluster, name: string): string[] => {
  const r = c.api.list('events', 'default');
  return r.ok ? (r.value.items as Any[]).filter((e) => e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} x${e.count}: ${e.message}`) : [];
};

const taskVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'task-pv-volume', labels: { type: 'local' } },
  spec: { storageClassName: 'manual', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } },
};
const taskClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'task-pv-claim' },
  spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } },
};
const pod = (name: string, claim: string, command: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', command], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
  },
});

function fileOn(root: DirNode, path: string): string | undefined {
  let cur: DirNode | undefined = root;
  const segs = path.split('/').filter(Boolean);
  for (const s of segs.slice(0, -1)) {
    const next: FsNode | undefined = cur?.children.get(s);
    cur = next?.kind === 'dir' ? next : undefined;
  }
  const f = cur?.children.get(segs[segs.length - 1]);
  return f?.kind === 'file' ? f.data : undefined;
}

describe('PersistentVolumes', () => {
  it('binds a claim to the matching hostPath volume and mounts the node directory', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const pv = must(c.api.create('persistentvolumes', undefined, taskVolume));
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { path: '/mnt/data', type: '' } });
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(pv.status.phase).toBe('Pending');
    c.advance(1000);
    expect(get(c, 'persistentvolumes', 'task-pv-volume')?.status.phase).toBe('Available');

    must(c.api.create('persistentvolumeclaims', 'default', taskClaim));
    c.advance(1000);
    const claim = get(c, 'persistentvolumeclaims', 'task-pv-claim')!;
    expect(claim.spec.volumeName).toBe('task-pv-volume');
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    // The claim reports the volume's size, not its request.
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } });
    const bound = get(c, 'persistentvolumes', 'task-pv-volume')!;
    expect(bound.status.phase).toBe('Bound');
    expect(bound.spec.claimRef).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'task-pv-claim', uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: expect.any(String) });
    expect(bound.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });

    must(c.api.create('pods', 'default', pod('writer', 'task-pv-claim', 'echo Hello from Kubernetes storage > /data/index.html; sleep 3600')));
    c.advance(30_000);
    expect(get(c, 'pods', 'writer')?.status.phase).toBe('Running');
    expect(fileOn(c.kubelet('node01')!.root, '/mnt/data/index.html')).toBe('Hello from Kubernetes storage\n');
  });

  it('keeps a claim Pending with the real event while no volume matches and no class is set', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    // Without a default class, a claim that names none gets none.
    must(c.api.delete('storageclasses', undefined, 'local-path'));
    must(c.api.create('persistentvolumeclaims', 'default', { ...taskClaim, metadata: { name: 'plain' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }));
    must(c.api.create('pods', 'default', pod('user', 'plain', 'sleep 3600')));
    c.advance(60_000);
    expect(get(c, 'persistentvolumeclaims', 'plain')?.status).toEqual({ phase: 'Pending' });
    expect(events(c, 'plain')).toEqual(['Normal FailedBinding x5: no persistent volumes available for this claim and no storage class is set']);
    expect(events(c, 'user')[0]).toBe(
      'Warning FailedScheduling x1: 0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    expect(get(c, 'pods', 'user')?.spec.nodeName).toBeUndefined();
    // A matching volume appears: the claim binds and the waiting pod is scheduled.
    must(c.api.create('persistentvolumes', undefined, { ...taskVolume, metadata: { name: 'v1' }, spec: { ...taskVolume.spec, storageClassName: undefined } }));
    c.advance(15_000);
    expect(get(c, 'persistentvolumeclaims', 'plain')?.spec.volumeName).toBe('v1');
    expect(get(c, 'pods', 'user')?.spec.nodeName).toBe('node01');
  });

  it('names a missing claim or class as the scheduler and binder do', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    must(c.api.create('pods', 'default', pod('orphan', 'nope', 'sleep 3600')));
    must(c.api.create('persistentvolumeclaims', 'default', { ...taskClaim, metadata: { name: 'fast' }, spec: { ...taskClaim.spec, storageClassName: 'fast' } }));
    c.advance(2000);
    expect(events(c, 'orphan')[0]).toBe(
      'Warning FailedScheduling x1: 0/2 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    expect(events(c, 'fast')).toEqual(['Warning ProvisioningFailed x1: storageclass.storage.k8s.io "fast" not found']);
  });

  it('picks the smallest volume that fits class, modes, size and selector', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const vol = (name: string, storage: string, modes: string[], labels = {}) =>
      must(c.api.create('persistentvolumes', undefined, { ...taskVolume, metadata: { name, labels }, spec: { ...taskVolume.spec, capacity: { storage }, accessModes: modes } }));
    vol('big', '20Gi', ['ReadWriteOnce']);
    vol('small', '1Gi', ['ReadWriteOnce']);
    vol('rox', '5Gi', ['ReadOnlyMany']);
    vol('mid', '5Gi', ['ReadWriteOnce', 'ReadOnlyMany'], { tier: 'gold' });
    c.advance(1000);
    must(c.api.create('persistentvolumeclaims', 'default', taskClaim));
    must(c.api.create('persistentvolumeclaims', 'default', { ...taskClaim, metadata: { name: 'picky' }, spec: { ...taskClaim.spec, selector: { matchLabels: { tier: 'silver' } } } }));
    c.advance(1000);
    expect(get(c, 'persistentvolumeclaims', 'task-pv-claim')?.spec.volumeName).toBe('mid');
    expect(get(c, 'persistentvolumeclaims', 'picky')?.status.phase).toBe('Pending');
  });

  it('holds a claim in use until its pod is gone, then releases a Retain volume and keeps its files on the node', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    must(c.api.create('persistentvolumes', undefined, taskVolume));
    must(c.api.create('persistentvolumeclaims', 'default', taskClaim));
    c.advance(1000);
    must(c.api.create('pods', 'default', pod('writer', 'task-pv-claim', 'echo kept > /data/f; sleep 3600')));
    c.advance(30_000);
    must(c.api.delete('persistentvolumeclaims', 'default', 'task-pv-claim'));
    c.advance(5000);
    expect(get(c, 'persistentvolumeclaims', 'task-pv-claim')?.metadata.deletionTimestamp).toBeDefined();
    must(c.api.delete('pods', 'default', 'writer', { gracePeriodSeconds: 0 }));
    c.advance(5000);
    expect(get(c, 'persistentvolumeclaims', 'task-pv-claim')).toBeUndefined();
    const released = get(c, 'persistentvolumes', 'task-pv-volume')!;
    expect(released.status.phase).toBe('Released');
    expect(released.spec.claimRef.name).toBe('task-pv-claim');
    // A new claim of the same name does not get the released volume back.
    must(c.api.create('persistentvolumeclaims', 'default', taskClaim));
    c.advance(1000);
    expect(get(c, 'persistentvolumeclaims', 'task-pv-claim')?.status.phase).toBe('Pending');
    expect(fileOn(c.kubelet('node01')!.root, '/mnt/data/f')).toBe('kept\n');
    must(c.api.delete('persistentvolumes', undefined, 'task-pv-volume'));
    c.advance(1000);
    expect(get(c, 'persistentvolumes', 'task-pv-volume')).toBeUndefined();
  });

  it('fails a Delete-policy hostPath volume outside /tmp with the deleter error', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    must(c.api.create('persistentvolumes', undefined, { ...taskVolume, spec: { ...taskVolume.spec, persistentVolumeReclaimPolicy: 'Delete' } }));
    must(c.api.create('persistentvolumeclaims', 'default', taskClaim));
    c.advance(1000);
    must(c.api.delete('persistentvolumeclaims', 'default', 'task-pv-claim'));
    c.advance(1000);
    const pv = get(c, 'persistentvolumes', 'task-pv-volume')!;
    expect(pv.status).toMatchObject({ phase: 'Failed', message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/data' });
  });

  it('validates volumes, claims and classes with the API server texts', () => {
    const c = new Cluster({ workers: 1 });
    const bad = (resource: string, obj: unknown) => {
      const r = c.api.create(resource, 'default', obj);
      return r.ok ? '' : r.status.message;
    };
    expect(bad('persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'x' }, spec: {} })).toBe(
      'PersistentVolume "x" is invalid: [spec.accessModes: Required value, spec.capacity: Required value, spec: Required value: must specify a volume type]',
    );
    expect(bad('persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'x' }, spec: { accessModes: ['ReadWriteMost'], resources: { requests: { storage: '0' } } } })).toBe(
      'PersistentVolumeClaim "x" is invalid: [spec.accessModes: Unsupported value: "ReadWriteMost": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod", spec.resources[storage]: Invalid value: "0": must be greater than zero]',
    );
    expect(bad('storageclasses', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' } })).toBe('StorageClass.storage.k8s.io "x" is invalid: provisioner: Required value');
  });
});
