import { describe, expect, it } from 'vitest';
import { helloDeployment } from '../../test/support/manifests.js';
import { createSandbox } from './sandbox.js';
import { TIMELINE_LIMITS } from './timeline.js';

const CRASHER = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "sleep 2; exit 3"]
`;

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  containers:
  - name: web
    image: nginx
    livenessProbe:
      httpGet:
        port: 8081
      periodSeconds: 5
    readinessProbe:
      tcpSocket:
        port: 80
      periodSeconds: 5
`;

describe('container timelines in the snapshot', () => {
  it('records running and terminated spans with exit codes, restarts, and the back-off countdown', async () => {
    const sb = createSandbox({ files: { 'crasher.yaml': CRASHER } });
    await sb.run('kubectl apply -f crasher.yaml');
    sb.advance(60_000);
    const c = sb.snapshot().pods[0].containers[0];
    const t = c.timeline!;
    expect(t.spans[0]).toMatchObject({ state: 'waiting', reason: 'ContainerCreating' });
    const terminated = t.spans.filter((s) => s.state === 'terminated');
    expect(terminated.length).toBeGreaterThanOrEqual(2);
    expect(terminated.every((s) => s.exitCode === 3 && s.reason === 'Error')).toBe(true);
    // Each span ends where the next one starts, on the cluster clock.
    for (let i = 1; i < t.spans.length; i++) expect(t.spans[i].from).toBe(t.spans[i - 1].to);
    expect(t.restarts.length).toBe(c.restarts);
    expect(t.restarts.length).toBeGreaterThanOrEqual(2);
    // Poll until the container waits in CrashLoopBackOff: the countdown ends one back-off after its last exit.
    let waiting = sb.snapshot().pods[0].containers[0];
    for (let i = 0; i < 100 && !waiting.backoff; i++) {
      sb.advance(500);
      waiting = sb.snapshot().pods[0].containers[0];
    }
    expect(waiting.reason).toBe('CrashLoopBackOff');
    const lastExit = waiting.timeline!.spans.filter((s) => s.state === 'terminated').pop()!.from;
    expect(waiting.backoff!.until).toBe(lastExit + waiting.backoff!.ms);
    expect([10_000, 20_000, 40_000, 80_000]).toContain(waiting.backoff!.ms);
  });

  it('marks every probe attempt as a tick with its result: one failure per Unhealthy event count, passes too', async () => {
    const sb = createSandbox({ files: { 'p.yaml': LIVENESS } });
    await sb.run('kubectl apply -f p.yaml');
    sb.advance(40_000);
    const snap = sb.snapshot();
    const ticks = snap.pods[0].containers[0].timeline!.probes;
    const unhealthy = snap.events.filter((e) => e.reason === 'Unhealthy').reduce((n, e) => n + e.count, 0);
    const failed = ticks.filter((t) => t.kind === 'liveness' && t.result === 'Failure');
    expect(failed.length).toBe(unhealthy);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    // The readiness probe on nginx's own port passes every period while the container runs.
    const passed = ticks.filter((t) => t.kind === 'readiness' && t.result === 'Success');
    expect(passed.length).toBeGreaterThanOrEqual(4);
    expect(ticks.filter((t) => t.kind === 'readiness' && t.result !== 'Success')).toEqual([]);
    // Every periodSeconds on the cluster clock (a start also triggers one at once: prober_manager's manual run).
    const times = [...new Set(passed.map((t) => t.at))];
    expect(times[2] - times[1]).toBe(5000);
    // Each liveness restart begins a new running span, at the time the restart is marked.
    const c = snap.pods[0].containers[0];
    expect(c.restarts).toBeGreaterThanOrEqual(1);
    const running = c.timeline!.spans.filter((s) => s.state === 'running');
    expect(running.length).toBe(c.restarts + 1);
    for (const at of c.timeline!.restarts) expect(c.timeline!.spans.some((s) => s.from === at)).toBe(true);
  });

  it('stays bounded in a long crash loop, and lists Deployments and ReplicaSets', async () => {
    const sb = createSandbox({ files: { 'crasher.yaml': CRASHER, 'd.yaml': helloDeployment('web', 2) } });
    await sb.run('kubectl apply -f crasher.yaml -f d.yaml');
    sb.advance(6 * 3_600_000);
    const snap = sb.snapshot();
    const t = snap.pods.find((p) => p.name === 'crasher')!.containers[0].timeline!;
    expect(t.spans.length).toBe(TIMELINE_LIMITS.spans);
    expect(snap.workloads?.map((w) => [w.kind, w.name.replace(/-[a-z0-9]+$/, '-*'), w.owner?.split('/')[0], w.replicas])).toEqual([
      ['Deployment', 'web', undefined, 2],
      ['ReplicaSet', 'web-*', 'Deployment', 2],
    ]);
  });
});
