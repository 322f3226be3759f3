/** The CronJob controller's sync, a chunk of its own in the site's worker (lazy/part.ts): it only ever runs for CronJobs. */
import { CronJobSync } from './cronjob-sync.js';

export default { CronJobSync };
