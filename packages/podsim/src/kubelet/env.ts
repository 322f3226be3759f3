/**
 * A container's environment: service link variables, envFrom, env (values, field/resource refs,
 * ConfigMap and Secret keys) with $(VAR) expansion, and the expanded command/args.
 * Models pkg/kubelet/kubelet_pods.go makeEnvironmentVariables, pkg/kubelet/envvars/envvars.go and
 * third_party/forked/golang/expansion (MappingFuncFor).
 */
import type { ApiClient, ConfigMap, Container, KubeObject, Pod, Secret, Service } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';

export interface EnvContext {
  api: ApiClient;
  podIP: string;
  hostIP: string;
  /** Node allocatable, used for resourceFieldRef when the container sets no limit. */
  allocatable: { cpu: number; memory: number };
}

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/** `$(VAR)` from `env`, `$$` → `$`, unknown references left as written. */
export function expand(input: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const end = input.indexOf(')', i + 2);
      if (end < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, end);
      out += Object.prototype.hasOwnProperty.call(env, name) ? env[name] : `$(${name})`;
      i = end;
    } else out += ch;
  }
  return out;
}

function serviceVars(svc: Service, into: Record<string, string>): void {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return;
  const name = (svc.metadata?.name ?? '').toUpperCase().replace(/-/g, '_');
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return;
  into[`${name}_SERVICE_HOST`] = ip;
  into[`${name}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) into[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  const proto0 = (ports[0].protocol ?? 'TCP').toLowerCase();
  into[`${name}_PORT`] = `${proto0}://${ip}:${ports[0].port}`;
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    const prefix = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
    into[prefix] = `${proto.toLowerCase()}://${ip}:${p.port}`;
    into[`${prefix}_PROTO`] = proto.toLowerCase();
    into[`${prefix}_PORT`] = String(p.port);
    into[`${prefix}_ADDR`] = ip;
  }
}

/** Reads an object, typed as the core kind it is (the store hands out plain API objects). */
export function getObject<T>(api: ApiClient, resource: string, ns: string, name: string): T | undefined {
  const r = api.get<KubeObject>(resource, ns, name);
  return r.ok ? (r.value as unknown as T) : undefined;
}

/** Secret data is base64 in the API; containers see the bytes. */
export function decodeBase64(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  } catch {
    return b64;
  }
}

/** `metadata.labels['app']` style paths and the plain ones the downward API supports. */
export function fieldValue(pod: Pod, path: string, podIP: string, hostIP: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP;
    default:
      return undefined;
  }
}

/** limits/requests of cpu/memory/ephemeral-storage divided by `divisor`, rounded up (resource helpers). */
export function resourceValue(c: Container | undefined, resource: string, divisor: string | number | undefined, alloc: { cpu: number; memory: number }): string {
  const [kind, name] = resource.split('.');
  const list = (kind === 'requests' ? c?.resources?.requests : c?.resources?.limits) as Record<string, unknown> | undefined;
  let v = parseQuantity(list?.[name]);
  if (v === undefined) v = kind === 'limits' ? (name === 'cpu' ? alloc.cpu : alloc.memory) : 0;
  const d = parseQuantity(divisor ?? 1) || 1;
  return String(Math.ceil(v / d - 1e-9));
}

/** The value of a configMapKeyRef/secretKeyRef: undefined when optional and absent, or the refusal. */
function keyRef(api: ApiClient, ns: string, kind: 'ConfigMap' | 'Secret', ref: { name?: string; key: string; optional?: boolean }): string | undefined | { ok: false; message: string } {
  const obj = getObject<ConfigMap & Secret>(api, kind === 'ConfigMap' ? 'configmaps' : 'secrets', ns, ref.name ?? '');
  if (!obj) return ref.optional ? undefined : { ok: false, message: `${kind.toLowerCase()} ${JSON.stringify(ref.name ?? '')} not found` };
  const v = obj.data?.[ref.key];
  if (v === undefined) return ref.optional ? undefined : { ok: false, message: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}` };
  return kind === 'Secret' ? decodeBase64(v) : v;
}

export function makeEnvironment(pod: Pod, c: Container, ctx: EnvContext): EnvResult {
  const ns = pod.metadata?.namespace ?? 'default';
  const env: Record<string, string> = {};
  const master = getObject<Service>(ctx.api, 'services', 'default', 'kubernetes');
  if (master) serviceVars(master, env);
  if (pod.spec?.enableServiceLinks !== false) {
    const list = ctx.api.list<KubeObject>('services', ns);
    if (list.ok) for (const s of list.value.items as unknown as Service[]) if (!(ns === 'default' && s.metadata?.name === 'kubernetes')) serviceVars(s, env);
  }
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const cm = getObject<ConfigMap>(ctx.api, 'configmaps', ns, from.configMapRef.name ?? '');
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: `configmap ${JSON.stringify(from.configMapRef.name ?? '')} not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    } else if (from.secretRef) {
      const s = getObject<Secret>(ctx.api, 'secrets', ns, from.secretRef.name ?? '');
      if (!s) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: `secret ${JSON.stringify(from.secretRef.name ?? '')} not found` };
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[prefix + k] = decodeBase64(v);
    }
  }
  for (const e of c.env ?? []) {
    const vf = e.valueFrom;
    if (!vf) {
      env[e.name] = expand(e.value ?? '', env);
      continue;
    }
    if (vf.fieldRef) env[e.name] = fieldValue(pod, vf.fieldRef.fieldPath, ctx.podIP, ctx.hostIP) ?? '';
    else if (vf.resourceFieldRef) {
      const target = vf.resourceFieldRef.containerName ? (pod.spec?.containers ?? []).find((x) => x.name === vf.resourceFieldRef!.containerName) : c;
      env[e.name] = resourceValue(target, vf.resourceFieldRef.resource, vf.resourceFieldRef.divisor as string | number | undefined, ctx.allocatable);
    } else if (vf.configMapKeyRef || vf.secretKeyRef) {
      const v = keyRef(ctx.api, ns, vf.configMapKeyRef ? 'ConfigMap' : 'Secret', (vf.configMapKeyRef ?? vf.secretKeyRef)!);
      if (typeof v === 'object') return v;
      if (v !== undefined) env[e.name] = v;
    }
  }
  return { ok: true, env };
}
