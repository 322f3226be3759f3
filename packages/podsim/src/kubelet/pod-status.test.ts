import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types.js';
import { generatePodStatus, type StatusInput } from './pod-status.js';
import { qosClass } from './qos.js';
import type { ContainerRecord } from './runtime-view.js';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const at = (s: number) => T0 + s * 1000;
const iso = (s: number) => new Date(at(s)).toISOString().replace('.000Z', 'Z');

function pod(spec: Partial<Pod['spec']> & { containers: Pod['spec'] extends infer S ? S extends { containers: infer C } ? C : never : never }, status?: Pod['status']): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1' }, spec: { restartPolicy: 'Always', ...spec }, status } as Pod;
}

function input(p: Pod, records: ContainerRecord[], extra: Partial<StatusInput> = {}): StatusInput {
  return {
    pod: p,
    now: at(100),
    hostIP: '172.18.0.3',
    podIP: '10.244.1.2',
    sandboxReady: true,
    startTime: at(0),
    records: new Map(records.map((r) => [r.name, r])),
    probes: () => ({ started: true, ready: true }),
    podIsTerminal: false,
    ...extra,
  };
}

const inst = (id: string, startedAt: number | undefined, exit?: { exitCode: number; reason: string; finishedAt: number }) => ({
  id,
  image: 'gcr.io/google-samples/hello-app:1.0',
  imageId: 'gcr.io/google-samples/hello-app@sha256:abc',
  startedAt: startedAt === undefined ? undefined : at(startedAt),
  exit: exit && { ...exit, finishedAt: at(exit.finishedAt) },
});

