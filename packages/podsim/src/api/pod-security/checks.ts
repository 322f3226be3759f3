/**
 * The Pod Security Standards' checks as the PodSecurity admission plugin runs them (k8s.io/pod-security-admission
 * `policy/check_*.go`, release-1.32): each check's ID, level, the policy version from which each of its variants
 * applies, and the reason and detail texts it gives for a pod that fails it. Pods are plain JSON here.
 */
import { isObject, type Any } from '../objects.js';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface CheckResult {
  reason: string;
  detail: string;
}

/** undefined: the pod passes. */
type CheckPod = (meta: Any, spec: Any) => CheckResult | undefined;

export interface Check {
  id: string;
  level: Exclude<Level, 'privileged'>;
  /** By the minor version (of policy v1.x) they apply from, increasing; `overrides`: baseline checks a restricted one replaces. */
  versions: { since: number; check: CheckPod; overrides?: string[] }[];
}

const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const joinQuote = (items: string[]) => (items.length ? `"${items.join('", "')}"` : '');
/** sets.String's List(): unique and sorted. */
const sorted = (items: Iterable<string>) => [...new Set(items)].sort();
const containersText = (names: string[]) => `${plural('container', 'containers', names.length)} ${joinQuote(names)}`;

/** Init, regular, then ephemeral containers (policy/visitor.go). */
function containers(spec: Any): Any[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].filter(isObject);
}
const sc = (c: Any): Any => (isObject(c.securityContext) ? c.securityContext : {});
const podSc = (spec: Any): Any => (isObject(spec.securityContext) ? spec.securityContext : {});
const isWindows = (spec: Any) => spec.os?.name === 'windows';
/** From v1.25 the Linux-only restricted checks let pods that declare spec.os.name=windows pass. */
const linuxOnly = (check: CheckPod): CheckPod => (meta, spec) => (isWindows(spec) ? undefined : check(meta, spec));

/** `pod and containers "a", "b"`: who set a forbidden value. */
function setters(podBad: boolean, bad: string[]): string[] {
  return [...(podBad ? ['pod'] : []), ...(bad.length ? [containersText(bad)] : [])];
}

function containersWhere(spec: Any, bad: (c: Any) => boolean): string[] {
  return containers(spec).filter(bad).map((c) => c.name);
}

const allowPrivilegeEscalation: CheckPod = (_meta, spec) => {
  const bad = containersWhere(spec, (c) => sc(c).allowPrivilegeEscalation !== false);
  return bad.length ? { reason: 'allowPrivilegeEscalation != false', detail: `${containersText(bad)} must set securityContext.allowPrivilegeEscalation=false` } : undefined;
};

