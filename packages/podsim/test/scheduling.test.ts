/** default-scheduler against real nodes: spread, nodeSelector, and pods that fit nowhere. */
import { describe, expect, it } from 'vitest';
import { apply, bootCluster, eventLines, getPod, waitFor } from './support/harness.js';

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}
  containers:
  - name: app
    image: gcr.io/google-samples/hello-app:1.0
`;

describe('scheduling', () => {
  it('never places workloads on the tainted control plane, and spreads bare pods', () => {
    const c = bootCluster();
    for (let i = 0; i < 6; i++) apply(c, pod(`p${i}`, '  restartPolicy: Always'));
    c.advance(1_000);
    const nodes = Array.from({ length: 6 }, (_, i) => getPod(c, `p${i}`)?.spec?.nodeName);
    expect(nodes).not.toContain('controlplane');
    expect(nodes).not.toContain(undefined);
    for (const n of ['node01', 'node02', 'node03']) expect(nodes.filter((x) => x === n)).toHaveLength(2);
  });

  it('honours nodeSelector and records Scheduled from default-scheduler', () => {
    const c = bootCluster();
    apply(c, pod('pinned', '  nodeSelector:\n    kubernetes.io/hostname: node02'));
    c.advance(1_000);
    expect(getPod(c, 'pinned')?.spec?.nodeName).toBe('node02');
    const scheduled = eventLines(c, 'pinned')[0];
    expect(scheduled).toBe('Scheduled: Successfully assigned default/pinned to node02');
    expect(getPod(c, 'pinned')?.status?.conditions?.find((x) => x.type === 'PodScheduled')?.status).toBe('True');
  });

  it('leaves an unschedulable pod Pending with the real FailedScheduling message', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: greedy
spec:
  containers:
  - name: app
    image: gcr.io/google-samples/hello-app:1.0
    resources:
      requests:
        cpu: "100"
`);
    c.advance(1_000);
    const p = getPod(c, 'greedy');
    expect(p?.spec?.nodeName).toBeUndefined();
    expect(p?.status?.phase).toBe('Pending');
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(p?.status?.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }));
    expect(eventLines(c, 'greedy')).toEqual([`FailedScheduling: ${message}`]);
    // Unschedulable pods are retried slowly, not in a hot loop.
    c.advance(60_000);
    expect(eventLines(c, 'greedy').length).toBeLessThanOrEqual(1);

    apply(c, pod('nowhere', '  nodeSelector:\n    disk: ssd'));
    c.advance(1_000);
    expect(eventLines(c, 'nowhere')).toEqual([
      "FailedScheduling: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    ]);
    // Labelling a node makes it schedulable: the pod is retried and bound.
    c.api.patch('nodes', undefined, 'node03', 'merge', { metadata: { labels: { disk: 'ssd' } } });
    expect(waitFor(c, () => getPod(c, 'nowhere')?.spec?.nodeName === 'node03', 15_000)).toBe(true);
  });
});
