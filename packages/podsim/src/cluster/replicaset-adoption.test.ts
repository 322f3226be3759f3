/**
 * A ReplicaSet adopting matching orphans with the scheduler and real kubelets, in virtual time. Expected: the
 * kubernetes.io page concepts/workloads/controllers/replicaset ("Non-Template Pod acquisitions"): pod1 and pod2,
 * created after the frontend set, are listed `0/1 Terminating` a second later (they were bound to a node when the
 * set deleted them as beyond its replicas, so the API server deleted them gracefully), then the set keeps its 3.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';

const must = (r: { ok: boolean; status?: { message?: string }; value?: unknown }): Any => {
  if (!r.ok) throw new Error(r.status?.message);
  return r.value as Any;
};
const pods = (c: Cluster): Any[] => {
  const r = c.api.list('pods', 'default');
  return r.ok ? (r.value.items as Any[]) : [];
};
const frontend = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend', labels: { app: 'guestbook', tier: 'frontend' } },
  spec: { replicas: 3, selector: { matchLabels: { tier: 'frontend' } }, template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php-redis', image: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5' }] } } },
};
const orphan = (name: string, image: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { tier: 'frontend' } }, spec: { containers: [{ name: `hello${name.slice(-1)}`, image }] } });

describe('ReplicaSet adoption', () => {
  it('deletes the orphans beyond its replicas once they are bound: they terminate gracefully, then the set keeps its 3', () => {
    const c = new Cluster({ workers: 3 });
    c.advance(0);
    must(c.api.create('replicasets', 'default', frontend));
    c.advance(60_000);
    must(c.api.create('pods', 'default', orphan('pod1', 'gcr.io/google-samples/hello-app:2.0')));
    must(c.api.create('pods', 'default', orphan('pod2', 'gcr.io/google-samples/hello-app:1.0')));
    c.advance(1_000);
    const adopted = pods(c).filter((p) => /^pod\d$/.test(p.metadata.name));
    expect(adopted.map((p) => p.metadata.name).sort()).toEqual(['pod1', 'pod2']);
    for (const p of adopted) {
      expect(p.spec.nodeName).toMatch(/^node0\d$/);
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'frontend', controller: true });
    }
    c.advance(60_000);
    expect(pods(c).map((p) => p.metadata.name).every((n: string) => n.startsWith('frontend-'))).toBe(true);
    expect(pods(c)).toHaveLength(3);
  });
});
