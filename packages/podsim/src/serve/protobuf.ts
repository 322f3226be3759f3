/**
 * Decodes the Kubernetes protobuf bodies kubectl's typed clients send (`kubectl create deployment |
 * service | configmap | secret | namespace | quota | job | cronjob | ingress | role | clusterrole | pdb`, `kubectl autoscale`, drain's evictions POST `application/vnd.kubernetes.protobuf`): the `k8s\0`
 * envelope (runtime.Unknown) around the object, turned into the JSON object the ApiServer takes.
 * Only the types and fields those generators fill are mapped (field numbers of k8s.io/api generated.proto);
 * unmapped fields are skipped. Go marshals every non-pointer scalar, so zero values are dropped
 * (JSON `omitempty`) except for pointer fields (`replicas: 0` matters).
 */

type Scalar = 's' | 'i' | 'i*' | 'b' | 'bytes' | 'time' | 'quantity' | 'intstr';
type Kind = Scalar | { msg: string } | { map: Scalar } | { rep: Scalar | { msg: string } };
type Schema = Record<string, Record<number, [string, Kind]>>;

const m = (msg: string) => ({ msg });

const SCHEMA: Schema = {
  Unknown: { 1: ['typeMeta', m('TypeMeta')], 2: ['raw', 'bytes'] },
  TypeMeta: { 1: ['apiVersion', 's'], 2: ['kind', 's'] },
  ObjectMeta: {
    1: ['name', 's'],
    2: ['generateName', 's'],
    3: ['namespace', 's'],
    5: ['uid', 's'],
    6: ['resourceVersion', 's'],
    7: ['generation', 'i'],
    8: ['creationTimestamp', 'time'],
    11: ['labels', { map: 's' }],
    12: ['annotations', { map: 's' }],
    13: ['ownerReferences', { rep: m('OwnerReference') }],
    14: ['finalizers', { rep: 's' }],
  },
  OwnerReference: { 1: ['kind', 's'], 3: ['name', 's'], 4: ['uid', 's'], 5: ['apiVersion', 's'], 6: ['controller', 'b'], 7: ['blockOwnerDeletion', 'b'] },
  Deployment: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('DeploymentSpec')], 3: ['status', m('Empty')] },
  // autoscaling/v1, what `kubectl autoscale` sends.
  HorizontalPodAutoscaler: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('HorizontalPodAutoscalerSpec')], 3: ['status', m('Empty')] },
  HorizontalPodAutoscalerSpec: { 1: ['scaleTargetRef', m('CrossVersionObjectReference')], 2: ['minReplicas', 'i*'], 3: ['maxReplicas', 'i'], 4: ['targetCPUUtilizationPercentage', 'i*'] },
  CrossVersionObjectReference: { 1: ['kind', 's'], 2: ['name', 's'], 3: ['apiVersion', 's'] },
  DeploymentSpec: {
    1: ['replicas', 'i*'],
    2: ['selector', m('LabelSelector')],
    3: ['template', m('PodTemplateSpec')],
    4: ['strategy', m('DeploymentStrategy')],
    5: ['minReadySeconds', 'i'],
    6: ['revisionHistoryLimit', 'i*'],
    7: ['paused', 'b'],
    9: ['progressDeadlineSeconds', 'i*'],
  },
  DeploymentStrategy: { 1: ['type', 's'], 2: ['rollingUpdate', m('RollingUpdateDeployment')] },
  RollingUpdateDeployment: { 1: ['maxUnavailable', 'intstr'], 2: ['maxSurge', 'intstr'] },
  LabelSelector: { 1: ['matchLabels', { map: 's' }], 2: ['matchExpressions', { rep: m('LabelSelectorRequirement') }] },
  LabelSelectorRequirement: { 1: ['key', 's'], 2: ['operator', 's'], 3: ['values', { rep: 's' }] },
  PodTemplateSpec: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('PodSpec')] },
  PodSpec: {
    2: ['containers', { rep: m('Container') }],
    3: ['restartPolicy', 's'],
    4: ['terminationGracePeriodSeconds', 'i*'],
    6: ['dnsPolicy', 's'],
    7: ['nodeSelector', { map: 's' }],
    8: ['serviceAccountName', 's'],
    10: ['nodeName', 's'],
    20: ['initContainers', { rep: m('Container') }],
    27: ['shareProcessNamespace', 'b'],
  },
  Container: {
    1: ['name', 's'],
    2: ['image', 's'],
    3: ['command', { rep: 's' }],
    4: ['args', { rep: 's' }],
    5: ['workingDir', 's'],
    6: ['ports', { rep: m('ContainerPort') }],
    7: ['env', { rep: m('EnvVar') }],
    8: ['resources', m('ResourceRequirements')],
    13: ['terminationMessagePath', 's'],
    14: ['imagePullPolicy', 's'],
    16: ['stdin', 'b'],
    17: ['stdinOnce', 'b'],
    18: ['tty', 'b'],
    20: ['terminationMessagePolicy', 's'],
  },
  ContainerPort: { 1: ['name', 's'], 2: ['hostPort', 'i'], 3: ['containerPort', 'i'], 4: ['protocol', 's'], 5: ['hostIP', 's'] },
  EnvVar: { 1: ['name', 's'], 2: ['value', 's'] },
  ResourceRequirements: { 1: ['limits', { map: 'quantity' }], 2: ['requests', { map: 'quantity' }] },
  Service: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('ServiceSpec')], 3: ['status', m('Empty')] },
  ServiceSpec: {
    1: ['ports', { rep: m('ServicePort') }],
    2: ['selector', { map: 's' }],
    3: ['clusterIP', 's'],
    4: ['type', 's'],
    5: ['externalIPs', { rep: 's' }],
    7: ['sessionAffinity', 's'],
    10: ['externalName', 's'],
  },
  ServicePort: { 1: ['name', 's'], 2: ['protocol', 's'], 3: ['port', 'i'], 4: ['targetPort', 'intstr'], 5: ['nodePort', 'i'], 6: ['appProtocol', 's'] },
  // rbac/v1 (k8s.io/api/rbac/v1/generated.proto): what `kubectl create role|clusterrole` send.
  Role: { 1: ['metadata', m('ObjectMeta')], 2: ['rules', { rep: m('PolicyRule') }] },
  ClusterRole: { 1: ['metadata', m('ObjectMeta')], 2: ['rules', { rep: m('PolicyRule') }], 3: ['aggregationRule', m('AggregationRule')] },
  PolicyRule: { 1: ['verbs', { rep: 's' }], 2: ['apiGroups', { rep: 's' }], 3: ['resources', { rep: 's' }], 4: ['resourceNames', { rep: 's' }], 5: ['nonResourceURLs', { rep: 's' }] },
  AggregationRule: { 1: ['clusterRoleSelectors', { rep: m('LabelSelector') }] },
  ConfigMap: { 1: ['metadata', m('ObjectMeta')], 2: ['data', { map: 's' }], 3: ['binaryData', { map: 'bytes' }], 4: ['immutable', 'b'] },
  Secret: { 1: ['metadata', m('ObjectMeta')], 2: ['data', { map: 'bytes' }], 3: ['type', 's'], 4: ['stringData', { map: 's' }], 5: ['immutable', 'b'] },
  Namespace: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('Empty')], 3: ['status', m('Empty')] },
  ServiceAccount: { 1: ['metadata', m('ObjectMeta')] },
  Pod: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('PodSpec')], 3: ['status', m('Empty')] },
  ResourceQuota: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('ResourceQuotaSpec')], 3: ['status', m('Empty')] },
  ResourceQuotaSpec: { 1: ['hard', { map: 'quantity' }], 2: ['scopes', { rep: 's' }], 3: ['scopeSelector', m('ScopeSelector')] },
  ScopeSelector: { 1: ['matchExpressions', { rep: m('ScopedResourceSelectorRequirement') }] },
  ScopedResourceSelectorRequirement: { 1: ['scopeName', 's'], 2: ['operator', 's'], 3: ['values', { rep: 's' }] },
  Ingress: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('IngressSpec')], 3: ['status', m('IngressStatus')] },
  IngressStatus: { 1: ['loadBalancer', m('Empty')] },
  IngressSpec: { 1: ['defaultBackend', m('IngressBackend')], 2: ['tls', { rep: m('IngressTLS') }], 3: ['rules', { rep: m('IngressRule') }], 4: ['ingressClassName', 's'] },
  IngressBackend: { 4: ['service', m('IngressServiceBackend')] },
  IngressServiceBackend: { 1: ['name', 's'], 2: ['port', m('ServiceBackendPort')] },
  ServiceBackendPort: { 1: ['name', 's'], 2: ['number', 'i'] },
  IngressTLS: { 1: ['hosts', { rep: 's' }], 2: ['secretName', 's'] },
  // IngressRuleValue is inlined in JSON (`...` merges its fields into the rule).
  IngressRule: { 1: ['host', 's'], 2: ['...', m('IngressRuleValue')] },
  IngressRuleValue: { 1: ['http', m('HTTPIngressRuleValue')] },
  HTTPIngressRuleValue: { 1: ['paths', { rep: m('HTTPIngressPath') }] },
  HTTPIngressPath: { 1: ['path', 's'], 2: ['backend', m('IngressBackend')], 3: ['pathType', 's'] },
  Job: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('JobSpec')], 3: ['status', m('Empty')] },
  JobSpec: {
    1: ['parallelism', 'i*'],
    2: ['completions', 'i*'],
    3: ['activeDeadlineSeconds', 'i*'],
    4: ['selector', m('LabelSelector')],
    5: ['manualSelector', 'b'],
    6: ['template', m('PodTemplateSpec')],
    7: ['backoffLimit', 'i*'],
    8: ['ttlSecondsAfterFinished', 'i*'],
    9: ['completionMode', 's'],
    10: ['suspend', 'b'],
    12: ['backoffLimitPerIndex', 'i*'],
    13: ['maxFailedIndexes', 'i*'],
    14: ['podReplacementPolicy', 's'],
    15: ['managedBy', 's'],
  },
  JobTemplateSpec: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('JobSpec')] },
  CronJob: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('CronJobSpec')], 3: ['status', m('Empty')] },
  CronJobSpec: {
    1: ['schedule', 's'],
    2: ['startingDeadlineSeconds', 'i*'],
    3: ['concurrencyPolicy', 's'],
    4: ['suspend', 'b'],
    5: ['jobTemplate', m('JobTemplateSpec')],
    6: ['successfulJobsHistoryLimit', 'i*'],
    7: ['failedJobsHistoryLimit', 'i*'],
    8: ['timeZone', 's'],
  },
  Empty: {},
  PodDisruptionBudget: { 1: ['metadata', m('ObjectMeta')], 2: ['spec', m('PodDisruptionBudgetSpec')], 3: ['status', m('Empty')] },
  PodDisruptionBudgetSpec: { 1: ['minAvailable', 'intstr'], 2: ['selector', m('LabelSelector')], 3: ['maxUnavailable', 'intstr'], 4: ['unhealthyPodEvictionPolicy', 's'] },
  // policy/v1 Eviction, what `kubectl drain` posts to pods/NAME/eviction.
  Eviction: { 1: ['metadata', m('ObjectMeta')], 2: ['deleteOptions', m('DeleteOptions')] },
  DeleteOptions: { 1: ['gracePeriodSeconds', 'i*'], 4: ['propagationPolicy', 's'], 5: ['dryRun', { rep: 's' }] },
  Time: { 1: ['seconds', 'i'], 2: ['nanos', 'i'] },
  Quantity: { 1: ['string', 's'] },
  IntOrString: { 1: ['type', 'i'], 2: ['intVal', 'i'], 3: ['strVal', 's'] },
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
  }

  bytes(): Buffer {
    const len = this.varint();
    if (this.pos + len > this.buf.length) throw new Error('truncated field');
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

/** int64 varints of negative numbers come back as 2^64 − n. */
function signed(n: number): number {
  return n >= 2 ** 63 ? n - 2 ** 64 : n;
}

function scalar(kind: Scalar, r: Reader): unknown {
  switch (kind) {
    case 's':
      return r.bytes().toString('utf8');
    case 'i':
    case 'i*':
      return signed(r.varint());
    case 'b':
      return r.varint() !== 0;
    case 'bytes':
      return r.bytes().toString('base64');
    case 'time': {
      const t = decode('Time', r.bytes()) as { seconds?: number; nanos?: number };
      return t.seconds ? new Date(t.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    }
    case 'quantity':
      return (decode('Quantity', r.bytes()) as { string?: string }).string ?? '0';
    case 'intstr': {
      const v = decode('IntOrString', r.bytes()) as { type?: number; intVal?: number; strVal?: string };
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
  }
}

function isZero(kind: Kind, v: unknown): boolean {
  return (kind === 's' && v === '') || (kind === 'i' && v === 0) || (kind === 'b' && v === false);
}

function value(kind: Scalar | { msg: string }, r: Reader): unknown {
  return typeof kind === 'string' ? scalar(kind, r) : decode(kind.msg, r.bytes());
}

function decode(type: string, buf: Buffer): Record<string, unknown> {
  const fields = SCHEMA[type];
  const out: Record<string, unknown> = {};
  const r = new Reader(buf);
  while (!r.done) {
    const key = r.varint();
    const no = Math.floor(key / 8);
    const wire = key & 7;
    const f = fields[no];
    if (!f) {
      r.skip(wire);
      continue;
    }
    const [name, kind] = f;
    if (typeof kind === 'object' && 'map' in kind) {
      const entry = new Reader(r.bytes());
      let k = '';
      let v: unknown = kind.map === 's' ? '' : undefined;
      while (!entry.done) {
        const ek = entry.varint();
        if (ek >> 3 === 1) k = entry.bytes().toString('utf8');
        else if (ek >> 3 === 2) v = scalar(kind.map, entry);
        else entry.skip(ek & 7);
      }
      out[name] = { ...((out[name] as object) ?? {}), [k]: v };
    } else if (typeof kind === 'object' && 'rep' in kind) {
      const list = (out[name] as unknown[]) ?? [];
      list.push(value(kind.rep, r));
      out[name] = list;
    } else {
      const v = value(kind, r);
      if (name === '...') Object.assign(out, v);
      else if (!isZero(kind, v)) out[name] = v;
      else delete out[name];
    }
  }
  return out;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The JSON form of a `k8s\0`-enveloped object, or an error message. */
export function decodeKubeProtobuf(body: Buffer): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) return { ok: false, message: 'provided input is not a Kubernetes protobuf message (missing k8s prefix)' };
  try {
    const env = decode('Unknown', body.subarray(4)) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: string };
    const kind = env.typeMeta?.kind ?? '';
    if (!SCHEMA[kind] || kind === 'Unknown') return { ok: false, message: `podsim cannot decode protobuf ${kind || 'unnamed'} objects yet; send JSON` };
    const obj = decode(kind, Buffer.from(env.raw ?? '', 'base64'));
    return { ok: true, value: { kind, apiVersion: env.typeMeta?.apiVersion ?? 'v1', ...obj } };
  } catch (e) {
    return { ok: false, message: `unable to decode protobuf body: ${(e as Error).message}` };
  }
}
