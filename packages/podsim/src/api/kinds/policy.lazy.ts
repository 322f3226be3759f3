/** PodDisruptionBudget code the API server only runs for requests about budgets: validation and the eviction's check (lazy/part.ts). */
import { validatePodDisruptionBudget } from '../validation/policy.js';
import { budgetAllowsEviction } from '../eviction-budget.js';

export default { validatePodDisruptionBudget, budgetAllowsEviction };
