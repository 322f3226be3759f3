import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, ContainerView, PodView } from 'podsim';
import { GOALS, type GoalMemory } from './goals.js';

function container(over: Partial<ContainerView> = {}): ContainerView {
  return { name: 'c', init: false, image: 'nginx', state: 'running', ready: true, restarts: 0, probes: {}, ...over };
}

function pod(over: Partial<PodView> = {}): PodView {
  return { namespace: 'default', name: 'p', phase: 'Running', status: 'Running', ready: '1/1', restarts: 0, deleting: false, containers: [container()], ...over };
}

const snap = (...pods: PodView[]): ClusterSnapshot => ({ now: 0, speed: 1, nodes: [], pods, events: [] });

describe('goals', () => {
  it('pod-ready needs my-pod running with every container ready', () => {
    const g = GOALS['pod-ready'];
    expect(g.check(snap(pod({ name: 'my-pod' })), {})).toBe(true);
    expect(g.check(snap(pod({ name: 'my-pod', containers: [container({ ready: false, state: 'waiting', reason: 'ImagePullBackOff' })] })), {})).toBe(false);
    expect(g.check(snap(pod({ name: 'other' })), {})).toBe(false);
  });

  it('multi-container-ready ignores init containers and needs two ready containers', () => {
    const g = GOALS['multi-container-ready'];
    expect(g.check(snap(pod({ containers: [container(), container({ name: 'd' })] })), {})).toBe(true);
    expect(g.check(snap(pod({ containers: [container({ init: true }), container({ name: 'd' })] })), {})).toBe(false);
    expect(g.check(snap(pod({ containers: [container(), container({ name: 'd', ready: false })] })), {})).toBe(false);
  });

  it('crashloop-then-running remembers the crash loop until the pod is ready again', () => {
    const g = GOALS['crashloop-then-running'];
    const memory: GoalMemory = {};
    expect(g.check(snap(pod({ name: 'crash-pod' })), memory)).toBe(false);
    const crashing = pod({ name: 'crash-pod', status: 'CrashLoopBackOff', containers: [container({ state: 'waiting', reason: 'CrashLoopBackOff', ready: false, restarts: 2 })] });
    expect(g.check(snap(crashing), memory)).toBe(false);
    expect(g.check(snap(pod({ name: 'crash-pod' })), memory)).toBe(true);
    expect(g.check(snap(), memory)).toBe(true);
  });

  it('probes-fixed needs the Deployment pods ready with no failing probe', () => {
    const g = GOALS['probes-fixed'];
    const owned = (over: Partial<ContainerView>) => pod({ name: 'hello-world-abc', owner: 'ReplicaSet/hello-world-5d9', containers: [container(over)] });
    expect(g.check(snap(owned({ probes: { liveness: 'success', readiness: 'success' } })), {})).toBe(true);
    expect(g.check(snap(owned({ ready: false, probes: { readiness: 'failure' } })), {})).toBe(false);
    expect(g.check(snap(), {})).toBe(false);
  });
});
