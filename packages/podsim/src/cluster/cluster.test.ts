import { describe, expect, it } from 'vitest';
import type { KubeObject, Node } from '../api/types.js';
import { emptyInput, StringSink } from '../kernel/streams.js';
import { Cluster } from './cluster.js';
import { clusterNodes } from './topology.js';

type NodeObj = Node & KubeObject;

describe('Cluster', () => {
  it('boots a control plane and three workers that are Ready at once', () => {
    const c = new Cluster();
    expect(c.clock.now()).toBe(Date.UTC(2026, 10, 27, 9, 0, 0));
    c.advance(0);
    const nodes = c.api.list<NodeObj>('nodes', undefined);
    expect(nodes.ok).toBe(true);
    const items = nodes.ok ? nodes.value.items : [];
    expect(items.map((n) => n.metadata.name)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    for (const n of items) expect(n.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(items.map((n) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address)).toEqual(['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5']);
    expect(items.map((n) => n.spec?.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24', '10.244.3.0/24']);
    expect(items[0].spec?.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect(c.kubelet('node02')).toBeDefined();
    expect(c.kubelet('node09')).toBeUndefined();
  });

  it('publishes the API server behind the kubernetes Service', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const ep = c.api.get('endpoints', 'default', 'kubernetes');
    expect(ep.ok && ep.value.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('routes pod streams to the pod node and words the errors like the API server', () => {
    const c = new Cluster();
    c.advance(0);
    const stdio = { stdin: emptyInput, stdout: new StringSink(), stderr: new StringSink(), tty: false };
    const missing = c.streams.exec('default', 'nope', undefined, ['ls'], stdio);
    expect(missing.ok ? '' : missing.status).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lost' }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.advance(1_000);
    const unscheduled = c.streams.logs('default', 'lost', undefined, {});
    expect(unscheduled.ok ? '' : unscheduled.status).toMatchObject({ reason: 'BadRequest', message: 'pod lost does not have a host assigned' });
  });

  it('names nodes controlplane, node01… with per-node CIDRs and addresses', () => {
    expect(clusterNodes(2)).toEqual([
      { name: 'controlplane', controlPlane: true, podCIDR: '10.244.0.0/24', internalIP: '172.18.0.2' },
      { name: 'node01', controlPlane: false, podCIDR: '10.244.1.0/24', internalIP: '172.18.0.3' },
      { name: 'node02', controlPlane: false, podCIDR: '10.244.2.0/24', internalIP: '172.18.0.4' },
    ]);
    expect(clusterNodes(0)).toHaveLength(1);
  });
});
