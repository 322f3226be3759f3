/** tar: a chunk of its own in the site's worker (lazy/part.ts); only `kubectl cp` and a reader's own archives run it. */
import { tar } from './tar.js';

export default { tar };
