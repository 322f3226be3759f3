/** The Job controller's sync, a chunk of its own in the site's worker (lazy/part.ts): it only ever runs for Jobs. */
import { JobSync } from './job-sync.js';

export default { JobSync };
