/** Host programs a course page's first commands do not need: a chunk of their own in the site's worker (lazy/part.ts). */
import { diff } from './diff.js';
import { kompose } from './kompose/kompose.js';
import { ssh } from './ssh.js';

export default { diff, kompose, ssh };
