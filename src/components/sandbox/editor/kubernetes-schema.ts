/**
 * A JSON schema for the kinds podsim simulates (Pod, Deployment, ReplicaSet, ConfigMap, Secret,
 * Service, Namespace), written for monaco-yaml: completion, validation markers and hover text.
 * Hand-written rather than the full OpenAPI dump (several MB) so the editor chunk stays small;
 * field names and defaults follow the Kubernetes v1.32 API reference.
 */
type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: Schema = {}): Schema => ({ type: 'integer', description, ...extra });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const list = (name: string, description: string): Schema => ({ type: 'array', description, items: ref(name) });
const obj = (description: string, properties: Schema, required: string[] = []): Schema => ({
  type: 'object',
  description,
  properties,
  required,
  additionalProperties: false,
});
const stringMap = (description: string): Schema => ({ type: 'object', description, additionalProperties: { type: 'string' } });
const intOrString = (description: string): Schema => ({ anyOf: [{ type: 'integer' }, { type: 'string' }], description });

const probeHandlers = {
  exec: obj('Runs a command inside the container; exit status 0 means success.', {
    command: { type: 'array', items: { type: 'string' }, description: 'Command line; not run in a shell.' },
  }),
  httpGet: obj('Sends an HTTP GET to the pod; a status from 200 to 399 means success.', {
    path: str('Path to request, e.g. /healthz.'),
    port: intOrString('Port number or name on the container.'),
    host: str('Host to connect to; defaults to the pod IP.'),
    scheme: str('HTTP or HTTPS.', { enum: ['HTTP', 'HTTPS'] }),
    httpHeaders: { type: 'array', items: obj('A header.', { name: str('Header name.'), value: str('Header value.') }, ['name', 'value']) },
  }, ['port']),
  tcpSocket: obj('Opens a TCP connection; success if the port accepts it.', {
    port: intOrString('Port number or name on the container.'),
    host: str('Host to connect to; defaults to the pod IP.'),
  }, ['port']),
};

