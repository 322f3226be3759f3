/** Add-on manifests no course page boots with: a chunk of their own in the site's worker (lazy/part.ts). */
import { INGRESS_NGINX_DEPLOY } from './web/ingress-nginx.js';

export default { ingress: INGRESS_NGINX_DEPLOY };
