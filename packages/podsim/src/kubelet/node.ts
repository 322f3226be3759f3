/**
 * The Node object a kubelet registers: kubeadm-style labels and control-plane taint, capacity and
 * allocatable, the four conditions with their kubelet reasons, addresses and node info.
 * Models pkg/kubelet/kubelet_node_status.go (initialNode) and pkg/kubelet/nodestatus/setters.go.
 */
import { rfc3339 } from '../api/objects.js';
import type { KubeObject } from '../api/types.js';
import type { Random } from '../random/random.js';

export interface NodeFacts {
  name: string;
  controlPlane: boolean;
  podCIDR: string;
  internalIP: string;
  capacity: { cpu: string; memory: string; pods: string };
  now: number;
  random: Random;
}

export const KUBELET_VERSION = 'v1.32.4';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
/**
 * Whether the runtime applies supplementalGroupsPolicy: containerd does since 2.0 (the security-context
 * page's "Implementations"); 1.7 does not know the CRI field, so while the gate is alpha (1.31–1.32) a
 * Strict pod silently gets the Merge groups (KEP-3619; the kubelet rejects it only from 1.33).
 */
export const RUNTIME_HAS_SUPPLEMENTAL_GROUPS_POLICY = Number(/^containerd:\/\/(\d+)\./.exec(CONTAINER_RUNTIME_VERSION)?.[1]) >= 2;

/** `4030928Ki` style memory as allocatable minus the 100Mi hard eviction threshold. */
function allocatableMemory(memory: string): string {
  const m = /^(\d+)Ki$/.exec(memory);
  return m ? `${Number(m[1]) - 102400}Ki` : memory;
}

function condition(type: string, status: string, reason: string, message: string, at: string) {
  return { type, status, lastHeartbeatTime: at, lastTransitionTime: at, reason, message };
}

export function nodeConditions(at: string) {
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', at),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', at),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', at),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', at),
  ];
}

/** A status report: same conditions, fresh lastHeartbeatTime (transitions keep their time). */
export function heartbeat(status: Record<string, unknown> | undefined, at: string): Record<string, unknown> {
  const conditions = (status?.conditions as Record<string, unknown>[] | undefined) ?? nodeConditions(at);
  return { ...status, conditions: conditions.map((c) => ({ ...c, lastHeartbeatTime: at })) };
}

export function nodeObject(f: NodeFacts): KubeObject {
  const at = rfc3339(f.now);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': f.name,
    'kubernetes.io/os': 'linux',
  };
  if (f.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const storage = { capacity: '61202244Ki', allocatable: '56403987978' };
  const capacity = { cpu: f.capacity.cpu, 'ephemeral-storage': storage.capacity, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: f.capacity.memory, pods: f.capacity.pods };
  const allocatable = { ...capacity, 'ephemeral-storage': storage.allocatable, memory: allocatableMemory(f.capacity.memory) };
  const spec: Record<string, unknown> = { podCIDR: f.podCIDR, podCIDRs: [f.podCIDR] };
  if (f.controlPlane) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: f.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      capacity,
      allocatable,
      conditions: nodeConditions(at),
      addresses: [
        { address: f.internalIP, type: 'InternalIP' },
        { address: f.name, type: 'Hostname' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: f.random.hex(32),
        systemUUID: f.random.uuid(),
        bootID: f.random.uuid(),
        kernelVersion: '5.15.0-126-generic',
        osImage: 'Ubuntu 22.04.5 LTS',
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kubeletVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
