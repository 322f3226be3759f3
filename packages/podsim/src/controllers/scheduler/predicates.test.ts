import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../api/types.js';
import { filterNode, fitErrorMessage, podRequests, tolerates, type NodeUsage } from './predicates.js';
import { bestCandidates, leastAllocatedScore } from './scoring.js';

function node(name: string, o: { ready?: boolean; taints?: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never; labels?: Record<string, string>; cpu?: string; unschedulable?: boolean } = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: { cpu: o.cpu ?? '2', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] },
  };
}
const controlPlane = node('controlplane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
const empty: NodeUsage = { requested: { milliCpu: 0, memory: 0 }, pods: 0, hostPorts: new Set() };
const pod = (spec: Partial<Pod['spec']> = {}): Pod => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } as Pod['spec'] });

describe('scheduler filters', () => {
  it('rejects the control plane taint unless tolerated', () => {
    expect(filterNode(pod(), controlPlane, empty)).toEqual({ fits: false, reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], resolvable: false });
    const tolerant = pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(filterNode(tolerant, controlPlane, empty)).toEqual({ fits: true });
    expect(tolerates([{ operator: 'Exists' }], { key: 'x', effect: 'NoSchedule' })).toBe(true);
    expect(tolerates([{ key: 'x', value: 'a' }], { key: 'x', value: 'b', effect: 'NoSchedule' })).toBe(false);
  });
  it('treats a node that is not Ready as tainted not-ready, and cordoned nodes as unschedulable', () => {
    expect(filterNode(pod(), node('n', { ready: false }), empty)).toMatchObject({ reasons: ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'] });
    expect(filterNode(pod(), node('n', { unschedulable: true }), empty)).toMatchObject({ reasons: ['node(s) were unschedulable'] });
  });
  it('checks nodeSelector and required node affinity', () => {
    const n = node('node01', { labels: { disk: 'ssd', gen: '5' } });
    expect(filterNode(pod({ nodeSelector: { disk: 'ssd' } }), n, empty)).toEqual({ fits: true });
    expect(filterNode(pod({ nodeSelector: { disk: 'hdd' } }), n, empty)).toMatchObject({ reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    const affinity = (operator: string, values?: string[]) =>
      pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator, values }] }] } } } });
    expect(filterNode(affinity('In', ['4', '5']), n, empty).fits).toBe(true);
    expect(filterNode(affinity('NotIn', ['5']), n, empty).fits).toBe(false);
    expect(filterNode(affinity('Gt', ['4']), n, empty).fits).toBe(true);
    expect(filterNode(affinity('DoesNotExist'), n, empty).fits).toBe(false);
  });
  it('checks requests against allocatable minus what is bound', () => {
    const big = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1500m', memory: '1Gi' } } }] });
    expect(podRequests(big)).toEqual({ milliCpu: 1500, memory: 2 ** 30 });
    expect(filterNode(big, node('n'), empty)).toEqual({ fits: true });
    const used: NodeUsage = { requested: { milliCpu: 1000, memory: 0 }, pods: 1, hostPorts: new Set() };
    expect(filterNode(big, node('n'), used)).toEqual({ fits: false, reasons: ['Insufficient cpu'], resolvable: true });
  });
  // fit_test.go (NodeResourcesFit): an extended resource the node lacks, or has too little of, fails as "Insufficient <name>".
  it('checks extended resources: a node without the resource has none of it', () => {
    const dongles = (n: string) => pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/dongle': n }, limits: { 'example.com/dongle': n } } }] });
    expect(podRequests(dongles('3'))).toEqual({ milliCpu: 0, memory: 0, extended: { 'example.com/dongle': 3 } });
    expect(filterNode(dongles('3'), node('n'), empty)).toEqual({ fits: false, reasons: ['Insufficient example.com/dongle'], resolvable: true });
    const withFour = node('n');
    withFour.status!.allocatable!['example.com/dongle'] = '4';
    expect(filterNode(dongles('3'), withFour, empty)).toEqual({ fits: true });
    const used: NodeUsage = { requested: { milliCpu: 0, memory: 0, extended: { 'example.com/dongle': 3 } }, pods: 1, hostPorts: new Set() };
    expect(filterNode(dongles('2'), withFour, used)).toMatchObject({ fits: false, reasons: ['Insufficient example.com/dongle'] });
  });
  it('words the FailedScheduling message like FitError', () => {
    const msg = fitErrorMessage(4, [
      { reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], resolvable: false },
      { reasons: ['Insufficient cpu'], resolvable: true },
      { reasons: ['Insufficient cpu'], resolvable: true },
      { reasons: ['Insufficient cpu'], resolvable: true },
    ]);
    expect(msg).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });
});

describe('scheduler scores', () => {
  it('prefers emptier nodes and spreads pods of one owner', () => {
    const n = node('n');
    expect(leastAllocatedScore(n, { milliCpu: 0, memory: 0 }, { milliCpu: 100, memory: 200 * 2 ** 20 })).toBe(96);
    const cands = [
      { node: node('a'), leastAllocated: 90, sameOwner: 1 },
      { node: node('b'), leastAllocated: 90, sameOwner: 0 },
      { node: node('c'), leastAllocated: 90, sameOwner: 0 },
    ];
    expect(bestCandidates(cands)).toEqual([1, 2]);
  });
});
