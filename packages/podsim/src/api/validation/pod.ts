/**
 * Pod spec validation in the order of k8s `pkg/apis/core/validation/validation.go` (ValidatePodSpec,
 * validateContainers, validateContainerCommon, validateProbe, validateHandler, validateContainerPorts).
 */
import { isObject, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from './field.js';
import { validateLabels } from './meta.js';
import { validatePodDnsConfig } from './pod-dns.js';
import { dns1123Label, dns1123Subdomain, portName, portNumber } from './names.js';
import { parseQuantity } from '../quantity.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'secret', 'nfs', 'persistentVolumeClaim', 'downwardAPI', 'configMap', 'projected', 'ephemeral', 'csi', 'image'];

function nonNegative(v: unknown, field: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fe.invalid(field, v, 'must be greater than or equal to 0')] : [];
}

function portNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return portNumber(port).map((m) => fe.invalid(field, port, m));
  if (typeof port === 'string') {
    if (port === '') return [fe.required(field, '')];
    return portName(port).map((m) => fe.invalid(field, port, m));
  }
  return [fe.required(field, '')];
}

function validateHandler(h: Any, field: string, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const a = h[kind];
    if (!isObject(a)) continue;
    const f = `${field}.${kind}`;
    if (count > 0) {
      errs.push(fe.forbidden(f, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    if (kind === 'exec') {
      if (!Array.isArray(a.command) || a.command.length === 0) errs.push(fe.required(`${f}.command`, ''));
    } else if (kind === 'httpGet') {
      if (!a.path) errs.push(fe.required(`${f}.path`, ''));
      errs.push(...portNumOrName(a.port, `${f}.port`));
      if (a.scheme !== 'HTTP' && a.scheme !== 'HTTPS') errs.push(fe.notSupported(`${f}.scheme`, a.scheme ?? '', ['HTTP', 'HTTPS']));
    } else if (kind === 'tcpSocket') {
      errs.push(...portNumOrName(a.port, `${f}.port`));
    } else if (kind === 'grpc') {
      errs.push(...portNumber(a.port ?? 0).map((m) => fe.invalid(`${f}.port`, a.port ?? 0, m)));
    }
  }
  if (count === 0) errs.push(fe.required(field, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateProbe(p: Any | undefined, field: string, which: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!isObject(p)) return [];
  const errs = validateHandler(p, field, PROBE_HANDLERS);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(p[k], `${field}.${k}`));
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0)
    errs.push(fe.invalid(`${field}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  if (which === 'readiness' && p.terminationGracePeriodSeconds !== undefined)
    errs.push(fe.invalid(`${field}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  if (which !== 'readiness' && p.successThreshold !== undefined && p.successThreshold !== 1) errs.push(fe.invalid(`${field}.successThreshold`, p.successThreshold, 'must be 1'));
  return errs;
}

function validatePorts(ports: Any[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const f = `${field}[${i}]`;
    if (!isObject(p)) return;
    if (p.name) {
      const msgs = portName(p.name);
      if (msgs.length) errs.push(...msgs.map((m) => fe.invalid(`${f}.name`, p.name, m)));
      else if (names.has(p.name)) errs.push(fe.duplicate(`${f}.name`, p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(fe.required(`${f}.containerPort`, ''));
    else errs.push(...portNumber(p.containerPort).map((m) => fe.invalid(`${f}.containerPort`, p.containerPort, m)));
    if (p.hostPort) errs.push(...portNumber(p.hostPort).map((m) => fe.invalid(`${f}.hostPort`, p.hostPort, m)));
    if (!p.protocol) errs.push(fe.required(`${f}.protocol`, ''));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fe.notSupported(`${f}.protocol`, p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Any[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((e, i) => {
    const f = `${field}[${i}]`;
    if (!e?.name) errs.push(fe.required(`${f}.name`, ''));
    else if (!/^[ -<>-~]+$/.test(e.name))
      errs.push(fe.invalid(`${f}.name`, e.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    if (e?.valueFrom !== undefined && e?.value) errs.push(fe.invalid(`${f}.valueFrom`, '', 'may not be specified when `value` is not empty'));
  });
  return errs;
}

function validateMounts(mounts: Any[] | undefined, volumes: Set<string>, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const f = `${field}[${i}]`;
    if (!m?.name) errs.push(fe.required(`${f}.name`, ''));
    else if (!volumes.has(m.name)) errs.push(fe.notFound(`${f}.name`, m.name));
    if (!m?.mountPath) errs.push(fe.required(`${f}.mountPath`, ''));
    else if (paths.has(m.mountPath)) errs.push(fe.invalid(`${f}.mountPath`, m.mountPath, 'must be unique'));
    else paths.add(m.mountPath);
  });
  return errs;
}

function validateContainer(c: Any, field: string, volumes: Set<string>, kind: 'regular' | 'init'): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fe.required(`${field}.name`, ''));
  else errs.push(...dns1123Label(c.name).map((m) => fe.invalid(`${field}.name`, c.name, m)));
  if (!c.image) errs.push(fe.required(`${field}.image`, ''));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(fe.required(`${field}.terminationMessagePolicy`, ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(fe.notSupported(`${field}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c.ports, `${field}.ports`));
  errs.push(...validateEnv(c.env, `${field}.env`));
  errs.push(...validateMounts(c.volumeMounts, volumes, `${field}.volumeMounts`));
  if (!c.imagePullPolicy) errs.push(fe.required(`${field}.imagePullPolicy`, ''));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(fe.notSupported(`${field}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResources(c.resources, `${field}.resources`));
  if (isObject(c.lifecycle)) {
    for (const hook of ['postStart', 'preStop']) if (isObject(c.lifecycle[hook])) errs.push(...validateHandler(c.lifecycle[hook], `${field}.lifecycle.${hook}`, LIFECYCLE_HANDLERS));
  }
  if (kind === 'regular') {
    errs.push(...validateProbe(c.livenessProbe, `${field}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${field}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${field}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined) errs.push(fe.forbidden(`${field}.restartPolicy`, 'may not be set for non-init containers'));
  } else {
    for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe'])
      if (c[p] !== undefined && c.restartPolicy !== 'Always') errs.push(fe.forbidden(`${field}.${p}`, `may not be set for init containers without restartPolicy=Always`));
  }
  return errs;
}

function validateResources(res: Any | undefined, field: string): FieldError[] {
  if (!isObject(res)) return [];
  const errs: FieldError[] = [];
  const req: Any = res.requests ?? {};
  const lim: Any = res.limits ?? {};
  for (const [name, q] of Object.entries(req)) {
    const l = lim[name];
    if (l === undefined) continue;
    const [rv, lv] = [quantityValue(q), quantityValue(l)];
    if (rv > lv) errs.push(fe.invalid(`${field}.requests`, String(q), `must be less than or equal to ${name} limit of ${String(l)}`));
  }
  return errs;
}

const quantityValue = (q: unknown) => parseQuantity(q) ?? 0;

function validateVolumes(volumes: Any[] | undefined, field: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const f = `${field}[${i}]`;
    if (!v?.name) errs.push(fe.required(`${f}.name`, ''));
    else {
      errs.push(...dns1123Label(v.name).map((m) => fe.invalid(`${f}.name`, v.name, m)));
      if (names.has(v.name)) errs.push(fe.duplicate(`${f}.name`, v.name));
      names.add(v.name);
    }
    const sources = VOLUME_SOURCES.filter((s) => v?.[s] !== undefined);
    if (sources.length === 0) errs.push(fe.required(f, 'must specify a volume type'));
    for (const s of sources.slice(1)) errs.push(fe.forbidden(`${f}.${s}`, 'may not specify more than 1 volume type'));
    if (isObject(v?.persistentVolumeClaim) && !v.persistentVolumeClaim.claimName) errs.push(fe.required(`${f}.persistentVolumeClaim.claimName`, ''));
    if (isObject(v?.hostPath) && !v.hostPath.path) errs.push(fe.required(`${f}.hostPath.path`, ''));
  });
  return { errs, names };
}

/** ValidatePodSpec for a pod (`spec`) or a template (`spec.template.spec`). */
export function validatePodSpec(spec: Any | undefined, field: string): FieldError[] {
  if (!isObject(spec)) return [fe.required(`${field}.containers`, '')];
  const { errs, names: volumes } = validateVolumes(spec.volumes, `${field}.volumes`);
  const containers: Any[] = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) errs.push(fe.required(`${field}.containers`, ''));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const f = `${field}.containers[${i}]`;
    if (!isObject(c)) return;
    errs.push(...validateContainer(c, f, volumes, 'regular'));
    if (c.name && seen.has(c.name)) errs.push(fe.duplicate(`${f}.name`, c.name));
    seen.add(c.name);
  });
  (Array.isArray(spec.initContainers) ? spec.initContainers : []).forEach((c: Any, i: number) => {
    const f = `${field}.initContainers[${i}]`;
    if (!isObject(c)) return;
    errs.push(...validateContainer(c, f, volumes, 'init'));
    if (c.name && seen.has(c.name)) errs.push(fe.duplicate(`${f}.name`, c.name));
    seen.add(c.name);
  });
  if (!spec.restartPolicy) errs.push(fe.required(`${field}.restartPolicy`, ''));
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(fe.notSupported(`${field}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(fe.required(`${field}.dnsPolicy`, ''));
  else if (!DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(fe.notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  errs.push(...validatePodDnsConfig(spec, field));
  errs.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  if (spec.serviceAccountName) errs.push(...dns1123Subdomain(spec.serviceAccountName).map((m) => fe.invalid(`${field}.serviceAccountName`, spec.serviceAccountName, m)));
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647))
    errs.push(fe.invalid(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  (spec.tolerations ?? []).forEach((t: Any, i: number) => {
    const f = `${field}.tolerations[${i}]`;
    if (t.operator && t.operator !== 'Exists' && t.operator !== 'Equal') errs.push(fe.notSupported(`${f}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.operator === 'Exists' && t.value) errs.push(fe.invalid(`${f}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) errs.push(fe.notSupported(`${f}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
  });
  return errs;
}

