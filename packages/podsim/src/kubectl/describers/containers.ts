/**
 * The per-container block of `describe pod` and of pod templates: image, ports, command, state,
 * resources, probes, environment, mounts. Models describe.go describeContainers and helpers.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity } from '../../format/quantity.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, rfc1123z, type PrefixWriter } from './prefix-writer.js';

const orNone = (s: string) => (s === '' ? '<none>' : s);
const goBool = (b: boolean | undefined) => (b ? 'true' : 'false');
const intOrString = (v: number | string | undefined) => (v === undefined ? '' : String(v));

/** `tcp-socket :8080 delay=0s …`, `http-get http://:8081/ …`, `exec [cat /tmp/healthy] …` (describe.go DescribeProbe). */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const port = intOrString(h.port);
    const hostPart = h.host ?? '';
    const host = port ? `${hostPart.includes(':') ? `[${hostPart}]` : hostPart}:${port}` : hostPart;
    let path = h.path ?? '';
    if (path && !path.startsWith('/') && host) path = '/' + path;
    const scheme = (h.scheme ?? '').toLowerCase();
    return `http-get ${scheme ? `${scheme}://` : host ? '//' : ''}${host}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function describeResources(w: PrefixWriter, resources: Container['resources'], level: number): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${formatQuantity(parseQuantity(list![n]))}\n`);
  }
}

/** Client-side resolution of `fieldRef` env values: only `metadata.name|namespace|uid` resolve (describe.go EnvValueRetriever). */
function resolveFieldRef(pod: Pod | undefined, path: string): string {
  const field = path.startsWith('metadata.') ? path.slice('metadata.'.length) : '';
  return pod && (field === 'name' || field === 'namespace' || field === 'uid') ? (pod.metadata?.[field] ?? '') : '';
}

function describeEnv(w: PrefixWriter, c: Container, pod: Pod | undefined): void {
  if ((c.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n');
    for (const e of c.envFrom ?? []) {
      const [from, ref] = e.configMapRef ? ['ConfigMap', e.configMapRef] : e.secretRef ? ['Secret', e.secretRef] : ['', undefined];
      const optional = goBool(ref?.optional ?? false);
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
    }
  }
  const env: EnvVar[] = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolveFieldRef(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resourceFieldValue(c, from.resourceFieldRef.resource)} (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${goBool(r.optional)}\n`);
    }
  }
}

function resourceFieldValue(c: Container, resource: string): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const v = c.resources?.[kind]?.[name];
  if (v !== undefined) return String(v);
  return resource === 'limits.cpu' || resource === 'limits.memory' ? 'node allocatable' : '';
}

function describeMounts(w: PrefixWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/**
 * `Containers:` (or `Init Containers:`) and one block per container. `space` is the extra indent
 * used inside pod templates (`"  "`), which also indents container names by one more space.
 */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod | undefined,
  space = '',
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${orNone(ports)}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${orNone(hostPorts)}\n`);
    for (const [title, items] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if ((items ?? []).length === 0) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const item of items ?? []) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}