describe('generatePodStatus', () => {
  it('a pod whose container is still being created is Pending / ContainerCreating', () => {
    const p = pod({ containers: [{ name: 'hello', image: 'gcr.io/google-samples/hello-app:1.0' }] });
    const s = generatePodStatus(input(p, [], { podIP: undefined, sandboxReady: false }));
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses).toEqual([
      { name: 'hello', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'gcr.io/google-samples/hello-app:1.0', imageID: '', started: false },
    ]);
    expect(s.conditions?.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', '', ''],
      ['Initialized', 'True', '', ''],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [hello]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [hello]'],
      ['PodScheduled', 'True', '', ''],
    ]);
    expect(s.podIP).toBeUndefined();
    expect(s.qosClass).toBe('BestEffort');
    expect(s.startTime).toBe(iso(0));
  });

  it('running and ready; lastTransitionTime only moves when the status flips', () => {
    const p = pod({ containers: [{ name: 'b', image: 'x' }, { name: 'a', image: 'x' }] });
    const recs = [
      { name: 'a', restartCount: 0, current: inst('aa', 5) },
      { name: 'b', restartCount: 0, current: inst('bb', 6) },
    ];
    const first = generatePodStatus(input(p, recs, { now: at(6) }));
    expect(first.phase).toBe('Running');
    expect(first.containerStatuses?.map((c) => c.name)).toEqual(['a', 'b']);
    expect(first.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, containerID: 'containerd://aa', state: { running: { startedAt: iso(5) } } });
    const p2 = { ...p, status: first };
    const second = generatePodStatus(input(p2, recs, { now: at(50), probes: (n) => ({ started: true, ready: n !== 'b' }) }));
    const ready = second.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', lastTransitionTime: iso(50), message: 'containers with unready status: [b]' });
    expect(second.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime).toBe(iso(6));
    expect(second.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(second.hostIPs).toEqual([{ ip: '172.18.0.3' }]);
  });

  it('a crash-looping container waits with its last exit in lastState; the pod stays Running', () => {
    const p = pod({ containers: [{ name: 'hello', image: 'x' }] });
    const rec: ContainerRecord = {
      name: 'hello',
      restartCount: 1,
      previous: inst('old', 1, { exitCode: 2, reason: 'Error', finishedAt: 20 }),
      current: inst('new', 21, { exitCode: 2, reason: 'Error', finishedAt: 30 }),
      waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=hello pod=p_default(u1)' },
    };
    const s = generatePodStatus(input(p, [rec]));
    const cs = s.containerStatuses![0];
    expect(cs.state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=hello pod=p_default(u1)' } });
    expect(cs.lastState?.terminated).toEqual({ exitCode: 2, reason: 'Error', startedAt: iso(21), finishedAt: iso(30), containerID: 'containerd://new' });
    expect(cs.restartCount).toBe(1);
    expect(s.phase).toBe('Running');
  });

  it('restartPolicy Never: an exited container stays terminated and the pod fails', () => {
    const p = pod({ restartPolicy: 'Never', containers: [{ name: 'hello', image: 'x' }] });
    const rec: ContainerRecord = { name: 'hello', restartCount: 0, current: inst('c1', 1, { exitCode: 2, reason: 'Error', finishedAt: 9 }), waiting: { reason: 'CrashLoopBackOff', message: '' } };
    const s = generatePodStatus(input(p, [rec], { sandboxReady: false }));
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses![0].state?.terminated?.reason).toBe('Error');
    expect(s.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(s.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
  });

  it('OnFailure with exit 0 succeeds; terminal phases never go back', () => {
    const p = pod({ restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'x' }] });
    const rec: ContainerRecord = { name: 'job', restartCount: 0, current: inst('c1', 1, { exitCode: 0, reason: 'Completed', finishedAt: 3 }) };
    const s = generatePodStatus(input(p, [rec]));
    expect(s.phase).toBe('Succeeded');
    expect(s.conditions?.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    const later = generatePodStatus(input({ ...p, status: s }, [{ name: 'job', restartCount: 1, current: inst('c2', 5) }]));
    expect(later.phase).toBe('Succeeded');
  });

  it('a deleted pod ends Failed when any container exited non-zero, Succeeded when all exited 0', () => {
    const p = pod({ containers: [{ name: 'a', image: 'x' }] });
    const fail = generatePodStatus(input(p, [{ name: 'a', restartCount: 0, current: inst('c', 1, { exitCode: 2, reason: 'Error', finishedAt: 5 }) }], { podIsTerminal: true }));
    expect(fail.phase).toBe('Failed');
    const ok = generatePodStatus(input(p, [{ name: 'a', restartCount: 0, current: inst('c', 1, { exitCode: 0, reason: 'Completed', finishedAt: 5 }) }], { podIsTerminal: true }));
    expect(ok.phase).toBe('Succeeded');
  });

  it('finalising a pod deleted before its container started reports it lost (ContainerStatusUnknown, 137)', () => {
    const p = pod({ containers: [{ name: 'a', image: 'x' }] });
    const s = generatePodStatus(input(p, [], { podIsTerminal: true, finalize: true }));
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses![0].state).toEqual({ terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } });
  });

  it('init containers: Init status, Initialized condition, regular containers PodInitializing', () => {
    const p = pod({ initContainers: [{ name: 'init-a', image: 'x' }, { name: 'init-b', image: 'x' }], containers: [{ name: 'app', image: 'x' }] });
    const s = generatePodStatus(input(p, [{ name: 'init-a', restartCount: 0, current: inst('i1', 1) }]));
    expect(s.phase).toBe('Pending');
    expect(s.initContainerStatuses?.map((c) => [c.name, Object.keys(c.state ?? {})[0], c.ready, c.started])).toEqual([
      ['init-a', 'running', false, true],
      ['init-b', 'waiting', false, false],
    ]);
    expect(s.initContainerStatuses?.[1].state?.waiting?.reason).toBe('PodInitializing');
    expect(s.containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    expect(s.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-a init-b]' });
    const done = generatePodStatus(
      input(p, [
        { name: 'init-a', restartCount: 0, current: inst('i1', 1, { exitCode: 0, reason: 'Completed', finishedAt: 2 }) },
        { name: 'init-b', restartCount: 0, current: inst('i2', 2, { exitCode: 0, reason: 'Completed', finishedAt: 3 }) },
        { name: 'app', restartCount: 0, current: inst('a1', 4) },
      ]),
    );
    expect(done.phase).toBe('Running');
    expect(done.initContainerStatuses?.every((c) => c.ready && !c.started)).toBe(true);
    expect(done.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
  });

  it('a failed init container under restartPolicy Never fails the pod', () => {
    const p = pod({ restartPolicy: 'Never', initContainers: [{ name: 'init', image: 'x' }], containers: [{ name: 'app', image: 'x' }] });
    const s = generatePodStatus(input(p, [{ name: 'init', restartCount: 0, current: inst('i', 1, { exitCode: 1, reason: 'Error', finishedAt: 2 }) }]));
    expect(s.phase).toBe('Failed');
  });

  it('sidecars count in ContainersReady and keep the pod Pending until started', () => {
    const p = pod({ initContainers: [{ name: 'log', image: 'x', restartPolicy: 'Always' }], containers: [{ name: 'app', image: 'x' }] });
    const s = generatePodStatus(input(p, [{ name: 'log', restartCount: 0, current: inst('s', 1) }, { name: 'app', restartCount: 0, current: inst('a', 2) }], { probes: (n) => ({ started: true, ready: n === 'app' }) }));
    expect(s.phase).toBe('Running');
    expect(s.conditions?.find((c) => c.type === 'ContainersReady')?.message).toBe('containers with unready status: [log]');
  });
});

describe('qosClass', () => {
  const c = (resources: object) => ({ name: 'c', image: 'x', resources });
  it('BestEffort, Burstable, Guaranteed', () => {
    expect(qosClass(pod({ containers: [c({})] }))).toBe('BestEffort');
    expect(qosClass(pod({ containers: [c({ requests: { cpu: '100m' } })] }))).toBe('Burstable');
    expect(qosClass(pod({ containers: [c({ limits: { cpu: '1', memory: '128Mi' }, requests: { cpu: '1000m', memory: '128Mi' } })] }))).toBe('Guaranteed');
    expect(qosClass(pod({ containers: [c({ limits: { cpu: '1', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } })] }))).toBe('Burstable');
    expect(qosClass(pod({ containers: [c({ limits: { memory: '128Mi' }, requests: { memory: '128Mi' } })] }))).toBe('Burstable');
  });
});
