/** What probes.mdx promises its demo shows (see tests/docs/promises.ts). */
import type { PagePromise } from '../../tests/docs/promises.js';

export default [
  {
    says: 'Liveness probe failed and Readiness probe failed events, and the kubelet restarted the container',
    after: 'fg',
    since: 'kubectl apply -f container-probes.yaml',
    terminal: [/Liveness probe failed: dial tcp [\d.]+:8081: connect: connection refused/, /Readiness probe failed: Get "http:\/\/[\d.]+:8081\/"/, /Container hello-world failed liveness probe, will be restarted/],
  },
  {
    says: "our container isn't ready 0/1 and its Restarts are increasing",
    after: 'kubectl get pods',
    terminal: [/^hello-world-\S+\s+0\/1\s+Running\s+[1-9]/m],
    cluster: 'pod/hello-world-* restarts>=1 and pod/hello-world-* ready=false',
  },
  {
    says: 'describe: the probe failures in the events, both probes pointing to 8081, the container not ready',
    after: 'kubectl describe pods',
    terminal: [/Liveness:\s+tcp-socket :8081/, /Readiness:\s+http-get http:\/\/:8081\//, /^\s+Ready:\s+False/m, /Unhealthy/],
  },
  {
    says: "the Deployment created a NEW Pod; it's not immediately ready because of initialDelaySeconds",
    after: 'kubectl get pods',
    nth: 2,
    terminal: [/^hello-world-\S+\s+0\/1\s+Running\s+0\s/m, /^hello-world-\S+\s+0\/1\s+Running\s+[1-9]/m],
  },
] satisfies PagePromise[];
