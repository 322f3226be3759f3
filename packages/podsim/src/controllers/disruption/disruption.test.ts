/**
 * The disruption controller and the eviction's budget check in virtual time. Expected values follow
 * k8s pkg/controller/disruption/disruption.go (getExpectedPodCount: an integer minAvailable counts the
 * pods, a percentage or maxUnavailable the owners' scale with percentages rounded up; countHealthyPods;
 * updatePdbStatus's DisruptionAllowed condition) and pkg/registry/core/pod/storage/eviction.go
 * (checkAndDecrement's 429 text and DisruptionBudget cause, the pdbs>1 internal error); the status shape
 * is the configure-pdb task page's `kubectl get pdb zk-pdb -o yaml`.
 */
import { describe, expect, it } from 'vitest';
import { evictPod } from '../../api/eviction.js';
import type { Budget } from '../../api/eviction-budget.js';
import { DeploymentController } from '../deployment/deployment-controller.js';
import { ReplicaSetController } from '../replicaset/replicaset-controller.js';
import { controllerTestbed, eventMessages, pods, setPodRunning, startAll } from '../shared/testing.js';
import { DisruptionController } from './disruption-controller.js';

function setup(replicas = 3) {
  const ctx = controllerTestbed();
  startAll(ctx, [new ReplicaSetController(ctx), new DeploymentController(ctx), new DisruptionController(ctx)]);
  const labels = { app: 'zk' };
  ctx.api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'zk' }, spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
  ctx.clock.advance(0);
  const budget = (spec: object) => {
    const r = ctx.api.create('poddisruptionbudgets', 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'zk-pdb' }, spec: { selector: { matchLabels: labels }, ...spec } });
    if (!r.ok) throw new Error(r.status.message);
    ctx.clock.advance(0);
  };
  const status = () => {
    const r = ctx.api.get<Budget>('poddisruptionbudgets', 'default', 'zk-pdb');
    return r.ok ? r.value.status : undefined;
  };
  const ready = (n: number) => {
    for (const p of pods(ctx).slice(0, n)) setPodRunning(ctx, p, true);
    ctx.clock.advance(0);
  };
  return { ctx, budget, status, ready };
}

describe('disruption controller', () => {
  it('counts the pods for an integer minAvailable and allows what is above it', () => {
    const { budget, status, ready } = setup();
    budget({ minAvailable: 2 });
    expect(status()).toMatchObject({ currentHealthy: 0, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 3, observedGeneration: 1 });
    expect(status()?.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: 1, lastTransitionTime: expect.any(String) }]);
    ready(3);
    expect(status()).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(status()?.conditions?.[0]).toMatchObject({ status: 'True', reason: 'SufficientPods' });
  });

  it('asks the Deployment for its scale for maxUnavailable and percentages, rounding up', () => {
    const { ctx, budget, status, ready } = setup(5);
    ready(5);
    budget({ minAvailable: '50%' });
    expect(status()).toMatchObject({ expectedPods: 5, desiredHealthy: 3, disruptionsAllowed: 2 });
    const r = ctx.api.patch('poddisruptionbudgets', 'default', 'zk-pdb', 'merge', { spec: { minAvailable: null, maxUnavailable: '30%' } });
    expect(r.ok).toBe(true);
    ctx.clock.advance(0);
    // ceil(30% of 5) = 2 may be unavailable: 3 must stay healthy; generation 2 is observed.
    expect(status()).toMatchObject({ expectedPods: 5, desiredHealthy: 3, disruptionsAllowed: 2, observedGeneration: 2 });
  });

  it('says when no pod matches', () => {
    const { ctx } = setup();
    ctx.api.create('poddisruptionbudgets', 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'none' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'other' } } } });
    ctx.clock.advance(0);
    expect(eventMessages(ctx, 'none')).toEqual(['NoPods: No matching pods found']);
  });
});

describe('pods/eviction with a budget', () => {
  it('takes one disruption per eviction, then refuses with 429 and the DisruptionBudget cause', () => {
    const { ctx, budget, status, ready } = setup();
    ready(3);
    budget({ minAvailable: 2 });
    const [a, b] = pods(ctx);
    const first = evictPod(ctx.api, 'default', a.metadata.name ?? '', {}, ctx.clock.now());
    expect(first.ok).toBe(true);
    expect(status()?.disruptionsAllowed).toBe(0);
    expect(Object.keys(status()?.disruptedPods ?? {})).toEqual([a.metadata.name]);
    ctx.clock.advance(0);
    const second = evictPod(ctx.api, 'default', b.metadata.name ?? '', {}, ctx.clock.now());
    expect(second.ok ? undefined : second.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget zk-pdb needs 2 healthy pods and has 2 currently' }] },
      code: 429,
    });
    expect(ctx.api.get('pods', 'default', b.metadata.name ?? '').ok).toBe(true);
  });

  it('lets an unready pod go while the budget is healthy, and refuses a pod two budgets cover', () => {
    const { ctx, budget, ready } = setup();
    ready(2);
    budget({ minAvailable: 1 });
    const unready = pods(ctx)[2];
    expect(evictPod(ctx.api, 'default', unready.metadata.name ?? '', {}, ctx.clock.now()).ok).toBe(true);
    ctx.api.create('poddisruptionbudgets', 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'second' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'zk' } } } });
    const r = evictPod(ctx.api, 'default', pods(ctx)[0].metadata.name ?? '', {}, ctx.clock.now());
    expect(r.ok ? undefined : r.status.message).toBe('Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  });

  it('validates the budget with the real texts', () => {
    const { ctx } = setup();
    const create = (spec: object) => {
      const r = ctx.api.create('poddisruptionbudgets', 'default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'bad' }, spec });
      return r.ok ? undefined : r.status.message;
    };
    expect(create({ minAvailable: 1, maxUnavailable: 1 })).toMatch(/^PodDisruptionBudget.policy "bad" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr.IntOrString\)\(0xc[0-9a-f]+\), .*: minAvailable and maxUnavailable cannot be both set$/);
    expect(create({ minAvailable: -1 })).toBe('PodDisruptionBudget.policy "bad" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0');
    expect(create({ maxUnavailable: '120%' })).toBe('PodDisruptionBudget.policy "bad" is invalid: spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%');
    expect(create({ minAvailable: 1, unhealthyPodEvictionPolicy: 'Sometimes' })).toBe(
      'PodDisruptionBudget.policy "bad" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"',
    );
  });
});
