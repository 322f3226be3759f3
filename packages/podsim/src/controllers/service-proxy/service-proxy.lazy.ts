/** kube-proxy's NodePort and load-balancer rules and the load-balancer provider, a chunk of its own in the site's worker (lazy/part.ts). */
import { ProxyRules } from './proxy-rules.js';

export default { ProxyRules };
