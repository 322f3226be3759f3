import { describe, expect, it } from 'vitest';
import { olderOutput } from './older-outputs.js';

describe('older-version output markers', () => {
  // Lines as kubernetes.io pages print them (website e6bd301: deployment, debug-running-pod, troubleshoot-kubectl,
  // access-cluster-services, assign-cpu-resource, communicate-containers, debug-service, source-ip, indexed-parallel-processing-static pages).
  it.each([
    'OCI runtime exec failed: exec failed: container_linux.go:346: starting container process caused "exec: \\"sh\\": executable file not found in $PATH": unknown',
    'NAME                 DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE',
    // configure-volume-storage (Docker-era exec TTY), share-process-namespace (pause before 3.5, nginx.conf before auto).
    'root        15  0.0  0.0  17500  2072 ?        R+   00:48   0:00 ps aux',
    '    1 root      0:00 /pause',
    'worker_processes  1;',
    '  FirstSeen LastSeen    Count   From                    SubObjectPath   Type        Reason              Message',
    'Client Version: version.Info{Major:"1", Minor:"27", GitVersion:"v1.27.4"}',
    'Kubernetes master is running at https://192.0.2.1',
    '  FailedScheduling      No nodes are available that match all of the following predicates:: Insufficient cpu (3).',
    '  - containerID: docker://c1d8abd1 ...',
    'deployments "nginx-deployment"',
    'RollingUpdateStrategy:  1 max unavailable, 1 max surge',
    '  Normal  DeploymentRollback  15s   deployment-controller  Rolled back deployment "nginx-deployment" to revision 2',
    // static-pod page: crictl before v1.24.
    'CONTAINER       IMAGE                                 CREATED           STATE      NAME    ATTEMPT    POD ID',
    '129fd7d382018   docker.io/library/nginx@sha256:...    11 minutes ago    Running    web     0          34533c6729106',
    'No resources found.',
    '                "nodePort": 0',
    '1 Service Endpoints found',
    'No Service Endpoints Found',
    // assign-memory-resource (a lastState from the Docker era), resource-metrics-pipeline (a NodeMetrics of 2022).
    '     startedAt: null',
    '    "selfLink": "/apis/metrics.k8s.io/v1beta1/nodes/minikube",',
    'Pods Statuses:     2 Running / 3 Succeeded / 0 Failed',
    // source-ip: the echoserver 1.4 page under a Deployment of echoserver:1.10.
    'CLIENT VALUES:',
    // translate-compose-kubernetes: a kompose 1.33.0 run, and file names of kompose before the kind was spelt out.
    '                          kompose.version: 1.33.0 (3ce457399)',
    'INFO Kubernetes file "redis-svc.json" created',
    // horizontal-pod-autoscale-walkthrough, cassandra, run-replicated-stateful-application.
    'NAME         REFERENCE                     TARGET    MINPODS   MAXPODS   REPLICAS   AGE',
    'php-apache   Deployment/php-apache/scale   305% / 50%  1         10        1          3m',
    'NAME        DESIRED   CURRENT   AGE',
    'NAME           STATUS    VOLUME                                     CAPACITY   ACCESSMODES   AGE',
  ])('recognises %s', (line) => {
    expect(olderOutput([line])).toBeDefined();
  });

  // What the real kubectl 1.32 prints (its test tables and the binary on this machine): never an older-version line.
  it.each([
    'error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "a6dd28a7": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown',
    'NAME               READY   UP-TO-DATE   AVAILABLE   AGE',
    // procps-ng 4 `ps aux` in a kubectl exec -it shell, and a daemon without a terminal; busybox ps in a shared PID namespace.
    'root          25  0.0  0.1   8680  4800 pts/0    R+   09:01   0:00 ps aux',
    'redis          1  0.0  0.3 139216 11520 ?        Ssl  09:00   0:00 redis-server *:6379',
    '    1 65535     0:00 /pause',
    '    8 root      0:00 nginx: master process nginx -g daemon off;',
    'worker_processes  auto;',
    '  Type    Reason     Age   From               Message',
    'Client Version: v1.32.2',
    'Kubernetes control plane is running at https://192.0.2.1',
    '  Warning  FailedScheduling  5s  default-scheduler  0/4 nodes are available: 4 Insufficient cpu.',
    '  - containerID: containerd://c1d8abd1',
    'deployment.apps/foo with revision #2',
    'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
    '  Normal  ScalingReplicaSet  15s   deployment-controller  Scaled down replica set nginx-deployment-595696685f from 1 to 0',
    'NAME      DESIRED   CURRENT   READY   AGE',
    // crictl v1.32.0 (cmd/crictl/container.go ListContainers' columns; values from its docs/crictl.md example).
    'CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE',
    'b25b4f26e3429       b1c6f1ae8f5ca       14 seconds ago      Running             busybox             0                   158d7a6665ff3       busybox             default',
    'No resources found in default namespace.',
    'No resources found',
    '                "nodePort": 30080',
    '    "localEndpoints": 1,',
    // A 1.32 lastState.terminated and NodeMetrics (kubelet convertContainerStatus; metrics-server v0.7 api).
    '        startedAt: "2026-11-27T09:02:08Z"',
    '    "creationTimestamp": "2026-11-27T09:02:08Z"',
    'Pods Statuses:    2 Active (2 Ready) / 3 Succeeded / 0 Failed',
    // echoserver 1.10's page (transcripts of hello-minikube with registry.k8s.io/echoserver:1.10).
    'Request Information:',
    '\tclient_address=10.244.0.1',
    // kompose v1.34.0's own (pkg/version/version.go, pkg/transformer/utils.go Print).
    '                          kompose.version: 1.34.0 (cbf2835db)',
    'INFO Kubernetes file "redis-service.json" created',
    // 1.32's HPA, StatefulSet and PVC tables (kubernetes pkg/printers/internalversion/printers.go column definitions, release-1.32).
    'NAME         REFERENCE               TARGETS       MINPODS   MAXPODS   REPLICAS   AGE',
    'php-apache   Deployment/php-apache   cpu: 0%/50%   1         10        1          18s',
    'NAME        READY   AGE',
    'NAME           STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
  ])('accepts %s', (line) => {
    expect(olderOutput([line])).toBeUndefined();
  });
});
