/**
 * The default `local-path` StorageClass and its provisioner, in virtual time: DefaultStorageClass
 * admission, WaitForFirstConsumer binding through the scheduler, provisioning of a node-local hostPath
 * volume, and its deletion with the claim. Facts come from rancher/local-path-provisioner
 * (deploy/local-path-storage.yaml, provisioner.go), pv_controller.go's and the external provisioner
 * library's event texts, and the real kubectl 1.32's `get storageclass` against `podsim serve`.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';
import { hostWithCluster } from '../kubectl/testing.js';
import { nginxService, webStatefulSet } from './statefulset-basics.testdata.js';

const must = (r: { ok: boolean; status?: { message?: string }; value?: unknown }): Any => {
  if (!r.ok) throw new Error(r.status?.message);
  return r.value as Any;
};
const get = (c: Cluster, resource: string, name: string, ns: string | undefined = 'default'): Any | undefined => {
  const r = c.api.get(resource, ns, name);
  return r.ok ? (r.value as Any) : undefined;
};
const list = (c: Cluster, resource: string, ns: string | undefined = 'default'): Any[] => {
  const r = c.api.list(resource, ns);
  return r.ok ? (r.value.items as Any[]) : [];
};
const claimEvents = (c: Cluster, name: string): string[] =>
  list(c, 'events')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
const claim = (name: string, spec: Any = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, ...spec },
});
const pod = (name: string, claimName: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi > /data/f; sleep 3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
  },
});

describe('local-path default StorageClass', () => {
  it('is installed at boot as the default class and printed as kubectl 1.32 prints it', () => {
    const { host, cluster } = hostWithCluster();
    expect(get(cluster, 'storageclasses', 'local-path', undefined)).toMatchObject({
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    expect(host.run(['get', 'storageclass']).stdout).toBe(
      'NAME                   PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nlocal-path (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  5s\n',
    );
  });

  it('is given to a claim that names no class, not to one that asks for none', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    expect(must(c.api.create('persistentvolumeclaims', 'default', claim('plain'))).spec.storageClassName).toBe('local-path');
    expect(must(c.api.create('persistentvolumeclaims', 'default', claim('none', { storageClassName: '' }))).spec.storageClassName).toBe('');
  });
});

describe('WaitForFirstConsumer provisioning', () => {
  it('keeps the claim Pending until a pod uses it, then provisions a volume on the pod node and binds', () => {
    const c = new Cluster({ workers: 2 });
    c.advance(0);
    const uid = must(c.api.create('persistentvolumeclaims', 'default', claim('data'))).metadata.uid;
    c.advance(30_000);
    expect(get(c, 'persistentvolumeclaims', 'data')?.status.phase).toBe('Pending');
    expect(claimEvents(c, 'data')).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    expect(list(c, 'persistentvolumes', undefined)).toEqual([]);

    must(c.api.create('pods', 'default', pod('user', 'data')));
    c.advance(30_000);
    const p = get(c, 'pods', 'user')!;
    expect(p.status.phase).toBe('Running');
    const node = p.spec.nodeName;
    expect(['node01', 'node02']).toContain(node);
    const bound = get(c, 'persistentvolumeclaims', 'data')!;
    expect(bound.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(bound.spec.volumeName).toBe(`pvc-${uid}`);
    expect(bound.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'pv.kubernetes.io/bind-completed': 'yes',
    });
    const pv = get(c, 'persistentvolumes', `pvc-${uid}`, undefined)!;
    expect(pv.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(pv.spec).toMatchObject({
      capacity: { storage: '2Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'local-path',
      volumeMode: 'Filesystem',
      hostPath: { path: `/opt/local-path-provisioner/pvc-${uid}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid },
    });
    expect(pv.status.phase).toBe('Bound');
    const reasons = claimEvents(c, 'data').map((e) => e.split(':')[0]);
    expect(reasons).toEqual(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
    expect(claimEvents(c, 'data').slice(2)).toEqual(['Provisioning: External provisioner is provisioning volume for claim "default/data"', `ProvisioningSucceeded: Successfully provisioned volume pvc-${uid}`]);
    // The files live in that directory of that node.
    const dir = c.kubelet(node)!.root.children.get('opt');
    expect(dir?.kind).toBe('dir');

    // A later pod on the same claim follows the volume to its node.
    must(c.api.delete('pods', 'default', 'user'));
    c.advance(60_000);
    for (let i = 0; i < 4; i++) must(c.api.create('pods', 'default', pod(`again-${i}`, 'data')));
    c.advance(10_000);
    for (let i = 0; i < 4; i++) expect(get(c, 'pods', `again-${i}`)?.spec.nodeName).toBe(node);
  });

  it('deletes the provisioned volume with its claim (reclaim Delete)', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const uid = must(c.api.create('persistentvolumeclaims', 'default', claim('data'))).metadata.uid;
    must(c.api.create('pods', 'default', pod('user', 'data')));
    c.advance(30_000);
    expect(get(c, 'persistentvolumes', `pvc-${uid}`, undefined)?.status.phase).toBe('Bound');
    must(c.api.delete('pods', 'default', 'user'));
    c.advance(60_000);
    must(c.api.delete('persistentvolumeclaims', 'default', 'data'));
    c.advance(5_000);
    expect(get(c, 'persistentvolumeclaims', 'data')).toBeUndefined();
    expect(get(c, 'persistentvolumes', `pvc-${uid}`, undefined)).toBeUndefined();
  });

  it('runs the StatefulSet Basics web set: each replica Running with its own bound claim', () => {
    const c = new Cluster({ workers: 2 });
    c.advance(0);
    must(c.api.create('services', 'default', nginxService));
    must(c.api.create('statefulsets', 'default', webStatefulSet(2)));
    c.advance(120_000);
    const pods = list(c, 'pods').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    expect(pods.map((p) => [p.metadata.name, p.status.phase])).toEqual([
      ['web-0', 'Running'],
      ['web-1', 'Running'],
    ]);
    const claims = list(c, 'persistentvolumeclaims');
    expect(claims.map((p) => [p.metadata.name, p.status.phase, p.spec.storageClassName])).toEqual([
      ['www-web-0', 'Bound', 'local-path'],
      ['www-web-1', 'Bound', 'local-path'],
    ]);
    for (const [i, p] of pods.entries()) {
      const pv = get(c, 'persistentvolumes', claims[i].spec.volumeName, undefined)!;
      expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([p.spec.nodeName]);
    }
  });
});
