/** Multi-container pods share volumes and the network namespace (seed: shared resources). */
import { describe, expect, it } from 'vitest';
import { apply, bootCluster, containerStatus, exec, getPod, waitFor } from './support/harness.js';

describe('multi-container pods', () => {
  it('a producer writes into an emptyDir that the consumer reads', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: multicontainer-pod
spec:
  containers:
  - name: producer
    image: busybox
    command: ["sh", "-c", "while true; do echo $(hostname) $(date) >> /var/log/index.html; sleep 10; done"]
    volumeMounts:
    - name: webcontent
      mountPath: /var/log
  - name: consumer
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: webcontent
      mountPath: /usr/share/data
  volumes:
  - name: webcontent
    emptyDir: {}
`);
    expect(waitFor(c, () => (getPod(c, 'multicontainer-pod')?.status?.containerStatuses ?? []).every((s) => s.ready) && (getPod(c, 'multicontainer-pod')?.status?.containerStatuses ?? []).length === 2, 60_000)).toBe(true);
    c.advance(25_000);
    const out = exec(c, 'multicontainer-pod', ['cat', '/usr/share/data/index.html'], 'consumer');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(3);
    expect(out.stdout).toContain('multicontainer-pod');
  });

  it('two containers binding the same port: the second one fails and crash-loops', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: port-clash
spec:
  containers:
  - name: first
    image: gcr.io/google-samples/hello-app:1.0
  - name: second
    image: gcr.io/google-samples/hello-app:1.0
`);
    expect(waitFor(c, () => (containerStatus(getPod(c, 'port-clash'), 'second')?.restartCount ?? 0) >= 1, 60_000)).toBe(true);
    const pod = getPod(c, 'port-clash');
    expect(containerStatus(pod, 'first')?.state?.running).toBeDefined();
    const second = containerStatus(pod, 'second');
    expect(second?.lastState?.terminated?.exitCode).not.toBe(0);
    expect(second?.ready).toBe(false);
  });

  it('nginx that cannot bind its port tries five times, 500 ms apart, then gives up with exit 1', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: two-nginx
spec:
  containers:
  - name: first
    image: nginx
  - name: second
    image: nginx
`);
    expect(waitFor(c, () => (containerStatus(getPod(c, 'two-nginx'), 'second')?.restartCount ?? 0) >= 1, 60_000)).toBe(true);
    const last = containerStatus(getPod(c, 'two-nginx'), 'second')?.lastState?.terminated;
    expect(last?.exitCode).toBe(1);
    expect(Date.parse(last?.finishedAt ?? '') - Date.parse(last?.startedAt ?? '')).toBeGreaterThanOrEqual(2_500);
    const r = c.streams.logs('default', 'two-nginx', 'second', { previous: true });
    const text = r.ok ? r.log.lines().map((l) => `${l.text}\n`).join('') : '';
    const stderr = text.slice(text.indexOf('[emerg]') - 20).replace(/^.*?(?=\d{4}\/)/, '').replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/g, 'T');
    const attempt =
      'T [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n' +
      'T [emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)\nnginx: [emerg] bind() to [::]:80 failed (98: Address already in use)\n' +
      'T [notice] 1#1: try again to bind() after 500ms\n';
    expect(stderr).toBe(attempt.repeat(5) + 'T [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n');
  });
});
