/** ps and lsof: a chunk of their own in the site's worker (lazy/part.ts); no page's first commands list processes. */
import { lsof } from './lsof.js';
import { ps } from './ps.js';

export default { ps, lsof };
