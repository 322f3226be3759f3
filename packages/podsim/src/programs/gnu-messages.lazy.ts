/** GNU tools' words for a file they cannot read: a chunk of its own in the site's worker (lazy/part.ts). */
import { gnuOpenError } from './gnu-open-errors.js';

export default { gnuOpenError };
