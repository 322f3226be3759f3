/** What lifecycle.mdx promises its demos show (see tests/docs/promises.ts). */
import type { PagePromise } from '../../tests/docs/promises.js';

export default [
  {
    says: 'SIGTERM, then up to 10 seconds to exit: the pod is still terminating a few seconds later',
    after: 'kubectl delete pod slow-stop-pod --grace-period=10',
    terminal: [/pod "slow-stop-pod" deleted/],
    cluster: 'pod/slow-stop-pod deleting',
  },
  {
    says: 'Killing (SIGTERM) when you deleted the pod; the pod was gone 10 s later',
    after: 'kubectl get events --field-selector involvedObject.name=slow-stop-pod',
    terminal: [/Normal\s+Killing\s+pod\/slow-stop-pod\s+Stopping container app/],
    cluster: 'pod/slow-stop-pod gone',
  },
  {
    says: 'A forced deletion: the object is gone at once, and kubectl warns you',
    after: 'kubectl delete pod nginx-pod --grace-period=0 --force',
    terminal: [/^Warning: Immediate deletion does not wait for confirmation/m, /pod "nginx-pod" force deleted/],
    cluster: 'pod/nginx-pod gone',
  },
  {
    says: "The Never pod's container was not restarted: the pod ended Error (phase Failed)",
    after: 'kubectl get pods',
    nth: 4,
    terminal: [/^hello-world-never-pod\s+0\/1\s+Error\s+0\s/m],
    cluster: 'pod/hello-world-never-pod phase=Failed',
  },
  {
    says: 'describe shows the container Terminated with reason Error and exit code 2, Ready: False, and the conditions Ready and ContainersReady both False',
    after: 'kubectl describe pod hello-world-never-pod',
    terminal: [/State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+2/, /^\s+Ready:\s+False/m, /^\s+Ready\s+False/m, /^\s+ContainersReady\s+False/m],
  },
  {
    says: "The OnFailure pod's container was restarted right away the first time",
    after: 'kubectl get pods',
    nth: 5,
    terminal: [/^hello-world-onfailure-pod\s+1\/1\s+Running\s+1 \(/m],
  },
  {
    says: 'its status was Error',
    after: 'kubectl get pods',
    nth: 6,
    terminal: [/^hello-world-onfailure-pod\s+0\/1\s+Error\s+1 \(/m],
    cluster: 'pod/hello-world-onfailure-pod status=Error',
  },
  {
    says: 'describe shows the container Terminated with reason Error (State) after an earlier Error (Last State), and the events show Back-off restarting failed container',
    after: 'kubectl describe pod hello-world-onfailure-pod',
    terminal: [/State:\s+Terminated\n\s+Reason:\s+Error/, /Last State:\s+Terminated\n\s+Reason:\s+Error/, /Back-off restarting failed container hello-world/],
  },
  {
    says: 'Once the back-off ended, it was Running again with 2 restarts',
    after: 'kubectl get pods',
    nth: 7,
    terminal: [/^hello-world-onfailure-pod\s+1\/1\s+Running\s+2 \(/m],
  },
] satisfies PagePromise[];
