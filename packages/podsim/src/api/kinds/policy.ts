/**
 * PodDisruptionBudget, policy/v1 (k8s `pkg/registry/policy/poddisruptionbudget/strategy.go`, 1.32): a fresh
 * budget's status is zeroed (its int32 counters have no omitempty, so -o yaml shows them), generation
 * follows the spec. Validation and the eviction's budget check are a lazy part: only requests about
 * budgets need them.
 */
import { LazyPart } from '../../lazy/part.js';
import part from './policy.lazy.js';
import type { KindStrategy, Obj } from './strategy.js';

export const POLICY_API = new LazyPart('policy-api', part);

const validate = (pdb: Obj) => POLICY_API.get().validatePodDisruptionBudget(pdb);

export const podDisruptionBudgetStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: true,
  nameRule: 'subdomain',
  prepareForCreate(pdb) {
    pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate,
  validateUpdate: validate,
};
