/**
 * The DaemonSet controller with real kubelets: one pod per schedulable node (the control-plane taint
 * keeps daemons off it unless tolerated, as on kubeadm), pod shape from daemonset_util.go, rolling
 * update one node at a time (maxUnavailable 1 by default).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';
import type { Any } from '../api/objects.js';

function daemonSet(c: Cluster, name: string, podSpec: Any): void {
  const r = c.api.create('daemonsets', 'default', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
  });
  if (!r.ok) throw new Error(r.status.message);
}

const podsOf = (c: Cluster, name: string): Any[] => {
  const r = c.api.list('pods', 'default', { labelSelector: `app=${name}` });
  return r.ok ? (r.value.items as Any[]).filter((p) => !p.metadata.deletionTimestamp) : [];
};
const ds = (c: Cluster, name: string): Any => {
  const r = c.api.get('daemonsets', 'default', name);
  return r.ok ? r.value : {};
};

describe('DaemonSet', () => {
  it('runs one pod on each worker, none on the tainted control plane, and reports it in status', () => {
    const c = new Cluster({ workers: 3 });
    c.advance(0);
    daemonSet(c, 'agent', { containers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    expect(ds(c, 'agent').status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    expect(ds(c, 'agent').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    c.advance(20_000);
    const pods = podsOf(c, 'agent');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node01', 'node02', 'node03']);
    const p = pods[0];
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] }]);
    expect(p.spec.tolerations.map((t: Any) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(Object.keys(p.metadata.labels).sort()).toEqual(['app', 'controller-revision-hash', 'pod-template-generation']);
    expect(ds(c, 'agent').status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 });
  });

  it('runs on the control plane too when the template tolerates its taint', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    daemonSet(c, 'everywhere', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], containers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    c.advance(20_000);
    expect(podsOf(c, 'everywhere').map((p) => p.spec.nodeName).sort()).toEqual(['controlplane', 'node01']);
  });

  it('replaces pods one node at a time when the template changes', () => {
    const c = new Cluster({ workers: 3 });
    c.advance(0);
    daemonSet(c, 'roll', { containers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    c.advance(20_000);
    const before = new Set(podsOf(c, 'roll').map((p) => p.metadata.name));
    c.api.patch('daemonsets', 'default', 'roll', 'strategic', { spec: { template: { spec: { containers: [{ name: 'a', image: 'busybox:1.37' }] } } } });
    let maxMissing = 0;
    for (let i = 0; i < 240; i++) {
      c.advance(500);
      const ready = podsOf(c, 'roll').filter((p) => p.status?.conditions?.some((x: Any) => x.type === 'Ready' && x.status === 'True'));
      maxMissing = Math.max(maxMissing, 3 - ready.length);
    }
    const after = podsOf(c, 'roll');
    expect(after.every((p) => !before.has(p.metadata.name) && p.spec.containers[0].image === 'busybox:1.37')).toBe(true);
    expect(maxMissing).toBe(1);
    expect(ds(c, 'roll').status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });
});
