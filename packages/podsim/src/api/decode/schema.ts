/**
 * The Go types of the API objects we serve, as far as decoding needs them: field names (for unknown-field
 * detection) and Go types (for `json: cannot unmarshal ...` messages). `any` marks parts accepted as is.
 * Shapes follow k8s.io/api core/v1 and apps/v1 (types.go).
 */
import { BATCH_STRUCTS } from './schema-batch.js';

export type FieldType =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'intstr'
  | 'quantity'
  | 'time'
  | 'any'
  | 'strmap'
  | 'qtymap'
  | 'bytesmap'
  | { struct: string }
  | { list: FieldType };

const S = (struct: string): FieldType => ({ struct });
const L = (t: FieldType): FieldType => ({ list: t });
const strs = L('string');

/** Go struct name → JSON field → type. */
export const STRUCTS: Record<string, Record<string, FieldType>> = {
  ...BATCH_STRUCTS,
  ObjectMeta: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    selfLink: 'string',
    uid: 'string',
    resourceVersion: 'string',
    generation: 'int64',
    creationTimestamp: 'time',
    deletionTimestamp: 'time',
    deletionGracePeriodSeconds: 'int64',
    labels: 'strmap',
    annotations: 'strmap',
    ownerReferences: L(S('OwnerReference')),
    finalizers: strs,
    managedFields: 'any',
  },
  OwnerReference: { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'bool', blockOwnerDeletion: 'bool' },
  LabelSelector: { matchLabels: 'strmap', matchExpressions: L(S('LabelSelectorRequirement')) },
  LabelSelectorRequirement: { key: 'string', operator: 'string', values: strs },
  Pod: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('PodSpec'), status: 'any' },
  PodTemplateSpec: { metadata: S('ObjectMeta'), spec: S('PodSpec') },
  PodSpec: {
    volumes: L(S('Volume')),
    initContainers: L(S('Container')),
    containers: L(S('Container')),
    ephemeralContainers: 'any',
    restartPolicy: 'string',
    terminationGracePeriodSeconds: 'int64',
    activeDeadlineSeconds: 'int64',
    dnsPolicy: 'string',
    nodeSelector: 'strmap',
    serviceAccountName: 'string',
    serviceAccount: 'string',
    automountServiceAccountToken: 'bool',
    nodeName: 'string',
    hostNetwork: 'bool',
    hostPID: 'bool',
    hostIPC: 'bool',
    shareProcessNamespace: 'bool',
    securityContext: S('PodSecurityContext'),
    imagePullSecrets: L(S('LocalObjectReference')),
    hostname: 'string',
    subdomain: 'string',
    affinity: 'any',
    schedulerName: 'string',
    tolerations: L(S('Toleration')),
    hostAliases: 'any',
    priorityClassName: 'string',
    priority: 'int32',
    dnsConfig: 'any',
    readinessGates: 'any',
    runtimeClassName: 'string',
    enableServiceLinks: 'bool',
    preemptionPolicy: 'string',
    overhead: 'qtymap',
    topologySpreadConstraints: 'any',
    setHostnameAsFQDN: 'bool',
    os: 'any',
    hostUsers: 'bool',
    schedulingGates: 'any',
    resourceClaims: 'any',
    resources: S('ResourceRequirements'),
  },
  Container: {
    name: 'string',
    image: 'string',
    command: strs,
    args: strs,
    workingDir: 'string',
    ports: L(S('ContainerPort')),
    envFrom: 'any',
    env: L(S('EnvVar')),
    resources: S('ResourceRequirements'),
    resizePolicy: 'any',
    restartPolicy: 'string',
    volumeMounts: L(S('VolumeMount')),
    volumeDevices: 'any',
    livenessProbe: S('Probe'),
    readinessProbe: S('Probe'),
    startupProbe: S('Probe'),
    lifecycle: S('Lifecycle'),
    terminationMessagePath: 'string',
    terminationMessagePolicy: 'string',
    imagePullPolicy: 'string',
    securityContext: 'any',
    stdin: 'bool',
    stdinOnce: 'bool',
    tty: 'bool',
  },
  ContainerPort: { name: 'string', hostPort: 'int32', containerPort: 'int32', protocol: 'string', hostIP: 'string' },
  EnvVar: { name: 'string', value: 'string', valueFrom: 'any' },
  ResourceRequirements: { limits: 'qtymap', requests: 'qtymap', claims: 'any' },
  VolumeMount: { name: 'string', readOnly: 'bool', recursiveReadOnly: 'string', mountPath: 'string', subPath: 'string', mountPropagation: 'string', subPathExpr: 'string' },
  Probe: {
    exec: S('ExecAction'),
    httpGet: S('HTTPGetAction'),
    tcpSocket: S('TCPSocketAction'),
    grpc: S('GRPCAction'),
    initialDelaySeconds: 'int32',
    timeoutSeconds: 'int32',
    periodSeconds: 'int32',
    successThreshold: 'int32',
    failureThreshold: 'int32',
    terminationGracePeriodSeconds: 'int64',
  },
  LifecycleHandler: { exec: S('ExecAction'), httpGet: S('HTTPGetAction'), tcpSocket: S('TCPSocketAction'), sleep: S('SleepAction') },
  Lifecycle: { postStart: S('LifecycleHandler'), preStop: S('LifecycleHandler'), stopSignal: 'string' },
  ExecAction: { command: strs },
  HTTPGetAction: { path: 'string', port: 'intstr', host: 'string', scheme: 'string', httpHeaders: L(S('HTTPHeader')) },
  HTTPHeader: { name: 'string', value: 'string' },
  TCPSocketAction: { port: 'intstr', host: 'string' },
  GRPCAction: { port: 'int32', service: 'string' },
  SleepAction: { seconds: 'int64' },
  PodSecurityContext: {
    seLinuxOptions: 'any',
    windowsOptions: 'any',
    runAsUser: 'int64',
    runAsGroup: 'int64',
    runAsNonRoot: 'bool',
    supplementalGroups: L('int64'),
    supplementalGroupsPolicy: 'string',
    fsGroup: 'int64',
    sysctls: 'any',
    fsGroupChangePolicy: 'string',
    seccompProfile: 'any',
    appArmorProfile: 'any',
    seLinuxChangePolicy: 'string',
  },
  LocalObjectReference: { name: 'string' },
  Toleration: { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' },
  Volume: {
    name: 'string',
    hostPath: 'any',
    emptyDir: 'any',
    secret: 'any',
    nfs: 'any',
    persistentVolumeClaim: 'any',
    downwardAPI: 'any',
    configMap: 'any',
    projected: 'any',
    ephemeral: 'any',
    csi: 'any',
    image: 'any',
  },
  Deployment: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('DeploymentSpec'), status: 'any' },
  DeploymentSpec: {
    replicas: 'int32',
    selector: S('LabelSelector'),
    template: S('PodTemplateSpec'),
    strategy: S('DeploymentStrategy'),
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    paused: 'bool',
    progressDeadlineSeconds: 'int32',
  },
  DeploymentStrategy: { type: 'string', rollingUpdate: S('RollingUpdateDeployment') },
  RollingUpdateDeployment: { maxUnavailable: 'intstr', maxSurge: 'intstr' },
  DaemonSet: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('DaemonSetSpec'), status: 'any' },
  DaemonSetSpec: { selector: S('LabelSelector'), template: S('PodTemplateSpec'), updateStrategy: S('DaemonSetUpdateStrategy'), minReadySeconds: 'int32', revisionHistoryLimit: 'int32' },
  DaemonSetUpdateStrategy: { type: 'string', rollingUpdate: S('RollingUpdateDaemonSet') },
  RollingUpdateDaemonSet: { maxUnavailable: 'intstr', maxSurge: 'intstr' },
  ReplicaSet: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('ReplicaSetSpec'), status: 'any' },
  ReplicaSetSpec: { replicas: 'int32', minReadySeconds: 'int32', selector: S('LabelSelector'), template: S('PodTemplateSpec') },
  Service: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('ServiceSpec'), status: 'any' },
  ServiceSpec: {
    ports: L(S('ServicePort')),
    selector: 'strmap',
    clusterIP: 'string',
    clusterIPs: strs,
    type: 'string',
    externalIPs: strs,
    sessionAffinity: 'string',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: strs,
    externalName: 'string',
    externalTrafficPolicy: 'string',
    healthCheckNodePort: 'int32',
    publishNotReadyAddresses: 'bool',
    sessionAffinityConfig: 'any',
    ipFamilies: strs,
    ipFamilyPolicy: 'string',
    allocateLoadBalancerNodePorts: 'bool',
    loadBalancerClass: 'string',
    internalTrafficPolicy: 'string',
    trafficDistribution: 'string',
  },
  ServicePort: { name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32' },
  ConfigMap: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), immutable: 'bool', data: 'strmap', binaryData: 'bytesmap' },
  Secret: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), immutable: 'bool', data: 'bytesmap', stringData: 'strmap', type: 'string' },
  Namespace: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('NamespaceSpec'), status: 'any' },
  NamespaceSpec: { finalizers: strs },
  Node: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: 'any', status: 'any' },
  ServiceAccount: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), secrets: 'any', imagePullSecrets: L(S('LocalObjectReference')), automountServiceAccountToken: 'bool' },
  EndpointSlice: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), addressType: 'string', endpoints: 'any', ports: 'any' },
  Endpoints: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), subsets: 'any' },
  PersistentVolumeClaim: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('PersistentVolumeClaimSpec'), status: 'any' },
  ResourceQuota: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('ResourceQuotaSpec'), status: S('ResourceQuotaStatus') },
  ResourceQuotaSpec: { hard: 'qtymap', scopes: strs, scopeSelector: 'any' },
  ResourceQuotaStatus: { hard: 'qtymap', used: 'qtymap' },
  LimitRange: { apiVersion: 'string', kind: 'string', metadata: S('ObjectMeta'), spec: S('LimitRangeSpec') },
  LimitRangeSpec: { limits: L(S('LimitRangeItem')) },
  LimitRangeItem: { type: 'string', max: 'qtymap', min: 'qtymap', default: 'qtymap', defaultRequest: 'qtymap', maxLimitRequestRatio: 'qtymap' },
  PersistentVolumeClaimSpec: {
    accessModes: strs,
    selector: S('LabelSelector'),
    resources: S('VolumeResourceRequirements'),
    volumeName: 'string',
    storageClassName: 'string',
    volumeMode: 'string',
    dataSource: 'any',
    dataSourceRef: 'any',
    volumeAttributesClassName: 'string',
  },
  VolumeResourceRequirements: { limits: 'qtymap', requests: 'qtymap' },
  Event: {
    apiVersion: 'string',
    kind: 'string',
    metadata: S('ObjectMeta'),
    involvedObject: S('ObjectReference'),
    reason: 'string',
    message: 'string',
    source: S('EventSource'),
    firstTimestamp: 'time',
    lastTimestamp: 'time',
    count: 'int32',
    type: 'string',
    eventTime: 'any',
    series: 'any',
    action: 'string',
    related: S('ObjectReference'),
    reportingComponent: 'string',
    reportingInstance: 'string',
  },
  ObjectReference: { kind: 'string', namespace: 'string', name: 'string', uid: 'string', apiVersion: 'string', resourceVersion: 'string', fieldPath: 'string' },
  EventSource: { component: 'string', host: 'string' },
};

/** The Go spelling of a type, as UnmarshalTypeError prints it. */
export function goTypeName(t: FieldType): string {
  if (typeof t === 'object') return 'struct' in t ? `v1.${t.struct}` : `[]${goTypeName(t.list)}`;
  switch (t) {
    case 'strmap':
      return 'map[string]string';
    case 'qtymap':
      return 'map[v1.ResourceName]resource.Quantity';
    case 'bytesmap':
      return 'map[string][]uint8';
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    default:
      return t;
  }
}
