/**
 * Cases carried over from upstream kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager_test.go
 * (TestComputePodActions, TestComputePodActionsWithInitContainers, 1.32): the same base pod and
 * status, the same mutation and the same expected start/kill sets (by container name instead of
 * index). Cases about a sandbox that died under a running pod are left out: this runtime's sandboxes
 * never die, so that branch does not exist here.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types.js';
import { computePodActions, type ContainerRuntimeState, type PodRuntimeStatus } from './pod-actions.js';

type Mutable = { pod: Pod; status: { sandbox: boolean; containers: Map<string, ContainerRuntimeState> } };

interface Case {
  policy?: 'Always' | 'OnFailure' | 'Never';
  mutate?: (s: Mutable['status']) => void;
  start?: string[];
  initStart?: string[];
  kill?: string[];
  killPod?: boolean;
  createSandbox?: boolean;
}

/** makeBasePodAndStatus: foo1, foo2, foo3, all running, sandbox ready. */
function base(policy?: string): Mutable {
  const pod: Pod = { metadata: { name: 'foo', namespace: 'new', uid: '12345678' }, spec: { restartPolicy: policy as never, containers: ['foo1', 'foo2', 'foo3'].map((name) => ({ name, image: 'busybox' })) } };
  const containers = new Map<string, ContainerRuntimeState>(['foo1', 'foo2', 'foo3'].map((n) => [n, { state: 'running', started: true }]));
  return { pod, status: { sandbox: true, containers } };
}

/** makeBasePodAndStatusWithInitContainers: init1..init3 exited 0, no regular container yet. */
function baseWithInit(policy?: string): Mutable {
  const m = base(policy);
  m.pod.spec!.initContainers = ['init1', 'init2', 'init3'].map((name) => ({ name, image: 'busybox' }));
  m.status.containers = new Map(['init1', 'init2', 'init3'].map((n) => [n, { state: 'exited', exitCode: 0 }]));
  return m;
}

function check(m: Mutable, c: Case): void {
  c.mutate?.(m.status);
  const a = computePodActions(m.pod, m.status as PodRuntimeStatus);
  expect(a.containersToStart).toEqual(c.start ?? []);
  expect(a.initContainersToStart).toEqual(c.initStart ?? []);
  expect(a.containersToKill.map((k) => k.name)).toEqual(c.kill ?? []);
  expect(a.killPod).toBe(c.killPod ?? false);
  expect(a.createSandbox).toBe(c.createSandbox ?? false);
}

const set = (name: string, s: ContainerRuntimeState) => (st: Mutable['status']) => void st.containers.set(name, s);

const regular: Record<string, Case> = {
  'everything is good; do nothing': {},
  'start pod sandbox and all containers for a new pod': {
    mutate: (s) => {
      s.sandbox = false;
      s.containers.clear();
    },
    createSandbox: true,
    start: ['foo1', 'foo2', 'foo3'],
  },
  'restart exited containers if RestartPolicy == Always': {
    policy: 'Always',
    mutate: (s) => {
      s.containers.set('foo1', { state: 'exited', exitCode: 0 });
      s.containers.set('foo2', { state: 'exited', exitCode: 111 });
    },
    start: ['foo1', 'foo2'],
  },
  'restart failed containers if RestartPolicy == OnFailure': {
    policy: 'OnFailure',
    mutate: (s) => {
      s.containers.set('foo1', { state: 'exited', exitCode: 0 });
      s.containers.set('foo2', { state: 'exited', exitCode: 111 });
    },
    start: ['foo2'],
  },
  'restart created but not started containers if RestartPolicy == OnFailure': {
    policy: 'OnFailure',
    mutate: (s) => {
      s.containers.set('foo1', { state: 'exited', exitCode: 0 });
      s.containers.set('foo2', { state: 'created' });
    },
    start: ['foo2'],
  },
  "don't restart containers if RestartPolicy == Never": {
    policy: 'Never',
    mutate: (s) => {
      s.containers.set('foo1', { state: 'exited', exitCode: 0 });
      s.containers.set('foo2', { state: 'exited', exitCode: 111 });
    },
  },
  "Kill and recreate the container if the container's spec changed": {
    policy: 'Always',
    mutate: set('foo2', { state: 'running', specChanged: true, started: true }),
    kill: ['foo2'],
    start: ['foo2'],
  },
  'Kill and recreate the container if the liveness check has failed': {
    policy: 'Always',
    mutate: set('foo2', { state: 'running', probeFailed: 'liveness', started: true }),
    kill: ['foo2'],
    start: ['foo2'],
  },
  'Kill and recreate the container if the startup check has failed': {
    policy: 'Always',
    mutate: set('foo2', { state: 'running', probeFailed: 'startup', started: false }),
    kill: ['foo2'],
    start: ['foo2'],
  },
  'Kill and recreate the container if the container is in unknown state': {
    policy: 'Never',
    mutate: set('foo2', { state: 'unknown' }),
    kill: ['foo2'],
    start: ['foo2'],
  },
  'Restart the container if the container is in created state': {
    policy: 'Never',
    mutate: set('foo2', { state: 'created' }),
    start: ['foo2'],
  },
};

const withInit: Record<string, Case> = {
  'initialization completed; start all containers': { start: ['foo1', 'foo2', 'foo3'] },
  'no init containers have been started; start the first one': { mutate: (s) => s.containers.clear(), initStart: ['init1'] },
  'initialization in progress; do nothing': { policy: 'Always', mutate: set('init3', { state: 'running', started: true }) },
  'initialization failed; restart the last init container if RestartPolicy == Always': {
    policy: 'Always',
    mutate: set('init3', { state: 'exited', exitCode: 137 }),
    initStart: ['init3'],
  },
  'initialization failed; restart the last init container if RestartPolicy == OnFailure': {
    policy: 'OnFailure',
    mutate: set('init3', { state: 'exited', exitCode: 137 }),
    initStart: ['init3'],
  },
  'initialization failed; kill pod if RestartPolicy == Never': { policy: 'Never', mutate: set('init3', { state: 'exited', exitCode: 137 }), killPod: true },
  'init container state unknown; kill and recreate the last init container if RestartPolicy == Always': {
    policy: 'Always',
    mutate: set('init3', { state: 'unknown' }),
    initStart: ['init3'],
    kill: ['init3'],
  },
  'init container state unknown; kill and recreate the last init container if RestartPolicy == OnFailure': {
    policy: 'OnFailure',
    mutate: set('init3', { state: 'unknown' }),
    initStart: ['init3'],
    kill: ['init3'],
  },
  'init container state unknown; kill pod if RestartPolicy == Never': { policy: 'Never', mutate: set('init3', { state: 'unknown' }), killPod: true },
  "some of the init container statuses are missing but the last init container is running, don't restart preceding ones": {
    policy: 'Always',
    mutate: (s) => {
      s.containers.clear();
      s.containers.set('init3', { state: 'running', started: true });
    },
  },
  'an init container is in the created state due to an unknown error when starting container; restart it': {
    policy: 'Always',
    mutate: set('init3', { state: 'created' }),
    initStart: ['init3'],
  },
};

describe('computePodActions (upstream TestComputePodActions)', () => {
  for (const [name, c] of Object.entries(regular)) it(name, () => check(base(c.policy), c));
});

describe('computePodActions with init containers (upstream TestComputePodActionsWithInitContainers)', () => {
  for (const [name, c] of Object.entries(withInit)) it(name, () => check(baseWithInit(c.policy), c));
});
