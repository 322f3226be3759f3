/** Job and CronJob validation: the API server only runs it for requests about one (lazy/part.ts). */
import { validateCronJob, validateJob, validateJobUpdate } from '../validation/batch.js';

export default { validateCronJob, validateJob, validateJobUpdate };
