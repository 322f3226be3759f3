/** apk, apt-get and dnf: a chunk of their own in the site's worker (lazy/part.ts). */
import { apk } from './apk.js';
import { aptGet } from './apt.js';
import { dnf } from './dnf.js';

export default { apk, 'apt-get': aptGet, dnf };
