/** The HPA controller's sync, a chunk of its own in the site's worker (lazy/part.ts). */
import { HpaReconciler } from './reconciler.js';

export default { HpaReconciler };
