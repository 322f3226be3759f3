/** The disruption controller's sync, a chunk of its own in the site's worker (lazy/part.ts). */
import { syncBudget } from './budget-status.js';

export default { syncBudget };
