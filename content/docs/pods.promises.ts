/** What pods.mdx promises its demo shows (see tests/docs/promises.ts). */
import type { PagePromise } from '../../tests/docs/promises.js';

export default [
  {
    says: 'the events show it being Scheduled onto a node, the image Pulling/Pulled, and the container Created and Started',
    after: 'kubectl exec -it hello-world-pod -- /bin/sh',
    since: 'kubectl apply -f pod.yaml',
    terminal: [/Scheduled[\s\S]*Pulling[\s\S]*Pulled[\s\S]*Created[\s\S]*Started/],
  },
  {
    says: 'ps lists very few processes: hello-app is PID 1',
    after: 'ps',
    terminal: [/^\s*1\s.*hello-app/m],
  },
  {
    says: 'the kubelet restarted the container in the same pod, and RESTARTS went to 1',
    after: 'kubectl get pods',
    terminal: [/^hello-world-pod\s+1\/1\s+Running\s+1 \(/m],
    cluster: 'pod/hello-world-pod restarts=1 and pod/hello-world-pod ready',
  },
  {
    says: 'describe shows the Last State (Terminated, with its reason and exit code) next to its current State (Running)',
    after: 'kubectl describe pod hello-world-pod',
    terminal: [/State:\s+Running/, /Last State:\s+Terminated\n\s+Reason:\s+\w+\n\s+Exit Code:\s+\d+/, /Restart Count:\s+1/],
  },
  {
    says: 'hello-app listens on port 8080: port-forward reaches it',
    after: 'curl http://localhost:8080',
    terminal: [/Hello, world!/],
  },
] satisfies PagePromise[];
