import { describe, expect, it } from 'vitest';
import { busybox, hello, testNode } from './testkit.js';

describe('pod start', () => {
  it('pulls, creates and starts the container, then reports Running and Ready', () => {
    const n = testNode();
    n.run('hello-world-pod', { containers: [hello({ ports: [{ containerPort: 80 }] })] });
    n.advance(0.1);
    expect(n.cs('hello-world-pod')?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(n.pod('hello-world-pod')?.status?.phase).toBe('Pending');
    n.advance(5);
    const p = n.pod('hello-world-pod')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toBe('10.244.1.2');
    expect(p.status?.hostIP).toBe('172.18.0.3');
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const cs = n.cs('hello-world-pod')!;
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'gcr.io/google-samples/hello-app:1.0', imageID: expect.stringMatching(/^gcr\.io\/google-samples\/hello-app@sha256:[0-9a-f]{64}$/) });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(n.events('hello-world-pod')).toEqual([
      'Normal Pulling Pulling image "gcr.io/google-samples/hello-app:1.0"',
      expect.stringMatching(/^Normal Pulled Successfully pulled image "gcr\.io\/google-samples\/hello-app:1\.0" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 4190587 bytes\.$/),
      'Normal Created Created container hello-world',
      'Normal Started Started container hello-world',
    ]);
  });

  it('uses the cached image for IfNotPresent and says so', () => {
    const n = testNode();
    n.run('a', { containers: [hello()] });
    n.advance(5);
    n.run('b', { containers: [hello()] });
    n.advance(2);
    expect(n.events('b')[0]).toBe('Normal Pulled Container image "gcr.io/google-samples/hello-app:1.0" already present on machine');
    expect(n.pod('b')?.status?.podIP).toBe('10.244.1.3');
  });

  it('warns of image pull secrets it cannot read and pulls anyway (kubelet getPullSecretsForPod; tasks/configure-pod-container/pull-image-private-registry)', () => {
    const n = testNode();
    n.run('private-reg', { containers: [hello()], imagePullSecrets: [{ name: 'regcred' }, { name: '' }] });
    n.advance(5);
    // Every sync of the pod reads them again (the recorder counts the repeats).
    expect(n.events('private-reg')[0]).toMatch(/^Warning FailedToRetrieveImagePullSecret Unable to retrieve some image pull secrets \(regcred\); attempting to pull the image may not succeed\.( \(x\d+\))?$/);
    expect(n.pod('private-reg')?.status?.phase).toBe('Running');
  });
});

describe('restart policies after the app is killed (hello-app exits 2 on SIGTERM)', () => {
  const killApp = (n: ReturnType<typeof testNode>, pod: string) => {
    const r = n.exec(pod, undefined, ['/usr/bin/killall', 'hello-app']);
    expect(r.ok).toBe(true);
  };

  it('Always restarts at once and keeps the exit in lastState', () => {
    const n = testNode();
    n.run('hello-world-pod', { containers: [hello()] });
    n.advance(5);
    killApp(n, 'hello-world-pod');
    n.advance(0.5);
    expect(n.cs('hello-world-pod')?.state?.running).toBeDefined();
    n.advance(1);
    expect(n.cs('hello-world-pod')?.state?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    n.advance(1);
    const cs = n.cs('hello-world-pod')!;
    expect(cs.restartCount).toBe(1);
    expect(cs.state?.running).toBeDefined();
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(n.events('hello-world-pod').slice(2)).toEqual([
      'Normal Created Created container hello-world (x2)',
      'Normal Started Started container hello-world (x2)',
      'Normal Pulled Container image "gcr.io/google-samples/hello-app:1.0" already present on machine',
    ]);
  });

  it('Never leaves the pod Failed with the container terminated (Error, 2)', () => {
    const n = testNode();
    n.run('hello-world-never-pod', { restartPolicy: 'Never', containers: [hello()] });
    n.advance(5);
    killApp(n, 'hello-world-never-pod');
    n.advance(2);
    const p = n.pod('hello-world-never-pod')!;
    expect(p.status?.phase).toBe('Failed');
    expect(n.cs('hello-world-never-pod')).toMatchObject({ ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } });
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False/PodFailed',
      'ContainersReady=False/PodFailed',
      'PodScheduled=True',
    ]);
    expect(p.status?.podIP).toBe('10.244.1.2');
  });

  it('OnFailure restarts at once, then backs off 10 s on the second failure (status Error until the retry, then Running)', () => {
    const n = testNode();
    n.run('hello-world-onfailure-pod', { restartPolicy: 'OnFailure', containers: [hello()] });
    n.advance(5);
    killApp(n, 'hello-world-onfailure-pod');
    n.advance(3);
    expect(n.cs('hello-world-onfailure-pod')?.restartCount).toBe(1);
    const killedAt = n.t();
    killApp(n, 'hello-world-onfailure-pod');
    n.advance(1.5);
    expect(n.cs('hello-world-onfailure-pod')?.state?.terminated?.reason).toBe('Error');
    // A sync writes the status before it tries the start, and after the back-off error the pod worker
    // retries only after backOffPeriod (10 s, pod_workers.go completeWork): the status stays Error
    // meanwhile, as the course's real cluster showed ("now Error too", seed notes).
    n.advance(3.5);
    expect(n.cs('hello-world-onfailure-pod')?.state?.terminated?.reason).toBe('Error');
    expect(n.events('hello-world-onfailure-pod')).toContain(`Warning BackOff Back-off restarting failed container hello-world in pod hello-world-onfailure-pod_default(${n.pod('hello-world-onfailure-pod')?.metadata?.uid})`);
    const restarted = n.until(() => n.cs('hello-world-onfailure-pod')?.restartCount === 2 && !!n.cs('hello-world-onfailure-pod')?.state?.running);
    expect(restarted - killedAt).toBeCloseTo(12, 0);
  });
});

