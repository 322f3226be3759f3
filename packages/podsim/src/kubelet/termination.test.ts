import { describe, expect, it } from 'vitest';
import { busybox, hello, testNode } from './testkit.js';

function watchDeletion(n: ReturnType<typeof testNode>, name: string) {
  const seen: { t: number; type: string; phase?: string; state?: string; exitCode?: number }[] = [];
  n.api.watch('pods', 'default', (ev) => {
    const p = ev.object as unknown as { metadata: { name: string }; status?: { phase?: string; containerStatuses?: { state?: { terminated?: { exitCode: number } } }[] } };
    if (p.metadata.name !== name) return;
    const state = p.status?.containerStatuses?.[0]?.state;
    seen.push({ t: n.t(), type: ev.type, phase: p.status?.phase, state: Object.keys(state ?? {})[0], exitCode: state?.terminated?.exitCode });
  });
  return seen;
}

describe('graceful termination', () => {
  it('a PID 1 that ignores SIGTERM is killed after the 30 s grace period with 137', () => {
    const n = testNode();
    n.run('sleeper', { containers: [busybox('sleep 3600')] });
    n.advance(5);
    const seen = watchDeletion(n, 'sleeper');
    const t0 = n.t();
    n.api.delete('pods', 'default', 'sleeper');
    n.advance(29);
    expect(n.pod('sleeper')?.status?.phase).toBe('Running');
    expect(n.events('sleeper')).toContain('Normal Killing Stopping container box');
    n.advance(2);
    expect(n.pod('sleeper')).toBeUndefined();
    const last = seen.filter((s) => s.type === 'MODIFIED').at(-1)!;
    expect(last).toMatchObject({ phase: 'Failed', state: 'terminated', exitCode: 137 });
    expect(Math.round(last.t - t0)).toBe(30);
    expect(seen.at(-1)?.type).toBe('DELETED');
  });

  it('hello-app ends at once with exit code 2 and the pod goes Failed, then away', () => {
    const n = testNode();
    n.run('hello', { containers: [hello()] });
    n.advance(5);
    let final: { exitCode?: number; reason?: string } | undefined;
    n.api.watch('pods', 'default', (ev) => {
      const t = (ev.object as unknown as { status?: { containerStatuses?: { state?: { terminated?: { exitCode: number; reason: string } } }[] } }).status?.containerStatuses?.[0]?.state?.terminated;
      if (t) final = t;
    });
    n.api.delete('pods', 'default', 'hello');
    n.advance(0.5);
    expect(n.pod('hello')).toBeUndefined();
    expect(final).toMatchObject({ exitCode: 2, reason: 'Error' });
  });

  it('nginx stops on its STOPSIGNAL (SIGQUIT) with 0 and the pod ends Succeeded', () => {
    const n = testNode();
    n.run('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    n.advance(10);
    expect(n.cs('web')?.state?.running).toBeDefined();
    const seen = watchDeletion(n, 'web');
    n.api.delete('pods', 'default', 'web');
    n.advance(3);
    expect(n.pod('web')).toBeUndefined();
    expect(seen.filter((s) => s.type === 'MODIFIED').at(-1)).toMatchObject({ phase: 'Succeeded', state: 'terminated', exitCode: 0 });
  });

  it('preStop runs first and its time counts against the grace period', () => {
    const n = testNode();
    n.run('pre', { terminationGracePeriodSeconds: 10, containers: [busybox('sleep 3600', { lifecycle: { preStop: { exec: { command: ['sleep', '4'] } } } })] });
    n.advance(5);
    const t0 = n.t();
    n.api.delete('pods', 'default', 'pre');
    n.advance(9.5);
    expect(n.pod('pre')).toBeDefined();
    n.advance(1);
    expect(n.pod('pre')).toBeUndefined();
    expect(Math.round(n.t() - t0)).toBe(11);
  });

  it('--grace-period=1 still gives the container the 2 s minimum', () => {
    const n = testNode();
    n.run('quick', { containers: [busybox('sleep 3600')] });
    n.advance(5);
    n.api.delete('pods', 'default', 'quick', { gracePeriodSeconds: 1 });
    n.advance(1.5);
    expect(n.pod('quick')).toBeDefined();
    n.advance(1);
    expect(n.pod('quick')).toBeUndefined();
  });
});

describe('forced deletion', () => {
  it('the object goes at once; the kubelet stops the containers with the pod grace period (Killing event still recorded)', () => {
    const n = testNode();
    n.run('forced', { containers: [busybox('sleep 3600')] });
    n.advance(5);
    const eventsBefore = n.events('forced').length;
    const uid = n.pod('forced')!.metadata!.uid!;
    n.api.delete('pods', 'default', 'forced', { gracePeriodSeconds: 0 });
    expect(n.pod('forced')).toBeUndefined();
    n.advance(10);
    // The process is still running on the node.
    expect(n.network.namespaceOf('10.244.1.2')).toBeDefined();
    expect(n.kubelet.podUids()).toContain(uid);
    n.advance(25);
    expect(n.network.namespaceOf('10.244.1.2')).toBeUndefined();
    expect(n.kubelet.podUids()).not.toContain(uid);
    expect(n.events('forced').slice(eventsBefore)).toEqual(['Normal Killing Stopping container box']);
    // The name is free again right away.
    n.run('forced', { containers: [busybox('sleep 3600')] });
    n.advance(3);
    expect(n.pod('forced')?.status?.phase).toBe('Running');
  });
});

describe('pods that finish', () => {
  it('restartPolicy Never + exit 0: Succeeded, sandbox stopped, PodReadyToStartContainers False; delete is immediate', () => {
    const n = testNode();
    n.run('job', { restartPolicy: 'Never', containers: [busybox('echo done')] });
    n.advance(5);
    const p = n.pod('job')!;
    expect(p.status?.phase).toBe('Succeeded');
    expect(n.cs('job')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(n.network.namespaceOf('10.244.1.2')).toBeUndefined();
    n.api.delete('pods', 'default', 'job');
    n.advance(0.1);
    expect(n.pod('job')).toBeUndefined();
  });

  it('a pod deleted before its container started ends with ContainerStatusUnknown', () => {
    const n = testNode();
    n.run('early', { containers: [hello()] });
    n.advance(0.2);
    let last: unknown;
    n.api.watch('pods', 'default', (ev) => {
      if (ev.type === 'MODIFIED') last = (ev.object as unknown as { status: unknown }).status;
    });
    n.api.delete('pods', 'default', 'early');
    n.advance(5);
    expect(n.pod('early')).toBeUndefined();
    expect(last).toMatchObject({
      phase: 'Failed',
      containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } } }],
    });
  });
});
