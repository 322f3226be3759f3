/** The disruption controller, a chunk of its own in the site's worker (lazy/part.ts). */
import { startBudgetSync } from './budget-sync.js';

export default { startBudgetSync };
