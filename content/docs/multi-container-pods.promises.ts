/** What multi-container-pods.mdx promises its demos show (see tests/docs/promises.ts). */
import type { PagePromise } from '../../tests/docs/promises.js';

export default [
  {
    says: 'READY shows 2/2 once both containers run',
    after: 'kubectl get pods',
    terminal: [/^multicontainer-pod\s+2\/2\s+Running\s+0\s/m],
    cluster: 'pod/multicontainer-pod ready',
  },
  {
    says: 'Without --container, exec picks the first container (the producer) and says so',
    after: 'kubectl exec -it multicontainer-pod -- /bin/sh',
    terminal: [/Defaulted container "producer" out of: producer, consumer/],
  },
  {
    says: 'the producer appends a line to index.html every 10 seconds',
    after: 'tail /var/log/index.html',
    terminal: [/^multicontainer-pod \w{3} \w{3} +\d+ [\d:]+ UTC \d{4}$/m],
  },
  {
    says: 'The consumer sees the same file, mounted somewhere else',
    after: 'tail /usr/share/nginx/html/index.html',
    terminal: [/^multicontainer-pod \w{3} \w{3} +\d+ [\d:]+ UTC \d{4}$/m],
  },
  {
    says: 'the producer reaches nginx on localhost',
    after: 'kubectl exec multicontainer-pod --container producer -- wget -qO- http://localhost:80',
    terminal: [/^multicontainer-pod \w{3} /m],
  },
  {
    says: 'Reach nginx from your machine too',
    after: 'curl http://localhost:8080',
    terminal: [/^multicontainer-pod \w{3} /m],
  },
  {
    says: 'the second one fails to bind the port, exits, and is restarted again and again',
    after: 'kubectl get pods',
    nth: 3,
    terminal: [/^port-conflict-pod\s+1\/2\s+CrashLoopBackOff\s+[2-9]/m],
    cluster: 'pod/port-conflict-pod:web2 restarts>=2 and pod/port-conflict-pod:web1 restarts=0 ready',
  },
  {
    says: "web2's nginx could not bind port 80, and its log says why",
    after: 'kubectl logs port-conflict-pod --container web2',
    terminal: [/bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)/, /still could not bind\(\)/],
  },
  {
    says: 'web2 started, failed, and waits for its next restart (back-off)',
    after: 'kubectl describe pod port-conflict-pod',
    terminal: [/Reason:\s+CrashLoopBackOff/, /Back-off restarting failed container web2/],
  },
] satisfies PagePromise[];