describe('crash-loop back-off', () => {
  it('restarts after 10, 20, 40, 80 s (plus the 1 s relist) and shows CrashLoopBackOff while waiting', () => {
    const n = testNode();
    n.run('crash', { containers: [busybox('exit 1')] });
    const starts: number[] = [];
    const stop = n.api.watch('events', 'default', (ev) => {
      const e = ev.object as unknown as { reason: string; count?: number };
      if (e.reason === 'Started' && (e.count ?? 1) > starts.length) starts.push(n.t());
    });
    n.advance(200);
    stop();
    const gaps = starts.slice(1).map((s, i) => Math.round(s - starts[i]));
    // The first restart is immediate (at the next relist, under a second after the crash).
    expect(gaps[0]).toBeLessThanOrEqual(1);
    expect(gaps.slice(1)).toEqual([11, 21, 41, 81]);
    const cs = n.cs('crash')!;
    expect(cs.state?.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 2m40s restarting failed container=box pod=crash_default(${n.pod('crash')?.metadata?.uid})` });
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.restartCount).toBe(5);
    expect(n.pod('crash')?.status?.phase).toBe('Running');
    const backoff = n.events('crash').find((e) => e.startsWith('Warning BackOff'));
    expect(backoff).toMatch(/^Warning BackOff Back-off restarting failed container box in pod crash_default\(.+\) \(x\d+\)$/);
  });

  it('resets to an immediate restart after 10 minutes of running', () => {
    const n = testNode();
    n.run('slow', { containers: [busybox('sleep 5; exit 1')] });
    n.advance(120);
    const before = n.cs('slow')!.restartCount ?? 0;
    expect(before).toBeGreaterThanOrEqual(3);
    n.api.delete('pods', 'default', 'slow', { gracePeriodSeconds: 0 });
    n.advance(5);
    n.run('long', { containers: [busybox('sleep 660; exit 1')] });
    const starts: number[] = [];
    n.api.watch('events', 'default', (ev) => {
      const e = ev.object as unknown as { reason: string; involvedObject: { name: string } };
      if (e.reason === 'Started' && e.involvedObject.name === 'long') starts.push(n.t());
    });
    n.advance(2000);
    const gaps = starts.slice(1).map((s, i) => Math.round(s - starts[i]));
    // Runs 660 s each time: more than 600 s after the last back-off update, so every restart is immediate.
    expect(gaps.slice(0, 2)).toEqual([661, 661]);
  });
});

describe('init containers and sidecars', () => {
  it('run init containers in order before the app (Init:0/2 → Init:1/2 → Running)', () => {
    const n = testNode();
    n.run('init', {
      initContainers: [busybox('sleep 5', { name: 'init-a' }), busybox('sleep 5', { name: 'init-b' })],
      containers: [busybox('sleep 3600', { name: 'app' })],
    });
    n.advance(3);
    expect(n.cs('init', 'init-a')?.state?.running).toBeDefined();
    expect(n.cs('init', 'init-b')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(n.cs('init', 'app')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(n.condition('init', 'Initialized')).toMatchObject({ status: 'False', message: 'containers with incomplete status: [init-a init-b]' });
    // init-a ends at 6 s; the kubelet notices on its next relist and pulls again (policy Always) before init-b starts.
    n.advance(6);
    expect(n.cs('init', 'init-a')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(n.cs('init', 'init-b')?.state?.running).toBeDefined();
    n.advance(8);
    expect(n.cs('init', 'app')?.state?.running).toBeDefined();
    expect(n.pod('init')?.status?.phase).toBe('Running');
    expect(n.condition('init', 'Initialized')?.status).toBe('True');
    expect(n.events('init').filter((e) => e.startsWith('Normal Started'))).toEqual(['Normal Started Started container init-a', 'Normal Started Started container init-b', 'Normal Started Started container app']);
  });

  it('a failing init container is retried with back-off (Init:CrashLoopBackOff) and blocks the app', () => {
    const n = testNode();
    n.run('initfail', { initContainers: [busybox('exit 1', { name: 'init' })], containers: [busybox('sleep 3600', { name: 'app' })] });
    n.advance(30);
    expect(n.cs('initfail', 'init')?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(n.cs('initfail', 'app')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(n.pod('initfail')?.status?.phase).toBe('Pending');
  });

  it('a sidecar (restartable init container) keeps running next to the app and counts for readiness', () => {
    const n = testNode();
    n.run('side', { initContainers: [busybox('sleep 3600', { name: 'logger', restartPolicy: 'Always' })], containers: [busybox('sleep 3600', { name: 'app' })] });
    n.advance(5);
    expect(n.cs('side', 'logger')).toMatchObject({ ready: true, started: true, state: { running: expect.anything() } });
    expect(n.cs('side', 'app')?.state?.running).toBeDefined();
    expect(n.condition('side', 'Ready')?.status).toBe('True');
  });
});

describe('container failures', () => {
  it('OOMKilled when the container goes over its memory limit', () => {
    const n = testNode();
    n.run('oom', {
      containers: [{ name: 'memory-demo-2-ctr', image: 'polinux/stress', resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }],
    });
    n.advance(30);
    const cs = n.cs('oom')!;
    const t = cs.state?.terminated ?? cs.lastState?.terminated;
    expect(t).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(n.pod('oom')?.status?.qosClass).toBe('Burstable');
  });

  it('a second server on the same port of the pod crash-loops', () => {
    const n = testNode();
    n.run('clash', { containers: [hello({ name: 'one' }), hello({ name: 'two' })] });
    n.advance(40);
    expect(n.cs('clash', 'one')?.state?.running).toBeDefined();
    const two = n.cs('clash', 'two')!;
    expect(two.restartCount).toBeGreaterThanOrEqual(2);
    expect(two.state?.waiting?.reason ?? two.state?.terminated?.reason).toMatch(/CrashLoopBackOff|Error/);
  });

  it('a bad command fails to start: StartError in lastState, RunContainerError/CrashLoopBackOff waiting', () => {
    const n = testNode();
    n.run('nocmd', { containers: [busybox('x', { command: ['nosuchbinary'] })] });
    n.advance(3);
    expect(n.events('nocmd')).toContainEqual(expect.stringMatching(/^Warning Failed Error: failed to create containerd task: .*exec: "nosuchbinary": executable file not found in \$PATH: unknown/));
    const cs = n.cs('nocmd')!;
    const t = cs.state?.terminated ?? cs.lastState?.terminated;
    expect(t).toMatchObject({ exitCode: 128, reason: 'StartError', startedAt: '1970-01-01T00:00:00Z' });
  });

  it('a missing ConfigMap for env: CreateContainerConfigError, retried until it exists', () => {
    const n = testNode();
    n.run('cfg', { containers: [busybox('sleep 3600', { env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode' } } }] })] });
    n.advance(3);
    expect(n.cs('cfg')?.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' });
    expect(n.events('cfg')).toContainEqual(expect.stringMatching(/^Warning Failed Error: configmap "app-config" not found/));
    n.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { mode: 'fast' } });
    n.advance(12);
    expect(n.cs('cfg')?.state?.running).toBeDefined();
    expect(n.exec('cfg', 'box', ['printenv', 'MODE']).out).toBe('fast\n');
  });
});

describe('spec updates', () => {
  it('a new image restarts the container ("definition changed")', () => {
    const n = testNode();
    n.run('up', { containers: [hello()] });
    n.advance(5);
    const p = n.pod('up')!;
    const r = n.api.update('pods', 'default', { ...p, spec: { ...p.spec, containers: [{ ...p.spec!.containers[0], image: 'gcr.io/google-samples/hello-app:2.0' }] } });
    expect(r.ok).toBe(true);
    n.advance(5);
    expect(n.events('up')).toContain('Normal Killing Container hello-world definition changed, will be restarted');
    expect(n.cs('up')).toMatchObject({ restartCount: 1, image: 'gcr.io/google-samples/hello-app:2.0', state: { running: expect.anything() } });
  });
});

describe('sidecars when the main container finishes', () => {
  it('a Never pod succeeds when its app exits 0; the sidecar is then stopped', () => {
    const n = testNode();
    n.run('job', { restartPolicy: 'Never', initContainers: [busybox('sleep 3600', { name: 'proxy', restartPolicy: 'Always' })], containers: [busybox('sleep 3; echo done', { name: 'main' })] });
    n.advance(8);
    expect(n.pod('job')?.status?.phase).toBe('Succeeded');
    expect(n.events('job')).toContain('Normal Killing Stopping container proxy');
    n.advance(35);
    expect(n.cs('job', 'proxy')?.state?.terminated).toBeDefined();
  });
});
