import { describe, expect, it } from 'vitest';
import { busybox, hello, testNode } from '../testkit.js';

const UNHEALTHY_LIVE = 'Warning Unhealthy Liveness probe failed: dial tcp 10.244.1.2:8081: connect: connection refused';
const UNHEALTHY_READY = 'Warning Unhealthy Readiness probe failed: Get "http://10.244.1.2:8081/": dial tcp 10.244.1.2:8081: connect: connection refused';

describe('probes against the wrong port (the course demo)', () => {
  const spec = () => ({
    containers: [
      hello({
        ports: [{ containerPort: 8080 }],
        livenessProbe: { tcpSocket: { port: 8081 }, initialDelaySeconds: 10, periodSeconds: 5 },
        readinessProbe: { httpGet: { path: '/', port: 8081 }, initialDelaySeconds: 10, periodSeconds: 5 },
      }),
    ],
  });

  it('liveness kills after 3 failures (3 × period after the initial delay); readiness never passes', () => {
    const n = testNode();
    n.run('web', spec());
    n.advance(24.9);
    expect(n.events('web')).toContain(`${UNHEALTHY_LIVE} (x2)`);
    expect(n.cs('web')?.restartCount).toBe(0);
    n.advance(0.2);
    expect(n.events('web')).toEqual([
      'Normal Pulling Pulling image "gcr.io/google-samples/hello-app:1.0"',
      expect.stringMatching(/^Normal Pulled Successfully pulled image/),
      'Normal Created Created container hello-world (x2)',
      'Normal Started Started container hello-world (x2)',
      `${UNHEALTHY_LIVE} (x3)`,
      `${UNHEALTHY_READY} (x3)`,
      'Normal Killing Container hello-world failed liveness probe, will be restarted',
      'Normal Pulled Container image "gcr.io/google-samples/hello-app:1.0" already present on machine',
    ]);
    n.advance(2);
    const cs = n.cs('web')!;
    expect(cs).toMatchObject({ restartCount: 1, ready: false, started: true, lastState: { terminated: { exitCode: 2, reason: 'Error' } } });
    expect(n.condition('web', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [hello-world]' });
    n.advance(40);
    expect(n.cs('web')?.restartCount).toBe(3);
    expect(n.kubelet.probeResults(n.pod('web')!.metadata!.uid!)).toEqual({ 'hello-world': { liveness: 'Success', readiness: 'Failure' } });
  });

  it('probes on the right port make the pod ready after the initial delay and never restart it', () => {
    const n = testNode();
    n.run('web', {
      containers: [
        hello({
          ports: [{ containerPort: 8080 }],
          livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 10, periodSeconds: 5 },
          readinessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 5 },
        }),
      ],
    });
    n.advance(14);
    expect(n.cs('web')?.ready).toBe(false);
    const ready = n.until(() => n.cs('web')?.ready === true);
    expect(ready).toBeCloseTo(15, 0);
    expect(n.condition('web', 'Ready')?.status).toBe('True');
    n.advance(120);
    expect(n.cs('web')?.restartCount).toBe(0);
    expect(n.events('web').some((e) => e.includes('Unhealthy'))).toBe(false);
  });
});

describe('readiness', () => {
  it('flips Ready with the probe result and only moves lastTransitionTime on a change', () => {
    const n = testNode();
    n.run('r', { containers: [busybox('sleep 3600', { readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2, failureThreshold: 1 } })] });
    n.advance(5);
    expect(n.cs('r')?.ready).toBe(false);
    expect(n.events('r').find((e) => e.includes('Unhealthy'))).toMatch(/^Warning Unhealthy Readiness probe failed: cat: can't open '\/tmp\/ready': No such file or directory\n?( \(x\d+\))?$/);
    expect(n.exec('r', 'box', ['touch', '/tmp/ready']).code).toBe(0);
    n.advance(2.5);
    expect(n.cs('r')?.ready).toBe(true);
    const since = n.condition('r', 'Ready')?.lastTransitionTime;
    n.advance(10);
    expect(n.condition('r', 'Ready')?.lastTransitionTime).toBe(since);
    n.exec('r', 'box', ['rm', '/tmp/ready']);
    n.advance(2.5);
    expect(n.condition('r', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(n.cs('r')?.restartCount).toBe(0);
  });
});

describe('startup probe', () => {
  it('holds liveness and readiness back until it succeeds, and started stays false until then', () => {
    const n = testNode();
    n.run('s', {
      containers: [
        busybox('sleep 20; touch /tmp/up; sleep 3600', {
          startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 5, failureThreshold: 10 },
          livenessProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 5 },
          readinessProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 5 },
        }),
      ],
    });
    n.advance(15);
    expect(n.cs('s')).toMatchObject({ started: false, ready: false });
    expect(n.events('s').filter((e) => e.includes('Unhealthy')).every((e) => e.includes('Startup probe failed'))).toBe(true);
    n.advance(15);
    expect(n.cs('s')).toMatchObject({ started: true, ready: true, restartCount: 0 });
  });

  it('kills the container when the startup probe keeps failing', () => {
    const n = testNode();
    n.run('s', { containers: [busybox('sleep 3600', { startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2, failureThreshold: 2 } })] });
    n.advance(8);
    expect(n.events('s')).toContain('Normal Killing Container box failed startup probe, will be restarted');
  });
});

describe('liveness failure under restartPolicy Never', () => {
  it('stops the whole pod (computePodActions KillPod: "Stopping container", no restart) and the pod fails', () => {
    const n = testNode();
    n.run('web', { restartPolicy: 'Never', containers: [hello({ livenessProbe: { tcpSocket: { port: 8081 }, initialDelaySeconds: 10, periodSeconds: 5 } })] });
    n.advance(40);
    const events = n.events('web');
    expect(events).toContain('Normal Killing Stopping container hello-world');
    expect(events.some((e) => e.includes('will be restarted'))).toBe(false);
    expect(n.cs('web')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } });
    expect(n.pod('web')?.status?.phase).toBe('Failed');
  });
});
