/**
 * Lines a page prints that no 1.32 cluster prints: the page was written against an older Kubernetes,
 * kubectl or container runtime. A step whose missing lines include one fails on a real 1.32 cluster
 * too, so the report names that cause instead of sending an area after an output it must not build.
 * Each marker says what 1.32 prints instead and where that comes from (kubectl and kubernetes at
 * release-1.32); none is keyed to a page.
 */
export interface OlderOutput {
  marker: RegExp;
  /** What 1.32 prints instead, and the source that shows it. */
  now: string;
}

export const OLDER_OUTPUTS: OlderOutput[] = [
  {
    marker: /\bFirstSeen\b|\bLASTSEEN\s+FIRSTSEEN\b/,
    now: 'events are listed as `Type Reason Age From Message` (kubectl pkg/describe/describe.go DescribeEvents) and `kubectl get events` as `LAST SEEN TYPE REASON OBJECT MESSAGE`',
  },
  {
    // A procps row (`USER PID %CPU %MEM VSZ RSS TTY STAT …`) in a terminal's foreground group (`+`) whose TTY is `?`.
    marker: /^\s*\S+\s+\d+\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+\?\s+\S*\+\s/,
    now: "the exec's terminal by name (`pts/0`): runc opens an exec's pty in the container's own /dev/pts; Docker's exec once allocated it outside the container's mount namespace, where ps finds no name (moby/moby#8755, #11462)",
  },
  {
    marker: /^\s*1\s+root\s+\S+\s+\/pause\s*$/,
    now: 'the pause process as user 65535: pause 3.5 and later run as non-root (kubernetes build/pause/CHANGELOG.md, kubernetes#97963), and 1.32 uses pause:3.10',
  },
  {
    marker: /^\s*worker_processes\s+1;\s*$/,
    now: "`worker_processes  auto;` and `error_log … notice;`: the nginx.org packages' nginx.conf that current nginx images ship (the change from 1 is discussed in docker-library/official-images#9635, nginx 1.19.7)",
  },
  { marker: /Kubernetes master is running at/, now: '`Kubernetes control plane is running at` (kubectl pkg/cmd/clusterinfo/clusterinfo.go)' },
  { marker: /version\.Info\{/, now: '`Client Version: v1.32.x` (kubectl pkg/cmd/version/version.go: the struct dump went with --short in 1.28)' },
  {
    marker: /^\s*NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\b/,
    now: 'Deployments as `NAME READY UP-TO-DATE AVAILABLE AGE` (kubernetes pkg/printers/internalversion/printers.go deploymentColumnDefinitions)',
  },
  {
    marker: /No nodes are available that match all of the following predicates|failed to fit in any node|\bfit failure\b/,
    now: '`0/N nodes are available: …` (kubernetes pkg/scheduler/framework/types.go FitError)',
  },
  { marker: /containerID: docker:\/\//, now: '`containerd://` IDs: the kubelet has no Docker runtime since dockershim was removed in 1.24' },
  {
    marker: /container_linux\.go:\d+: starting container process caused/,
    now: "containerd's `error executing command in container: failed to exec in container: failed to start exec \"ID\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"sh\": executable file not found in $PATH: unknown` (runc ≥1.1 libcontainer words it `unable to start container process`; the `container_linux.go:N: … caused` form is runc ≤1.0 under dockershim)",
  },
  { marker: /QoS Tier:/, now: '`QoS Class:` (kubectl pkg/describe/describe.go)' },
  { marker: /Created container with id /, now: '`Created container: NAME` (kubelet events)' },
  {
    marker: /^\s*deployments? "[^"]+"( revision \d+)?\s*$/,
    now: '`deployment.apps/NAME` and `… with revision #N` (kubectl pkg/cmd/rollout/rollout_history.go)',
  },
  {
    // The controller still records DeploymentRollback, but only for the deprecated rollbackTo request (its annotation), which kubectl no longer sends.
    marker: /\bDeploymentRollback\b.*\bRolled back deployment\b/,
    now: 'no event: `kubectl rollout undo` patches the Deployment\'s template from the old ReplicaSet itself (kubectl pkg/polymorphichelpers/rollback.go DeploymentRollbacker, release-1.16 on), the controller sees an ordinary update',
  },
  {
    marker: /RollingUpdateStrategy:\s+1 max unavailable, 1 max surge/,
    now: 'apps/v1 defaults of `25% max unavailable, 25% max surge` (kubernetes pkg/apis/apps/v1/defaults.go; 1/1 was extensions/v1beta1)',
  },
  {
    // The header or a row of `crictl ps` that ends at POD ID: crictl before v1.24 (cri-tools cd38481e added POD).
    marker: /^\s*CONTAINER\s+IMAGE\s+CREATED\s+STATE\s+NAME\s+ATTEMPT\s+POD ID\s*$|^\s*[0-9a-f]{12,13}\s+\S+\s+.+? ago\s+(Running|Exited|Created|Unknown)\s+\S+\s+\d+\s+[0-9a-f]{12,13}\s*$/,
    now: '`crictl ps` with `POD` and `NAMESPACE` after `POD ID`, the IMAGE cell the image ID cut to 13 hex digits under containerd (cri-tools v1.32.0 cmd/crictl/container.go; POD since v1.24, NAMESPACE since v1.32)',
  },
  {
    // The pre-autoscaling/v2 printer: a singular TARGET column, the `/scale` subresource in REFERENCE, `current / target`.
    marker: /^\s*NAME\s+REFERENCE\s+TARGET\s+MINPODS\b|\S+\/scale\s+(?:\d+%|<unknown>) \/ \d+%/,
    now: 'HorizontalPodAutoscalers as `NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE`, REFERENCE `Deployment/NAME`, each target `cpu: 0%/50%` (kubernetes pkg/printers/internalversion/printers.go horizontalPodAutoscalerColumnDefinitions, formatHPAMetrics)',
  },
  {
    marker: /^\s*NAME\s+DESIRED\s+CURRENT\s+AGE\s*$/,
    now: 'StatefulSets as `NAME READY AGE` (kubernetes pkg/printers/internalversion/printers.go statefulSetColumnDefinitions)',
  },
  {
    marker: /^\s*NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESSMODES\b/,
    now: 'PersistentVolumeClaims as `NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE` (kubernetes pkg/printers/internalversion/printers.go persistentVolumeClaimColumnDefinitions)',
  },
  {
    marker: /^No resources found\.$/,
    now: "`No resources found in NS namespace.` or `No resources found`, and only when nothing was printed and no error came back: a named object that is missing gets its NotFound error alone (kubectl pkg/cmd/get/get.go)",
  },
  {
    marker: /^\s*"nodePort": 0,?$/,
    now: 'no `nodePort` in a ClusterIP Service\'s ports: the field is `json:"nodePort,omitempty"` (k8s.io/api core/v1 types.go ServicePort)',
  },
  {
    marker: /^\d+ Service Endpoints found$|^No Service Endpoints Found$/,
    now: 'a JSON body `{"service": {"namespace": …, "name": …}, "localEndpoints": N, "serviceProxyHealthy": true}` on the healthCheckNodePort (kubernetes pkg/proxy/healthcheck/service_health.go)',
  },
  {
    marker: /^\s*startedAt: null\s*$/,
    now: "a terminated container's `startedAt` is when it started (kubernetes pkg/kubelet/kubelet_pods.go convertContainerStatus takes it from the CRI status, which containerd always fills)",
  },
  {
    marker: /^\s*"selfLink": /,
    now: 'no `selfLink`: the API server stopped setting it in 1.20 and dropped it in 1.24 (KEP-1164 RemoveSelfLink; metrics-server does not set it either)',
  },
  {
    marker: /^\s*Pods Statuses:\s+\d+ Running \/ \d+ Succeeded \/ \d+ Failed\s*$/,
    now: '`Pods Statuses: N Active (N Ready) / N Succeeded / N Failed` (kubectl pkg/describe/describe.go describeJob since def56a58a, "Add ready field to Job status", 1.23)',
  },
  {
    marker: /^CLIENT VALUES:$/,
    now: "echoserver 1.10's page (the tag the docs run, registry.k8s.io/echoserver:1.10, nginx 1.13.3): `Hostname:`, `Pod Information:`, `Server values:` and `Request Information:` with tab-indented `client_address=…`; `CLIENT VALUES:` is the echoserver 1.4 page (nginx 1.10.0) the outputs were written with",
  },
  {
    // The tools a page installs by release (kompose v1.34.0) print what that release prints, not the page's older run.
    marker: /\bkompose\.version: (?!1\.34\.0 \(cbf2835db\))\d+\.\d+\.\d+ \(/,
    now: '`kompose.version: 1.34.0 (cbf2835db)`: the release the page installs (kompose pkg/version/version.go VERSION at tag v1.34.0; its Makefile stamps `git rev-parse --short HEAD` of the tag, cbf2835db)',
  },
  {
    marker: /\bKubernetes file "[^"]*-svc\.(?:ya?ml|json)" created/,
    now: "`NAME-service.yaml`: kompose 1.34.0 names each file after the object and its kind lower-cased, `%s-%s.yaml` (pkg/transformer/utils.go Print), and writes no file for --replication-controller (pkg/transformer/kubernetes/kubernetes.go CreateWorkloadAndConfigMapObjects makes Deployments, DaemonSets and StatefulSets only)",
  },
  {
    marker: /\bunable to create pods: pods "/,
    now: 'the create\'s own error, `pods "NAME-HASH-RAND" is forbidden: …`: release-1.32 RealPodControl.createPods returns it as it is (kubernetes pkg/controller/controller_utils.go), and the API server names the pod whose name it generated before validating admission (apiserver pkg/registry/rest AdmissionToValidateObjectFunc)',
  },
];

/** The first older-version line among the lines a page printed that we did not, if any. */
export function olderOutput(missing: string[]): { line: string; now: string } | undefined {
  for (const line of missing) {
    const hit = OLDER_OUTPUTS.find((o) => o.marker.test(line));
    if (hit) return { line: line.trim(), now: hit.now };
  }
  return undefined;
}
