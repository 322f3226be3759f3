/**
 * The "similar to" comparison. Page sides are excerpts of kubernetes.io pages (as printed there);
 * the other sides are written in kubectl 1.32's formats, with other names, ages and addresses.
 */
import { describe, expect, it } from 'vitest';
import { similar } from './similar.js';

describe('similar', () => {
  it('matches a table from an older kubectl by column, ignoring spacing, ages and the restart note', () => {
    const page = 'NAME            READY     STATUS      RESTARTS   AGE\nmemory-demo-2   0/1       OOMKilled   1          24s';
    const ours = 'NAME            READY   STATUS      RESTARTS     AGE\nmemory-demo-2   0/1     OOMKilled   1 (8s ago)   31s\n';
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
  });

  it('treats certificate dates as any time, but not their field names', () => {
    const page = 'notBefore=Feb 13 05:57:47 2024 GMT\nnotAfter=Feb 10 06:02:47 2034 GMT';
    expect(similar(page, 'notBefore=Nov 27 08:55:00 2026 GMT\nnotAfter=Nov 24 09:00:00 2036 GMT\n').match).toBe(true);
    expect(similar(page, 'notAfter=Nov 27 08:55:00 2026 GMT\nnotAfter=Nov 24 09:00:00 2036 GMT\n').match).toBe(false);
  });

  it("takes an older kubectl's rollout status line, Job labels without prefix and `date`'s time as 1.32's", () => {
    expect(similar('Waiting for rollout to finish: 1 out of 3 new replicas have been updated...', 'Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n').match).toBe(true);
    expect(similar('Waiting for rollout to finish: 2 out of 3 new replicas have been updated...', 'Waiting for deployment "nginx-deployment" rollout to finish: 1 out of 3 new replicas have been updated...\n').match).toBe(false);
    expect(similar('Selector:          controller-uid=bf865e04-0b67-483b-9a90-74cfc4c3e756', 'Selector:  batch.kubernetes.io/controller-uid=e98a0089-4599-41bb-90f4-ad17bed7712d\n').match).toBe(true);
    expect(similar('Fri Feb 22 11:02:09 UTC 2019\nHello from the Kubernetes cluster', 'Fri Nov 27 09:01:01 UTC 2026\nHello from the Kubernetes cluster\n').match).toBe(true);
    expect(similar('Fri Feb 22 11:02:09 UTC 2019\nHello from the Kubernetes cluster', 'Fri Nov 27 09:01:01 UTC 2026\n').match).toBe(false);
  });

  it("reads the header an older kubectl printed again above a watch's events as the start of another table, not a row", () => {
    // Page: tutorials/stateful-application/basic-stateful-set; ours as kubectl 1.32's get.go watch prints (one header).
    const page = 'NAME      READY     STATUS              RESTARTS   AGE\nweb-0     0/1       ContainerCreating   0          0s\nNAME      READY     STATUS    RESTARTS   AGE\nweb-0     1/1       Running   0          2s';
    const ours = 'NAME    READY   STATUS              RESTARTS   AGE\nweb-0   0/1     ContainerCreating   0          0s\nweb-0   1/1     Running             0          2s\n';
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
    expect(similar(page, 'NAME    READY   STATUS              RESTARTS   AGE\nweb-0   0/1     ContainerCreating   0          0s\n').match).toBe(false);
  });

  it("reads an older kubectl's Terminating for a deleted pod whose container stopped, and its delete message without the group", () => {
    // Page: tutorials/stateful-application/basic-stateful-set; ours as 1.32 prints them (printers.go printPod, delete's operation printer).
    const page = 'NAME      READY     STATUS        RESTARTS   AGE\nweb-0     1/1       Terminating   0          12m\nweb-0     0/1       Terminating   0          12m';
    expect(similar(page, 'NAME    READY   STATUS        RESTARTS   AGE\nweb-0   1/1     Terminating   0          13s\nweb-0   0/1     Completed     0          13s\n').match).toBe(true);
    expect(similar(page, 'NAME    READY   STATUS        RESTARTS   AGE\nweb-0   1/1     Terminating   0          13s\nweb-0   1/1     Running       0          13s\n').match).toBe(false);
    expect(similar('statefulset "web" deleted', 'statefulset.apps "web" deleted\n').match).toBe(true);
    expect(similar('statefulset "web" deleted', 'statefulset.apps "db" deleted\n').match).toBe(false);
  });

  it("takes the page cluster's default StorageClass for this cluster's, and only that one", () => {
    const page = 'NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   AGE\nwww-web-0   Bound    pvc-2bf00408-d366-4a12-bad0-1869c65d0bee   1Gi        RWO            standard       25m';
    const ours = (cls: string) => `NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\nwww-web-0   Bound    pvc-12359336-2d30-4952-bbb5-0dd815caa2b3   1Gi        RWO            ${cls}     <unset>                 11m\n`;
    expect(similar(page, ours('local-path')).match).toBe(true);
    expect(similar(page, ours('manual')).match).toBe(false);
  });

  it('reports a row whose stable cells differ', () => {
    const page = 'NAME            READY     STATUS    RESTARTS   AGE\nmemory-demo-2   1/1       Running   2          40s';
    const ours = 'NAME            READY   STATUS    RESTARTS   AGE\nmemory-demo-2   1/1     Running   0          40s\n';
    expect(similar(page, ours)).toEqual({ match: false, missing: ['memory-demo-2   1/1       Running   2          40s'] });
  });

  it('reads the PV columns kubectl ≤1.10 named ACCESSMODES and RECLAIMPOLICY as 1.32 names them', () => {
    // Page: tasks/configure-pod-container/configure-persistent-volume-storage; ours as kubectl 1.32 prints it.
    const page =
      'NAME             CAPACITY   ACCESSMODES   RECLAIMPOLICY   STATUS      CLAIM     STORAGECLASS   REASON    AGE\n' +
      'task-pv-volume   10Gi       RWO           Retain          Available             manual                   4s';
    const ours =
      'NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
      'task-pv-volume   10Gi       RWO            Retain           Available           manual         <unset>                          3s\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('Retain ', 'Delete ')).match).toBe(false);
  });

  it('reads describe as 1.19+ prints it: without the last-applied-configuration annotation kubectl ≤1.18 listed', () => {
    // Page: tasks/configure-pod-container/configure-pod-configmap; ours as kubectl 1.32 describes the applied ConfigMap.
    const page =
      'Name:         game-config-4-m9dm2f92bt\nLabels:       game-config=config-4\n' +
      'Annotations:  kubectl.kubernetes.io/last-applied-configuration:\n' +
      '                {"apiVersion":"v1","data":{"game.properties":"enemies=aliens\\nlives=3\\nsecret.code.p...\n\nData\n====';
    const ours = 'Name:         game-config-4-tbg7c4gc77\nLabels:       game-config=config-4\nAnnotations:  <none>\n\nData\n====\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('<none>', 'a: b')).match).toBe(false);
    const withMore = 'Annotations:  kubectl.kubernetes.io/last-applied-configuration:\n                  {"apiVersion":"apps/v1"...\n              deployment.kubernetes.io/revision: 2';
    expect(similar(withMore, 'Annotations:  deployment.kubernetes.io/revision: 2\n').match).toBe(true);
  });

  it('does not count the token Secret every ServiceAccount had before 1.24', () => {
    // Page: tasks/configure-pod-container/configure-service-account; ours as kubectl 1.32 prints the default account.
    const page = 'NAME      SECRETS    AGE\ndefault   1          1d';
    expect(similar(page, 'NAME      SECRETS   AGE\ndefault   0         4s\n').match).toBe(true);
    expect(similar(page, 'NAME      SECRETS   AGE\nbuild-robot   0         4s\n').match).toBe(false);
  });

  it('compares a table the page cut to its NAME column by that column', () => {
    const page = 'NAME\nv1beta1.metrics.k8s.io';
    const ours = 'NAME                           SERVICE                      AVAILABLE   AGE\nv1.apps                        Local                        True        63s\nv1beta1.metrics.k8s.io         kube-system/metrics-server   True        63s\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('v1beta1.metrics', 'v1.metrics')).match).toBe(false);
  });

  it('needs every column the page shows', () => {
    const page = 'NAME      STATUS   VOLUME   CAPACITY\ntask-pv   Bound    pv-1     10Gi';
    const ours = 'NAME      STATUS   AGE\ntask-pv   Bound    5s\n';
    expect(similar(page, ours).match).toBe(false);
  });

  it('treats generated names, addresses and node names as any value', () => {
    const page = 'NAME                                READY     STATUS    RESTARTS   AGE       IP           NODE\nnginx-deployment-1006230814-6winp   1/1       Running   0          7m        10.244.1.5   worker0';
    const ours =
      'NAME                                READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'nginx-deployment-7c5ddbdf54-x2bkz   1/1     Running   0          12s   10.244.2.3   node02   <none>           <none>\n';
    expect(similar(page, ours).match).toBe(true);
  });

  it("reads a generated pod name with a suffix from before kubernetes 1.5's alphabet as ours (tasks/job/parallel-processing-expansion)", () => {
    const page = 'NAME                        READY     STATUS      RESTARTS   AGE\nprocess-item-apple-kixwv    0/1       Completed   0          4m';
    const row = (name: string) => `NAME                        READY   STATUS      RESTARTS   AGE\n${name}   0/1     Completed   0          4m\n`;
    expect(similar(page, row('process-item-apple-kfz29')).match).toBe(true);
    expect(similar(page, row('process-item-cherry-btm4v')).match).toBe(false);
    expect(similar(page, row('process-item-apple')).match).toBe(false);
    expect(similar(page, row('process-item-apple-kfz29-x')).match).toBe(false);
  });

  it("treats the API server's address, port included, as the page's cluster's", () => {
    const page = '{\n  "serverAddressByClientCIDRs": [\n    {\n      "clientCIDR": "0.0.0.0/0",\n      "serverAddress": "10.0.1.149:443"\n    }\n  ]\n}';
    const ours = '{\n  "serverAddressByClientCIDRs": [\n    {\n      "clientCIDR": "0.0.0.0/0",\n      "serverAddress": "172.18.0.2:6443"\n    }\n  ]\n}';
    expect(similar(page, ours).match).toBe(true);
    // Only the API server's address: another field's port still counts.
    expect(similar('"endpoint": "10.0.1.149:443"', '"endpoint": "172.18.0.2:6443"\n').match).toBe(false);
  });

  it('compares YAML excerpts line by line, indentation and order free, with ... as a gap', () => {
    const page = '...\nresources:\n  requests:\n    memory: 100Mi\n  limits:\n    memory: 200Mi\n...';
    const ours = 'spec:\n  containers:\n  - name: c\n    resources:\n      limits:\n        memory: 200Mi\n      requests:\n        memory: 100Mi\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('200Mi', '300Mi'))).toEqual({ match: false, missing: ['    memory: 200Mi'] });
  });

  it('reads describe events with ages, counts and old `kubelet, NODE` sources normalised', () => {
    const page =
      'Type     Reason     Age                From               Message\n----     ------     ----               ----               -------\n' +
      'Warning  Unhealthy  10s (x3 over 20s)  kubelet, node01    Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory';
    const ours =
      'Events:\n  Type     Reason     Age               From               Message\n  ----     ------     ----              ----               -------\n' +
      '  Normal   Scheduled  45s               default-scheduler  Successfully assigned default/liveness-exec to node01\n' +
      "  Warning  Unhealthy  5s (x3 over 15s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n";
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('Unhealthy', 'BackOff')).match).toBe(false);
  });

  it("lets a page's <placeholder> stand for one value", () => {
    const page = 'NAME                        CPU(cores)   MEMORY(bytes)\nmemory-demo                 <something>  162856960';
    const ours = 'NAME          CPU(cores)   MEMORY(bytes)\nmemory-demo   1m           150Mi\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar('pod/<name> created', 'pod/web created\n').match).toBe(true);
    expect(similar('pod/<name> created', 'pod/web configured\n').match).toBe(false);
  });

  it('names nodes in a node table freely, labels included', () => {
    const page = 'NAME      STATUS    ROLES    AGE     VERSION        LABELS\nworker0   Ready     <none>   1d      v1.13.0        ...,disktype=ssd,kubernetes.io/hostname=worker0';
    const ours = 'NAME     STATUS   ROLES    AGE   VERSION   LABELS\nnode01   Ready    <none>   5m    v1.32.0   beta.kubernetes.io/arch=amd64,disktype=ssd,kubernetes.io/hostname=node01\n';
    expect(similar(page, ours).match).toBe(true);
  });

  it('reads a header whose middle columns the page cut with ...', () => {
    const page = 'NAME                           READY   STATUS    ...  IP           NODE\nhello-world-2895499144-bsbk5   1/1     Running   ...  10.200.1.4   worker1';
    const ours =
      'NAME                           READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'hello-world-67985f677b-2krpg   1/1     Running   0          2s    10.244.1.2   node01   <none>           <none>\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('Running', 'Pending')).match).toBe(false);
  });

  it('ends a row cell where the next header cell starts, an elided one included (tutorials/stateless-application/expose-external-ip-address)', () => {
    const page = 'NAME                         ...  IP         NODE\nhello-world-2895499144-1jaz9 ...  10.0.1.6   gke-cluster-1-default-pool-e0b8d269-1afc';
    const ours =
      'NAME                           READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'hello-world-79cc59c8c7-9rf96   1/1     Running   0          77s   10.244.1.3   node01   <none>           <none>\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('hello-world', 'hello-there')).match).toBe(false);
  });

  it("reads kubectl run's 1.2 wait and `Hit enter` texts as 1.32's attach prompt hint (tutorials/services/connect-applications-service)", () => {
    const page = 'Waiting for pod default/curl-131556218-9fnch to be running, status is Pending, pod ready: false\nHit enter for command prompt';
    // 1.32: kubectl pkg/cmd/attach/attach.go prints the hint on stderr; the container shell's prompt follows.
    expect(similar(page, "If you don't see a command prompt, try pressing enter.\n/ #\n").match).toBe(true);
    expect(similar(page, 'Error from server (NotFound): pods "curl" not found\n').match).toBe(false);
  });

  it("reads a Service exposed from a Deployment whose labels extensions/v1beta1 defaulted from its template as 1.32's <none>", () => {
    // Page: tasks/access-application-cluster/service-access-application-cluster; ours in describe.go's describeService layout.
    const page = 'Name:                   example-service\nNamespace:              default\nLabels:                 run=load-balancer-example\nSelector:               run=load-balancer-example\nType:                   NodePort';
    const ours = (labels: string, selector: string) =>
      `Name:                     example-service\nNamespace:                default\nLabels:                   ${labels}\nAnnotations:              <none>\nSelector:                 ${selector}\nType:                     NodePort\n`;
    expect(similar(page, ours('<none>', 'run=load-balancer-example')).match).toBe(true);
    expect(similar(page, ours('run=load-balancer-example', 'run=load-balancer-example')).match).toBe(true);
    // Only where the page's labels are its selector, and ours selects the same pods.
    expect(similar(page, ours('<none>', 'run=other')).match).toBe(false);
    expect(similar(page.replace('Labels:                 run=', 'Labels:                 app='), ours('<none>', 'run=load-balancer-example')).match).toBe(false);
  });

  it("takes the node an endpoint or a pod is on as the page cluster's (tutorials/services/pods-and-endpoint-termination-flow)", () => {
    expect(similar('            "nodeName": "gke-main-default-pool-dca1511c-d17b",', '      "nodeName": "node01",\n').match).toBe(true);
    expect(similar('  nodeName: kube-worker-1', '  nodeName: node02\n').match).toBe(true);
    expect(similar('            "nodeName": "gke-main-default-pool-dca1511c-d17b",', '      "hostname": "node01",\n').match).toBe(false);
  });

  it('takes the labels a page shows around ... as some of ours (1.14+ nodes carry kubernetes.io/arch and os)', () => {
    const page = 'NAME      STATUS    ROLES    AGE     VERSION        LABELS\nworker0   Ready     <none>   1d      v1.13.0        ...,disktype=ssd,kubernetes.io/hostname=worker0';
    const ours =
      'NAME     STATUS   ROLES    AGE   VERSION   LABELS\n' +
      'node01   Ready    <none>   5m    v1.32.4   beta.kubernetes.io/arch=amd64,disktype=ssd,kubernetes.io/arch=amd64,kubernetes.io/hostname=node01,kubernetes.io/os=linux\n';
    expect(similar(page, ours).match).toBe(true);
    expect(similar(page, ours.replace('disktype=ssd,', '')).match).toBe(false);
  });

  it('normalises what only the version changed: pull times, `KIND "NAME" created`, short image names', () => {
    const pulled = 'Normal  Pulled     7s    kubelet, node01    Successfully pulled image "registry.k8s.io/busybox:1.27.2"';
    const ours = '  Normal  Pulled     7s    kubelet            Successfully pulled image "registry.k8s.io/busybox:1.27.2" in 1.128s (1.128s including waiting). Image size: 1144547 bytes.\n';
    expect(similar(pulled, ours).match).toBe(true);
    expect(similar(pulled, ours.replace('1.27.2"', '1.28"')).match).toBe(false);
    expect(similar('secret "prod-db-secret" created', 'secret/prod-db-secret created\n').match).toBe(true);
    expect(similar('secret "prod-db-secret" created', 'secret/test-db-secret created\n').match).toBe(false);
    // kubectl delete still prints the quoted form: no other spelling is accepted for it.
    expect(similar('pod/web deleted', 'pod "web" deleted\n').match).toBe(false);
    expect(similar('    image: nginx', '    image: docker.io/library/nginx:latest\n').match).toBe(true);
    expect(similar('    image: nginx', '    image: docker.io/library/nginx:1.27\n').match).toBe(false);
  });

  it('treats node ports, ls times and the atomic writer directories as values of the run', () => {
    expect(similar('NodePort:               <unset> 31496/TCP', 'NodePort:                 <unset>  32577/TCP\n').match).toBe(true);
    expect(similar('NodePort:               <unset> 31496/TCP', 'NodePort:                 <unset>  32577/UDP\n').match).toBe(false);
    expect(similar('  healthCheckNodePort: 32122', '  healthCheckNodePort: 32713\n').match).toBe(true);
    expect(similar('  healthCheckNodePort: 32122', '  nodePort: 32713\n').match).toBe(false);
    expect(similar('drwxrwsrwx 2 root 2000 4096 Jun  6 20:08 demo', 'drwxrwsrwx    2 root     2000          4096 Nov 27 09:00 demo\n').match).toBe(true);
    expect(similar('drwxrwsrwx 2 root 2000 4096 Jun  6 20:08 demo', 'drwxrwxrwx    2 root     root          4096 Nov 27 09:00 demo\n').match).toBe(false);
    expect(similar('lrwxrwxrwx  ... Feb 6 21:47 ..data -> ..2982_06_02_21_47_53.299460680', 'lrwxrwxrwx    1 root     root            32 Nov 27 09:00 ..data -> ..2026_11_27_09_00_00.2670138157\n').match).toBe(true);
  });

  it('reads ps tables by user and command: PIDs after 1 and CPU times are the run\'s (tasks/configure-pod-container/security-context)', () => {
    const page = 'PID   USER     TIME  COMMAND\n    1 1000      0:00 sleep 1h\n    6 1000      0:00 sh\n...';
    expect(similar(page, 'PID   USER     TIME  COMMAND\n    1 1000      0:00 sleep 1h\n    2 1000      0:00 sh\n    3 1000      0:00 ps\n').match).toBe(true);
    expect(similar(page, 'PID   USER     TIME  COMMAND\n    1 1000      0:00 sh -c sleep 1h\n    2 1000      0:00 sleep 1h\n    3 1000      0:00 sh\n').match).toBe(true);
    expect(similar(page, 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1h\n    2 1000      0:00 sh\n').match).toBe(false);
  });

  it('reads procps tables by their words, whatever the alignment, with usage and start times as the run\'s (configure-volume-storage)', () => {
    // Page: tasks/configure-pod-container/configure-volume-storage (procps 3.3, PID 5 wide); ours: procps-ng 4 `ps aux` (PID 7 wide).
    const page = 'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nredis        1  0.1  0.1  33308  3828 ?        Ssl  00:46   0:00 redis-server *:6379';
    const ours = (user: string, stat: string) =>
      `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${user}          1  0.0  0.3 139216 11520 ?        ${stat}  09:00   0:00 redis-server *:6379\n`;
    expect(similar(page, ours('redis', 'Ssl')).match).toBe(true);
    expect(similar(page, ours('root ', 'Ssl')).match).toBe(false);
    expect(similar(page, ours('redis', 'Ss ')).match).toBe(false);
    // Page: communicate-containers-same-pod-shared-volume, its columns cut with `...`; the command keeps its spaces.
    const cut = 'USER       PID  ...  STAT START   TIME COMMAND\nroot         1  ...  Ss   21:12   0:00 nginx: master process nginx -g daemon off;';
    const nginx = (cmd: string) => `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot           1  0.0  0.2  11404  7424 ?        Ss   09:00   0:00 ${cmd}\n`;
    expect(similar(cut, nginx('nginx: master process nginx -g daemon off;')).match).toBe(true);
    expect(similar(cut, nginx('nginx: master process nginx')).match).toBe(false);
  });

  it("reads a user namespace's first host ID as the run's, not its length (tasks/configure-pod-container/user-namespaces)", () => {
    expect(similar('0  833617920      65536', '         0 1515913216      65536\n').match).toBe(true);
    expect(similar('0  833617920      65536', '         0          0 4294967295\n').match).toBe(false);
  });

  it("takes the docs' stand-in node names (mynode, my-node1) as the reader's node (tasks/debug/debug-cluster/kubectl-node-debug)", () => {
    expect(similar('Creating debugging pod node-debugger-mynode-pdx84 with container debugger on node mynode.\nroot@mynode:/#', 'Creating debugging pod node-debugger-node01-tkn6w with container debugger on node node01.\nroot@node01:/#\n').match).toBe(true);
    expect(similar('on node mynode.', 'on node node01 now\n').match).toBe(false);
  });

  it("reads a load balancer's address without the ipMode that 1.30+ defaults and 1.31+ describe prints", () => {
    expect(similar('LoadBalancer Ingress:   104.198.205.71', 'LoadBalancer Ingress:     172.18.255.200 (VIP)\n').match).toBe(true);
    expect(similar('LoadBalancer Ingress:   104.198.205.71', 'LoadBalancer Ingress:     172.18.255.200 (VIP), 172.18.255.201 (VIP)\n').match).toBe(false);
  });

  it("takes an AWS load balancer's DNS name as the load balancer's address (tutorials/services/connect-applications-service)", () => {
    const page = '...\nLoadBalancer Ingress:   a320587ffd19711e5a37606cf4a74574-1142138393.us-east-1.elb.amazonaws.com\n...';
    expect(similar(page, 'Type:                     LoadBalancer\nLoadBalancer Ingress:     172.18.255.200 (VIP)\n').match).toBe(true);
    expect(similar(page, 'Type:                     LoadBalancer\nLoadBalancer Ingress:     172.18.255.200 (VIP), 172.18.255.201 (VIP)\n').match).toBe(false);
    expect(similar(page, 'Type:                     NodePort\n').match).toBe(false);
  });

  it("reads an older kubectl's -o json in field order as 1.32's, members sorted: the last member's comma and the resourceVersion are the run's", () => {
    // Page: tasks/debug/debug-application/debug-service (a 2015 cluster); ours in 1.32's order (json.MarshalIndent of a map).
    const page = '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "hostnames",\n        "namespace": "default",\n        "uid": "428c8b6c-24bc-11e5-936d-42010af0a9bc",\n        "resourceVersion": "347189",\n        "creationTimestamp": "2015-07-07T15:24:29Z",\n        "labels": {\n            "app": "hostnames"\n        }\n    },\n    "spec": {\n        "type": "ClusterIP",\n        "sessionAffinity": "None"\n    }\n}';
    const ours =
      '{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n        "creationTimestamp": "2026-11-27T09:02:26Z",\n        "labels": {\n            "app": "hostnames"\n        },\n        "name": "hostnames",\n        "namespace": "default",\n        "resourceVersion": "155",\n        "uid": "0959c2cf-c5e7-429a-8170-05d631fc0447"\n    },\n    "spec": {\n        "sessionAffinity": "None",\n        "type": "ClusterIP"\n    }\n}\n';
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
    expect(similar(page, ours.replace('"ClusterIP"', '"NodePort"')).missing).toEqual(['        "type": "ClusterIP",']);
    // Two members on one line, or a value that is not JSON, keep their comma.
    expect(similar('a: 1,', 'a: 1\n').match).toBe(false);
  });

  it('plain lines must each be found once', () => {
    expect(similar('Hello shell demo', 'Hello shell demo\n').match).toBe(true);
    expect(similar('a\na', 'a\n')).toEqual({ match: false, missing: ['a'] });
    expect(similar('pod/myapp-pod created', 'error: the path "myapp.yaml" does not exist\n').match).toBe(false);
  });

  it('reads a describe deployment from an older kubectl and controller as 1.32 prints it (named version rules)', () => {
    // Page side: kubernetes.io concepts/workloads/controllers/deployment (2017 output); ours: kubectl 1.32's layout.
    const page = [
      'Annotations:            deployment.kubernetes.io/revision=2',
      '  Conditions:',
      '    Type           Status  Reason',
      '    ----           ------  ------',
      '    Available      True    MinimumReplicasAvailable',
      '  OldReplicaSets:  <none>',
      '  NewReplicaSet:   nginx-deployment-1564180365 (3/3 replicas created)',
      '  Events:',
      '    Type    Reason             Age   From                   Message',
      '    ----    ------             ----  ----                   -------',
      '    Normal  ScalingReplicaSet  2m    deployment-controller  Scaled up replica set nginx-deployment-2035384211 to 3',
      '    Normal  ScalingReplicaSet  14s   deployment-controller  Scaled down replica set nginx-deployment-2035384211 to 0',
    ].join('\n');
    const ours = [
      'Annotations:            deployment.kubernetes.io/revision: 2',
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      True    MinimumReplicasAvailable',
      'OldReplicaSets:  nginx-deployment-cf4cd4db7 (0/0 replicas created)',
      'NewReplicaSet:   nginx-deployment-cff86b44d (3/3 replicas created)',
      'Events:',
      '  Type    Reason             Age   From                   Message',
      '  ----    ------             ----  ----                   -------',
      '  Normal  ScalingReplicaSet  56s   deployment-controller  Scaled up replica set nginx-deployment-cf4cd4db7 from 0 to 3',
      '  Normal  ScalingReplicaSet  19s   deployment-controller  Scaled down replica set nginx-deployment-cf4cd4db7 from 1 to 0',
      '',
    ].join('\n');
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
    // A describe field after a table is no row of it; an old ReplicaSet that still has replicas is kept; a different count is still a difference.
    expect(similar('OldReplicaSets:  <none>', 'OldReplicaSets:  web-7c9d8b5f4 (1/1 replicas created)\n').match).toBe(false);
    expect(similar(page, ours.replace('from 0 to 3', 'from 0 to 2')).match).toBe(false);
  });

  it("joins a refusal the page wrapped by hand, run from a website checkout's examples/ and ended with an older release's period", () => {
    const page = [
      'Error from server (Forbidden): error when creating "examples/admin/resource/cpu-constraints-pod-2.yaml":',
      'pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m.',
    ].join('\n');
    const ours =
      'Error from server (Forbidden): error when creating "https://k8s.io/examples/admin/resource/cpu-constraints-pod-2.yaml": pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m\n';
    expect(similar(page, ours)).toEqual({ match: true, missing: [] });
    // Another bound, another file, or only half of the line is still a difference (`1500m` itself reads as an age).
    expect(similar(page, ours.replace('maximum cpu', 'minimum cpu')).match).toBe(false);
    expect(similar(page, ours.replace('pod-2.yaml', 'pod-3.yaml')).match).toBe(false);
    expect(similar(page, 'Error from server (Forbidden): error when creating "https://k8s.io/examples/admin/resource/cpu-constraints-pod-2.yaml":\n').match).toBe(false);
  });
});
