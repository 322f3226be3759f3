/**
 * The StatefulSet controller with real kubelets, in virtual time: ordered creation with claims from
 * volumeClaimTemplates, stable names and DNS identity, ordered scale-down, rolling update from the
 * highest ordinal, ControllerRevisions. Texts and shapes are the controller's (stateful_set_control.go,
 * stateful_set_utils.go); the flow is the kubernetes.io tutorial "StatefulSet Basics".
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';
import { nginxService, webStatefulSet } from './statefulset-basics.testdata.js';

const must = (r: { ok: boolean; status?: { message?: string }; value?: unknown }): Any => {
  if (!r.ok) throw new Error(r.status?.message);
  return r.value as Any;
};
const list = (c: Cluster, resource: string): Any[] => {
  const r = c.api.list(resource, 'default');
  return r.ok ? (r.value.items as Any[]) : [];
};
const podNames = (c: Cluster) => list(c, 'pods').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
const sts = (c: Cluster): Any => must(c.api.get('statefulsets', 'default', 'web'));
const events = (c: Cluster): string[] => list(c, 'events').filter((e) => e.involvedObject.kind === 'StatefulSet').map((e) => `${e.reason}: ${e.message}`);

function setUp(replicas: number, volumes = 3, defaultClass = true): Cluster {
  const c = new Cluster({ workers: 2 });
  c.advance(0);
  if (!defaultClass) must(c.api.delete('storageclasses', undefined, 'local-path'));
  for (let i = 0; i < volumes; i++) {
    must(c.api.create('persistentvolumes', undefined, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `pv${i}` }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/pv${i}` } } }));
  }
  must(c.api.create('services', 'default', nginxService));
  must(c.api.create('statefulsets', 'default', webStatefulSet(replicas)));
  return c;
}

describe('StatefulSet', () => {
  it('defaults the spec as apps/v1 does', () => {
    const c = setUp(2);
    const s = sts(c);
    expect(s.spec).toMatchObject({ podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } });
    expect(s.spec.volumeClaimTemplates[0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(s.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('creates web-0 first and web-1 only once web-0 is Running and Ready, each with its own claim', () => {
    const c = setUp(2);
    c.advance(1000);
    expect(podNames(c)).toEqual(['web-0']);
    c.advance(60_000);
    expect(podNames(c)).toEqual(['web-0', 'web-1']);
    const [p0] = list(c, 'pods');
    expect(p0.spec.hostname).toBe('web-0');
    expect(p0.spec.subdomain).toBe('nginx');
    expect(p0.metadata.labels).toEqual({ app: 'nginx', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': sts(c).status.updateRevision, 'statefulset.kubernetes.io/pod-name': 'web-0' });
    expect(p0.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(list(c, 'persistentvolumeclaims').map((p) => [p.metadata.name, p.status.phase, p.metadata.labels])).toEqual([
      ['www-web-0', 'Bound', { app: 'nginx' }],
      ['www-web-1', 'Bound', { app: 'nginx' }],
    ]);
    expect(events(c).slice(0, 2)).toEqual(['SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success', 'SuccessfulCreate: create Pod web-0 in StatefulSet web successful']);
    const revisions = list(c, 'controllerrevisions');
    expect(revisions.map((r) => [r.metadata.name, r.revision])).toEqual([[sts(c).status.updateRevision, 1]]);
    expect(sts(c).status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2, currentRevision: revisions[0].metadata.name });
  });

  it('without a default class, waits for a claim no volume can satisfy, with web-0 Pending', () => {
    const c = setUp(2, 0, false);
    c.advance(30_000);
    expect(podNames(c)).toEqual(['web-0']);
    expect(list(c, 'pods')[0].status.conditions[0].message).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('scales down from the highest ordinal, one pod at a time, keeping the claims', () => {
    const c = setUp(3);
    c.advance(120_000);
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    must(c.api.patch('statefulsets', 'default', 'web', 'merge', { spec: { replicas: 1 } }));
    c.advance(60_000);
    expect(podNames(c)).toEqual(['web-0']);
    expect(events(c).filter((e) => e.startsWith('SuccessfulDelete'))).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
    expect(list(c, 'persistentvolumeclaims')).toHaveLength(3);
  });

  it('with minReadySeconds, creates the next pod only once the previous one has been Ready that long', () => {
    const c = setUp(0);
    must(c.api.patch('statefulsets', 'default', 'web', 'merge', { spec: { replicas: 2, minReadySeconds: 30 } }));
    c.advance(25_000);
    expect(podNames(c)).toEqual(['web-0']);
    expect(sts(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    c.advance(30_000);
    expect(podNames(c)).toEqual(['web-0', 'web-1']);
    expect(sts(c).status.availableReplicas).toBe(1);
  });

  it('rolls a new template out from the highest ordinal down and records a second revision', () => {
    const c = setUp(2);
    c.advance(120_000);
    const first = sts(c).status.currentRevision;
    must(c.api.patch('statefulsets', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.k8s.io/nginx-slim:0.24' }]));
    c.advance(2000);
    expect(events(c).filter((e) => e.startsWith('SuccessfulDelete'))).toEqual(['SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
    c.advance(180_000);
    const s = sts(c);
    expect(s.status.updateRevision).not.toBe(first);
    expect(s.status).toMatchObject({ replicas: 2, readyReplicas: 2, currentRevision: s.status.updateRevision, updatedReplicas: 2 });
    expect(list(c, 'pods').map((p) => p.spec.containers[0].image)).toEqual(['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.24']);
    expect(list(c, 'controllerrevisions').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('below the partition recreates a deleted pod from the current revision, its template included; at or above it, from the update revision', () => {
    // The tutorial's "Staging an update": with partition 3, web-2 deleted comes back on the old image; with partition 2 it
    // gets the new one while web-1, below it, comes back on the old one (newVersionedStatefulSetPod).
    const image = (c: Cluster, name: string) => must(c.api.get('pods', 'default', name)).spec.containers[0].image;
    const c = setUp(3);
    c.advance(180_000);
    must(c.api.patch('statefulsets', 'default', 'web', 'merge', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } } }));
    must(c.api.patch('statefulsets', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.k8s.io/nginx-slim:0.24' }]));
    c.advance(5000);
    must(c.api.delete('pods', 'default', 'web-2'));
    c.advance(60_000);
    expect(image(c, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.21');
    expect(must(c.api.get('pods', 'default', 'web-2')).metadata.labels['controller-revision-hash']).toBe(sts(c).status.currentRevision);
    must(c.api.patch('statefulsets', 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: 2 } } } }));
    c.advance(60_000);
    expect(image(c, 'web-2')).toBe('registry.k8s.io/nginx-slim:0.24');
    must(c.api.delete('pods', 'default', 'web-1'));
    c.advance(60_000);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(c, n))).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24']);
  });

  it('adopts the pods a set deleted with --cascade=orphan left, then creates the missing ordinal and removes the surplus one', () => {
    // The tutorial's "Non-cascading delete": web-0 deleted while orphaned, the set recreated with 2 replicas over web-1 and
    // web-2 (getPodsForStatefulSet claims orphans named <set>-<ordinal>; web-0 is created, web-2 condemned).
    const c = setUp(3);
    c.advance(180_000);
    must(c.api.delete('statefulsets', 'default', 'web', { propagationPolicy: 'Orphan' }));
    c.advance(1000);
    expect(list(c, 'pods').map((p) => p.metadata.ownerReferences ?? [])).toEqual([[], [], []]);
    must(c.api.delete('pods', 'default', 'web-0'));
    c.advance(60_000);
    expect(podNames(c)).toEqual(['web-1', 'web-2']);
    must(c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-x', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/nginx-slim:0.21' }] } }));
    must(c.api.create('statefulsets', 'default', webStatefulSet(2)));
    c.advance(120_000);
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-x']);
    const uid = sts(c).metadata.uid;
    expect(list(c, 'pods').map((p) => [p.metadata.name, p.metadata.ownerReferences?.[0]?.uid])).toEqual([
      ['web-0', uid],
      ['web-1', uid],
      ['web-x', undefined],
    ]);
    expect(events(c).filter((e) => e.startsWith('SuccessfulDelete'))).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful']);
    // The orphaned revision of the same template is claimed back (ListRevisions), not duplicated.
    expect(list(c, 'controllerrevisions').map((r) => [r.revision, r.metadata.ownerReferences?.[0]?.uid])).toEqual([[1, uid]]);
  });
});