const definitions: Record<string, Schema> = {
  ObjectMeta: obj('Standard object metadata.', {
    name: str('Name, unique within the namespace for this kind.'),
    generateName: str('Prefix for a generated name when name is empty.'),
    namespace: str('Namespace of the object; "default" when omitted.'),
    labels: stringMap('Key/value pairs used by selectors (Deployments, Services…).'),
    annotations: stringMap('Free-form key/value data for tools.'),
  }),
  Probe: obj('A periodic diagnostic the kubelet runs against a container.', {
    ...probeHandlers,
    initialDelaySeconds: int('Seconds after the container started before the first probe. Default 0.', { minimum: 0 }),
    periodSeconds: int('How often (seconds) to probe. Default 10, minimum 1.', { minimum: 1 }),
    timeoutSeconds: int('Seconds before a probe attempt times out. Default 1, minimum 1.', { minimum: 1 }),
    successThreshold: int('Consecutive successes needed after a failure. Default 1; must be 1 for liveness and startup.', { minimum: 1 }),
    failureThreshold: int('Consecutive failures before giving up. Default 3, minimum 1.', { minimum: 1 }),
    terminationGracePeriodSeconds: int('Grace period used when a failing liveness or startup probe kills the container.'),
  }),
  ContainerPort: obj('A port the container listens on (informational).', {
    containerPort: int('Port number inside the pod (1-65535).', { minimum: 1, maximum: 65535 }),
    name: str('Name other objects and probes can refer to.'),
    protocol: str('TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] }),
    hostPort: int('Port exposed on the node.'),
  }, ['containerPort']),
  EnvVar: obj('An environment variable.', {
    name: str('Variable name.'),
    value: str('Literal value.'),
    valueFrom: obj('Takes the value from a ConfigMap, Secret or pod field.', {
      configMapKeyRef: obj('A key of a ConfigMap.', { name: str('ConfigMap name.'), key: str('Key.'), optional: bool('Allow a missing key.') }, ['key']),
      secretKeyRef: obj('A key of a Secret.', { name: str('Secret name.'), key: str('Key.'), optional: bool('Allow a missing key.') }, ['key']),
      fieldRef: obj('A field of the pod.', { fieldPath: str('e.g. metadata.name, status.podIP.'), apiVersion: str('Defaults to v1.') }, ['fieldPath']),
    }),
  }, ['name']),
  VolumeMount: obj('Mounts a pod volume into the container.', {
    name: str('Name of a volume of the pod.'),
    mountPath: str('Absolute path inside the container.'),
    readOnly: bool('Mount read-only.'),
    subPath: str('Mount only this path of the volume.'),
  }, ['name', 'mountPath']),
  Volume: obj('Storage defined at pod level, shared by the containers that mount it.', {
    name: str('Name used by volumeMounts.'),
    emptyDir: obj('An empty directory that lives as long as the pod.', { medium: str('"" or Memory.'), sizeLimit: intOrString('Size limit.') }),
    configMap: obj('Files from a ConfigMap.', { name: str('ConfigMap name.'), optional: bool('Allow a missing ConfigMap.') }),
    secret: obj('Files from a Secret.', { secretName: str('Secret name.'), optional: bool('Allow a missing Secret.') }),
    persistentVolumeClaim: obj('A PersistentVolumeClaim.', { claimName: str('Claim name.'), readOnly: bool('Mount read-only.') }, ['claimName']),
    hostPath: obj('A path on the node.', { path: str('Path on the node.'), type: str('Type check.') }, ['path']),
  }, ['name']),
  Container: obj('A container of the pod.', {
    name: str('Name, unique within the pod (DNS label).'),
    image: str('Image reference, e.g. nginx or gcr.io/google-samples/hello-app:1.0.'),
    imagePullPolicy: str('Always, IfNotPresent or Never. Default Always for :latest, else IfNotPresent.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
    command: { type: 'array', items: { type: 'string' }, description: "Replaces the image's ENTRYPOINT." },
    args: { type: 'array', items: { type: 'string' }, description: "Replaces the image's CMD." },
    workingDir: str('Working directory.'),
    ports: list('ContainerPort', 'Ports the container listens on.'),
    env: list('EnvVar', 'Environment variables.'),
    envFrom: { type: 'array', description: 'Imports all keys of ConfigMaps or Secrets.', items: { type: 'object' } },
    resources: obj('CPU and memory requests and limits.', { requests: stringMap('Minimum guaranteed, e.g. cpu: 100m.'), limits: stringMap('Maximum allowed, e.g. memory: 128Mi.') }),
    volumeMounts: list('VolumeMount', 'Volumes mounted into this container.'),
    livenessProbe: { ...ref('Probe'), description: 'Restarts the container when it fails failureThreshold times in a row.' },
    readinessProbe: { ...ref('Probe'), description: 'Marks the container (and pod) not Ready while it fails; never restarts it.' },
    startupProbe: { ...ref('Probe'), description: 'Holds off the other probes until the application has started.' },
    lifecycle: { type: 'object', description: 'postStart and preStop hooks.' },
    terminationMessagePath: str('Default /dev/termination-log.'),
    terminationMessagePolicy: str('File or FallbackToLogsOnError.', { enum: ['File', 'FallbackToLogsOnError'] }),
    stdin: bool('Allocate a stdin buffer.'),
    tty: bool('Allocate a TTY.'),
  }, ['name', 'image']),
  PodSpec: obj('What the pod runs.', {
    containers: { ...list('Container', 'The containers of the pod; at least one.'), minItems: 1 },
    initContainers: list('Container', 'Run to completion, one after another, before the containers start.'),
    restartPolicy: str('When the kubelet restarts containers: Always (default), OnFailure or Never.', { enum: ['Always', 'OnFailure', 'Never'] }),
    terminationGracePeriodSeconds: int('Seconds between SIGTERM and SIGKILL when the pod is deleted. Default 30.', { minimum: 0 }),
    activeDeadlineSeconds: int('Seconds the pod may run before it is failed.'),
    volumes: list('Volume', 'Volumes the containers can mount.'),
    nodeName: str('Bind to this node, bypassing the scheduler.'),
    nodeSelector: stringMap('Node labels the pod requires.'),
    hostname: str('Hostname inside the pod; defaults to the pod name.'),
    serviceAccountName: str('Service account to run as.'),
    tolerations: { type: 'array', description: 'Taints this pod tolerates.', items: { type: 'object' } },
    affinity: { type: 'object', description: 'Scheduling constraints.' },
    dnsPolicy: str('DNS policy.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
    shareProcessNamespace: bool('One PID namespace for all containers of the pod.'),
  }, ['containers']),
  PodTemplateSpec: obj('The pod a controller creates.', { metadata: ref('ObjectMeta'), spec: ref('PodSpec') }),
  LabelSelector: obj('Selects objects by label.', {
    matchLabels: stringMap('All of these labels must match.'),
    matchExpressions: { type: 'array', description: 'Set-based requirements.', items: { type: 'object' } },
  }),
  DeploymentSpec: obj('Desired state of a Deployment.', {
    replicas: int('Number of pods. Default 1.', { minimum: 0 }),
    selector: { ...ref('LabelSelector'), description: "Must match the template's labels." },
    template: ref('PodTemplateSpec'),
    strategy: obj('How pods are replaced on a change.', {
      type: str('RollingUpdate (default) or Recreate.', { enum: ['RollingUpdate', 'Recreate'] }),
      rollingUpdate: obj('Rolling update limits.', { maxSurge: intOrString('Extra pods allowed. Default 25%.'), maxUnavailable: intOrString('Pods that may be unavailable. Default 25%.') }),
    }),
    minReadySeconds: int('Seconds a new pod must be ready before it counts as available.'),
    revisionHistoryLimit: int('Old ReplicaSets kept. Default 10.'),
    progressDeadlineSeconds: int('Seconds before a stalled rollout is reported. Default 600.'),
    paused: bool('Pause the rollout.'),
  }, ['selector', 'template']),
  ReplicaSetSpec: obj('Desired state of a ReplicaSet.', {
    replicas: int('Number of pods. Default 1.', { minimum: 0 }),
    selector: ref('LabelSelector'),
    template: ref('PodTemplateSpec'),
    minReadySeconds: int('Seconds a new pod must be ready before it counts as available.'),
  }, ['selector']),
  ServiceSpec: obj('How a Service exposes pods.', {
    selector: stringMap('Pods with these labels receive the traffic.'),
    type: str('ClusterIP (default), NodePort, LoadBalancer or ExternalName.', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }),
    ports: { type: 'array', items: obj('A service port.', { name: str('Port name.'), port: int('Port of the service.'), targetPort: intOrString('Port on the pods.'), protocol: str('TCP, UDP or SCTP.'), nodePort: int('Node port.') }, ['port']) },
    clusterIP: str('Virtual IP; assigned when omitted.'),
  }),
};

const kinds: { kind: string; apiVersion: string; fields: Schema }[] = [
  { kind: 'Pod', apiVersion: 'v1', fields: { spec: ref('PodSpec') } },
  { kind: 'Deployment', apiVersion: 'apps/v1', fields: { spec: ref('DeploymentSpec') } },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', fields: { spec: ref('ReplicaSetSpec') } },
  { kind: 'Service', apiVersion: 'v1', fields: { spec: ref('ServiceSpec') } },
  { kind: 'ConfigMap', apiVersion: 'v1', fields: { data: stringMap('Configuration values.'), binaryData: stringMap('Base64 values.'), immutable: bool('Forbid updates.') } },
  { kind: 'Secret', apiVersion: 'v1', fields: { data: stringMap('Base64-encoded values.'), stringData: stringMap('Plain values, encoded on write.'), type: str('Secret type, default Opaque.'), immutable: bool('Forbid updates.') } },
  { kind: 'Namespace', apiVersion: 'v1', fields: { spec: { type: 'object' } } },
];

export const KUBERNETES_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes object (Podlab)',
  type: 'object',
  definitions,
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: str('Version of the API the object belongs to.', { enum: [...new Set(kinds.map((k) => k.apiVersion))] }),
    kind: str('Type of object.', { enum: kinds.map((k) => k.kind) }),
    metadata: ref('ObjectMeta'),
    spec: { type: 'object', description: 'Desired state.' },
    data: { type: 'object' },
    binaryData: { type: 'object' },
    stringData: { type: 'object' },
    type: { type: 'string' },
    immutable: { type: 'boolean' },
    status: { type: 'object', description: 'Observed state; written by the cluster.' },
  },
  additionalProperties: false,
  allOf: kinds.map(({ kind, apiVersion, fields }) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { properties: { apiVersion: { const: apiVersion }, ...fields } },
  })),
};
