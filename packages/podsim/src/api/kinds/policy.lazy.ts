/** PodDisruptionBudget code the API server only runs for requests about budgets: validation, the eviction's check and the Go types bodies decode against (lazy/part.ts). */
import { validatePodDisruptionBudget } from '../validation/policy.js';
import { budgetAllowsEviction } from '../eviction-budget.js';
import { POLICY_STRUCTS } from '../decode/schema-policy.js';

export default { validatePodDisruptionBudget, budgetAllowsEviction, POLICY_STRUCTS };
