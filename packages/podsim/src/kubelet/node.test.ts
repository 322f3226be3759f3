import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { Random } from '../random/random.js';
import { nodeObject } from './node.js';
import { testNode } from './testkit.js';
import type { Any } from '../api/objects.js';

describe('node registration', () => {
  it('registers a Ready worker node with its labels, capacity and addresses', () => {
    const n = testNode();
    n.advance(0.1);
    const r = n.api.get('nodes', undefined, 'node01');
    expect(r.ok).toBe(true);
    const node = (r.ok ? r.value : {}) as KubeObject & Any;
    expect(node.metadata.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node01',
      'kubernetes.io/os': 'linux',
    });
    expect(node.spec.taints).toBeUndefined();
    expect(node.spec.podCIDR).toBe('10.244.1.0/24');
    expect(node.status.capacity).toMatchObject({ cpu: '2', pods: '110', memory: '4025236Ki' });
    expect(node.status.allocatable.memory).toBe('3922836Ki');
    expect(node.status.addresses).toEqual([
      { address: '172.18.0.3', type: 'InternalIP' },
      { address: 'node01', type: 'Hostname' },
    ]);
    expect(node.status.conditions.map((c: { type: string; status: string; reason: string }) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'MemoryPressure=False/KubeletHasSufficientMemory',
      'DiskPressure=False/KubeletHasNoDiskPressure',
      'PIDPressure=False/KubeletHasSufficientPID',
      'Ready=True/KubeletReady',
    ]);
    n.advance(300);
    const later = n.api.get('nodes', undefined, 'node01');
    const ready = ((later.ok ? later.value : {}) as Any).status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(ready.lastHeartbeatTime).toBe('2026-11-27T09:05:00Z');
    expect(ready.lastTransitionTime).toBe('2026-11-27T09:00:00Z');
    expect(node.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.24', operatingSystem: 'linux', architecture: 'amd64' });
  });
});

describe('nodeObject', () => {
  it('marks the control plane with its role label and NoSchedule taint', () => {
    const node = nodeObject({ name: 'controlplane', controlPlane: true, podCIDR: '10.244.0.0/24', internalIP: '172.18.0.2', capacity: { cpu: '2', memory: '4025236Ki', pods: '110' }, now: 0, random: new Random(1) }) as KubeObject & Any;
    expect(node.metadata.labels?.['node-role.kubernetes.io/control-plane']).toBe('');
    expect(node.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
  });
});