const appArmorProfile: CheckPod = (meta, spec) => {
  const allowedType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
  const values = new Set<string>();
  const podBad = isObject(podSc(spec).appArmorProfile) && !allowedType(podSc(spec).appArmorProfile.type);
  if (podBad) values.add(String(podSc(spec).appArmorProfile.type ?? ''));
  const bad = containersWhere(spec, (c) => isObject(sc(c).appArmorProfile) && !allowedType(sc(c).appArmorProfile.type));
  for (const c of containers(spec)) if (bad.includes(c.name)) values.add(String(sc(c).appArmorProfile.type ?? ''));
  const who = setters(podBad, bad);
  const annotations = Object.entries((meta.annotations ?? {}) as Record<string, string>)
    .filter(([k, v]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') && !(v === '' || v === 'runtime/default' || v.startsWith('localhost/')))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .sort();
  const list = [...sorted(values), ...annotations];
  if (annotations.length) who.push(plural('annotation', 'annotations', annotations.length));
  if (!who.length) return undefined;
  return { reason: plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', list.length), detail: `${who.join(' and ')} must not set AppArmor profile type to ${joinQuote(list)}` };
};

const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const added = (c: Any): string[] => (Array.isArray(sc(c).capabilities?.add) ? sc(c).capabilities.add.map(String) : []);

const capabilitiesBaseline: CheckPod = (_meta, spec) => {
  const extra = containers(spec).flatMap((c) => added(c).filter((a) => !BASELINE_CAPABILITIES.has(a)));
  const bad = containersWhere(spec, (c) => added(c).some((a) => !BASELINE_CAPABILITIES.has(a)));
  return bad.length ? { reason: 'non-default capabilities', detail: `${containersText(bad)} must not include ${joinQuote(sorted(extra))} in securityContext.capabilities.add` } : undefined;
};

const capabilitiesRestricted: CheckPod = (_meta, spec) => {
  const missingDropAll = containersWhere(spec, (c) => !(Array.isArray(sc(c).capabilities?.drop) && sc(c).capabilities.drop.includes('ALL')));
  const adding = containersWhere(spec, (c) => added(c).some((a) => a !== 'NET_BIND_SERVICE'));
  const forbidden = sorted(containers(spec).flatMap((c) => added(c).filter((a) => a !== 'NET_BIND_SERVICE')));
  const details = [
    ...(missingDropAll.length ? [`${containersText(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`] : []),
    ...(adding.length ? [`${containersText(adding)} must not include ${joinQuote(forbidden)} in securityContext.capabilities.add`] : []),
  ];
  return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
};

const hostNamespaces: CheckPod = (_meta, spec) => {
  const on = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((k) => spec[k] === true).map((k) => `${k}=true`);
  return on.length ? { reason: 'host namespaces', detail: on.join(', ') } : undefined;
};

const volumes = (spec: Any): Any[] => (Array.isArray(spec.volumes) ? spec.volumes.filter(isObject) : []);

const hostPathVolumes: CheckPod = (_meta, spec) => {
  const names = volumes(spec).filter((v) => v.hostPath !== undefined).map((v) => v.name);
  return names.length ? { reason: 'hostPath volumes', detail: `${plural('volume', 'volumes', names.length)} ${joinQuote(names)}` } : undefined;
};

const hostPorts: CheckPod = (_meta, spec) => {
  const ports = (c: Any): string[] => (Array.isArray(c.ports) ? c.ports.filter((p: Any) => p?.hostPort).map((p: Any) => String(p.hostPort)) : []);
  const bad = containersWhere(spec, (c) => ports(c).length > 0);
  if (!bad.length) return undefined;
  const all = sorted(containers(spec).flatMap(ports));
  return { reason: 'hostPort', detail: `${containersText(bad)} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', all.length)} ${all.join(', ')}` };
};

const privileged: CheckPod = (_meta, spec) => {
  const bad = containersWhere(spec, (c) => sc(c).privileged === true);
  return bad.length ? { reason: 'privileged', detail: `${containersText(bad)} must not set securityContext.privileged=true` } : undefined;
};

const procMount: CheckPod = (_meta, spec) => {
  const bad = containersWhere(spec, (c) => sc(c).procMount !== undefined && sc(c).procMount !== 'Default');
  if (!bad.length) return undefined;
  const types = sorted(containers(spec).filter((c) => bad.includes(c.name)).map((c) => String(sc(c).procMount)));
  return { reason: 'procMount', detail: `${containersText(bad)} must not set securityContext.procMount to ${joinQuote(types)}` };
};

/** Volume sources the restricted level allows; any other source is named by its field (`unknown` when none is known). */
const RESTRICTED_OK = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_NAMED = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];

const restrictedVolumes: CheckPod = (_meta, spec) => {
  const bad = volumes(spec).filter((v) => !RESTRICTED_OK.some((k) => v[k] !== undefined));
  if (!bad.length) return undefined;
  const types = sorted(bad.map((v) => RESTRICTED_NAMED.find((k) => v[k] !== undefined) ?? 'unknown'));
  return {
    reason: 'restricted volume types',
    detail: `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${plural('uses', 'use', bad.length)} ${plural('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
  };
};

const runAsNonRoot: CheckPod = (_meta, spec) => {
  const pod = podSc(spec).runAsNonRoot;
  const explicit = containersWhere(spec, (c) => sc(c).runAsNonRoot === false);
  const implicit = pod === true ? [] : containersWhere(spec, (c) => sc(c).runAsNonRoot === undefined);
  const who = setters(pod === false, explicit);
  if (who.length) return { reason: 'runAsNonRoot != true', detail: `${who.join(' and ')} must not set securityContext.runAsNonRoot=false` };
  return implicit.length ? { reason: 'runAsNonRoot != true', detail: `pod or ${containersText(implicit)} must set securityContext.runAsNonRoot=true` } : undefined;
};

const runAsUser: CheckPod = (_meta, spec) => {
  const who = setters(podSc(spec).runAsUser === 0, containersWhere(spec, (c) => sc(c).runAsUser === 0));
  return who.length ? { reason: 'runAsUser=0', detail: `${who.join(' and ')} must not set runAsUser=0` } : undefined;
};

function seLinuxOptions(allowedTypes: string[]): CheckPod {
  return (_meta, spec) => {
    const types = new Set<string>();
    let user = false;
    let role = false;
    const badOptions = (o: unknown) => {
      if (!isObject(o)) return false;
      const type = String(o.type ?? '');
      const badType = !allowedTypes.includes(type);
      if (badType) types.add(type);
      if (o.user) user = true;
      if (o.role) role = true;
      return badType || !!o.user || !!o.role;
    };
    const who = setters(badOptions(podSc(spec).seLinuxOptions), containersWhere(spec, (c) => badOptions(sc(c).seLinuxOptions)));
    if (!who.length) return undefined;
    const data = [...(types.size ? [`${plural('type', 'types', types.size)} ${joinQuote(sorted(types))}`] : []), ...(user ? ['user may not be set'] : []), ...(role ? ['role may not be set'] : [])];
    return { reason: 'seLinuxOptions', detail: `${who.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}` };
  };
}
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

const validSeccomp = (t: unknown) => t === 'Localhost' || t === 'RuntimeDefault';

/** Before v1.19 only the seccomp annotations were checked. */
const seccompAnnotations: CheckPod = (meta, spec) => {
  const annotations = (meta.annotations ?? {}) as Record<string, string>;
  const valid = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
  const keys = ['seccomp.security.alpha.kubernetes.io/pod', ...containers(spec).map((c) => `container.seccomp.security.alpha.kubernetes.io/${c.name}`)];
  const bad = sorted(keys.filter((k) => k in annotations && !valid(annotations[k])).map((k) => `${k}=${JSON.stringify(annotations[k])}`));
  return bad.length ? { reason: 'seccompProfile', detail: `forbidden ${plural('annotation', 'annotations', bad.length)} ${bad.join(', ')}` } : undefined;
};

/** The seccomp profile check; `required`: the restricted level's, which also wants a profile set on the pod or every container. */
function seccompProfile(required: boolean): CheckPod {
  return (_meta, spec) => {
    const values = new Set<string>();
    const podProfile = podSc(spec).seccompProfile;
    const podBad = isObject(podProfile) && !validSeccomp(podProfile.type);
    if (podBad) values.add(String(podProfile.type ?? ''));
    const explicit = containersWhere(spec, (c) => isObject(sc(c).seccompProfile) && !validSeccomp(sc(c).seccompProfile.type));
    for (const c of containers(spec)) if (explicit.includes(c.name)) values.add(String(sc(c).seccompProfile.type ?? ''));
    const who = setters(podBad, explicit);
    if (who.length) return { reason: 'seccompProfile', detail: `${who.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sorted(values))}` };
    const podSet = isObject(podProfile) && !podBad;
    const implicit = !required || podSet ? [] : containersWhere(spec, (c) => !isObject(sc(c).seccompProfile));
    return implicit.length ? { reason: 'seccompProfile', detail: `pod or ${containersText(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` } : undefined;
  };
}

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

function sysctls(allowed: string[]): CheckPod {
  return (_meta, spec) => {
    const list = Array.isArray(podSc(spec).sysctls) ? podSc(spec).sysctls : [];
    const bad = list.map((s: Any) => String(s?.name)).filter((n: string) => !allowed.includes(n));
    return bad.length ? { reason: 'forbidden sysctls', detail: bad.join(', ') } : undefined;
  };
}

const windowsHostProcess: CheckPod = (_meta, spec) => {
  const who = setters(podSc(spec).windowsOptions?.hostProcess === true, containersWhere(spec, (c) => sc(c).windowsOptions?.hostProcess === true));
  return who.length ? { reason: 'hostProcess', detail: `${who.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true` } : undefined;
};

export const CHECKS: Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', versions: [{ since: 8, check: allowPrivilegeEscalation }, { since: 25, check: linuxOnly(allowPrivilegeEscalation) }] },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ since: 0, check: appArmorProfile }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ since: 0, check: capabilitiesBaseline }] },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { since: 22, check: capabilitiesRestricted, overrides: ['capabilities_baseline'] },
      { since: 25, check: linuxOnly(capabilitiesRestricted), overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ since: 0, check: hostNamespaces }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ since: 0, check: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ since: 0, check: hostPorts }] },
  { id: 'privileged', level: 'baseline', versions: [{ since: 0, check: privileged }] },
  { id: 'procMount', level: 'baseline', versions: [{ since: 0, check: procMount }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ since: 0, check: restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  { id: 'runAsNonRoot', level: 'restricted', versions: [{ since: 0, check: runAsNonRoot }] },
  { id: 'runAsUser', level: 'restricted', versions: [{ since: 23, check: runAsUser }] },
  { id: 'seLinuxOptions', level: 'baseline', versions: [{ since: 0, check: seLinuxOptions(SELINUX_TYPES) }, { since: 31, check: seLinuxOptions([...SELINUX_TYPES, 'container_engine_t']) }] },
  { id: 'seccompProfile_baseline', level: 'baseline', versions: [{ since: 0, check: seccompAnnotations }, { since: 19, check: seccompProfile(false) }] },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { since: 19, check: seccompProfile(true), overrides: ['seccompProfile_baseline'] },
      { since: 25, check: linuxOnly(seccompProfile(true)), overrides: ['seccompProfile_baseline'] },
    ],
  },
  { id: 'sysctls', level: 'baseline', versions: [{ since: 0, check: sysctls(SYSCTLS_1_0) }, { since: 27, check: sysctls(SYSCTLS_1_27) }, { since: 29, check: sysctls(SYSCTLS_1_29) }, { since: 32, check: sysctls(SYSCTLS_1_32) }] },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ since: 0, check: windowsHostProcess }] },
];

/** The newest minor version any check has a variant for: `latest` and later versions evaluate as it. */
export const MAX_MINOR = Math.max(...CHECKS.flatMap((c) => c.versions.map((v) => v.since)));
