/**
 * Pod defaulting (k8s `pkg/apis/core/v1/defaults.go`: SetDefaults_Pod, _PodSpec, _Container, _Probe, volume
 * sources) and what the admission chain adds to a new pod (ServiceAccount, Priority, DefaultTolerationSeconds).
 */
import type { Random } from '../../random/random.js';
import { isObject, type Any } from '../objects.js';
import { parseQuantity } from '../quantity.js';

export const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function setDefault(o: Any, key: string, v: unknown): void {
  if (o[key] === undefined || o[key] === null || o[key] === '') o[key] = v;
}

function defaultHandler(h: Any | undefined): void {
  if (!isObject(h)) return;
  if (isObject(h.httpGet)) {
    setDefault(h.httpGet, 'path', '/');
    setDefault(h.httpGet, 'scheme', 'HTTP');
  }
}

function defaultProbe(p: Any | undefined): void {
  if (!isObject(p)) return;
  defaultHandler(p);
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) if (!p[k]) p[k] = v;
}

/** `Always` for `:latest` or no tag, else `IfNotPresent` (digests count as a tag). */
export function defaultPullPolicy(image: string): string {
  // An unparsable (e.g. empty) reference gives no tag, which counts as IfNotPresent; validation reports the image.
  if (image === '' || image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(c: Any): void {
  if (!isObject(c)) return;
  for (const p of c.ports ?? []) if (isObject(p)) setDefault(p, 'protocol', 'TCP');
  for (const e of c.env ?? []) {
    const ref = isObject(e) && isObject(e.valueFrom) ? e.valueFrom.fieldRef : undefined;
    if (isObject(ref)) setDefault(ref, 'apiVersion', 'v1');
  }
  if (!isObject(c.resources)) c.resources = {};
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObject(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'imagePullPolicy', defaultPullPolicy(typeof c.image === 'string' ? c.image : ''));
}

function defaultVolume(v: Any): void {
  if (!isObject(v)) return;
  for (const src of ['configMap', 'secret', 'projected', 'downwardAPI']) if (isObject(v[src])) setDefault(v[src], 'defaultMode', 420);
  if (isObject(v.hostPath)) setDefault(v.hostPath, 'type', '');
  // SetDefaults_ImageVolumeSource: the pull policy a container with that reference would get.
  if (isObject(v.image)) setDefault(v.image, 'pullPolicy', defaultPullPolicy(typeof v.image.reference === 'string' ? v.image.reference : ''));
  for (const item of v.downwardAPI?.items ?? []) if (isObject(item?.fieldRef)) setDefault(item.fieldRef, 'apiVersion', 'v1');
}

/** SetDefaults_PodSpec and everything under it: pods and pod templates alike. */
export function defaultPodSpec(spec: Any): void {
  if (!isObject(spec)) return;
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  if (!isObject(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  setDefault(spec, 'schedulerName', 'default-scheduler');
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
}

/** SetDefaults_Pod: pod-only defaults on top of the spec's (requests default to limits, service links on). */
export function defaultPod(pod: Any): void {
  if (!isObject(pod.spec)) return;
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    if (!isObject(c) || !isObject(c.resources) || !isObject(c.resources.limits)) continue;
    const requests = isObject(c.resources.requests) ? c.resources.requests : {};
    for (const [k, v] of Object.entries(c.resources.limits)) if (requests[k] === undefined) requests[k] = v;
    c.resources.requests = requests;
  }
  defaultPodSpec(pod.spec);
  // defaultHostNetworkPorts: on the node's network a container port is a host port (pods only since 1.28,
  // DefaultHostNetworkHostPortsInPodTemplates being off), so the scheduler keeps two such pods apart.
  if (pod.spec.hostNetwork === true) for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) for (const p of c?.ports ?? []) if (isObject(p) && !p.hostPort) p.hostPort = p.containerPort;
  if (pod.spec.enableServiceLinks === undefined) pod.spec.enableServiceLinks = true;
}

/** Admission (ServiceAccount plugin): the projected token volume, mounted read-only in every container. */
export function mountServiceAccountToken(spec: Any, random: Random, automount: boolean): void {
  if (!automount || spec.automountServiceAccountToken === false) return;
  const containers: Any[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.some((c) => (c.volumeMounts ?? []).some((m: Any) => m?.mountPath === SERVICE_ACCOUNT_MOUNT))) return;
  const name = `kube-api-access-${random.nameSuffix()}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
  for (const c of containers) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT, name, readOnly: true }];
}

/** Admission (DefaultTolerationSeconds): tolerate not-ready/unreachable nodes for 300 s unless already tolerated. */
export function addDefaultTolerations(spec: Any): void {
  const tolerations: Any[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (t.operator === 'Exists' && !t.key)) && (!t.effect || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

/** The PriorityClasses every cluster has (scheduling/v1 SystemPriorityClasses). */
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-node-critical': 2_000_001_000, 'system-cluster-critical': 2_000_000_000 };

/** Admission (Priority): a system class's value, else priority 0; preemptionPolicy PreemptLowerPriority. */
export function addPriority(spec: Any): void {
  if (spec.priority === undefined) spec.priority = SYSTEM_PRIORITIES[spec.priorityClassName] ?? 0;
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
}

/** v1 qos.GetPodQOS: BestEffort without any requests/limits, Guaranteed when cpu+memory limits equal requests everywhere. */
export function podQOSClass(spec: Any): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  // Pod-level resources (kept only with PodLevelResources on) decide alone when the pod has them (ComputePodQOS).
  const containers: Any[] = isObject(spec.resources) ? [{ resources: spec.resources }] : [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req: Any = c.resources?.requests ?? {};
    const lim: Any = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const rq = parseQuantity(req[r]);
      const lm = parseQuantity(lim[r]);
      if ((rq ?? 0) !== 0 || (lm ?? 0) !== 0) any = true;
      if (lm === undefined || rq === undefined || rq !== lm) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
