/**
 * kompose 1.34's Kubernetes transformer: per Compose service (by name) its workload (Deployment,
 * DaemonSet, or a bare Pod for `restart: no`/`on-failure`), its Service(s) (one per protocol for a
 * LoadBalancer, a headless one on request), an Ingress for `kompose.service.expose`, and a PVC per
 * volume; Services first. Objects are built with the Go types' field order (what `-j` prints) and
 * the fields Go's encoding/json writes even when empty.
 */
import type { Port, ServiceConfig } from './compose.js';
import { meta, selector, sortedMap, type KObject } from './meta.js';
import { envConfigMaps, podSpec } from './container.js';
import { volumes, type Volumes, type VolumeHost } from './volumes.js';

export type { KObject };


export interface TransformOptions {
  controller: string;
  replicas: number;
  /** `--replicas` was given: it overrides each service's deploy.replicas. */
  replicasSet: boolean;
  volumes: string;
  pvcRequestSize: string;
  withAnnotations: boolean;
  namespace: string;
  /** `kompose.cmd`: the command line as typed. */
  cmd: string;
  version: string;
  warn: (msg: string) => void;
  /** The files the Compose file mounts or names, as kompose reads them. */
  host: VolumeHost;
  /** The project directory: env_file paths are relative to it. */
  workDir: string;
}


function annotations(s: ServiceConfig, o: TransformOptions): Record<string, string> | undefined {
  const out: Record<string, string> = { ...s.annotations, 'kompose.cmd': o.cmd, 'kompose.version': o.version };
  if (!o.withAnnotations) for (const k of Object.keys(out)) if (k.startsWith('kompose.')) delete out[k];
  return Object.keys(out).length > 0 ? sortedMap(out) : undefined;
}


function servicePorts(s: ServiceConfig): Record<string, unknown>[] {
  const seen = new Set<number>();
  return s.ports.map((p) => {
    const port = p.hostPort || p.containerPort;
    let name = String(port);
    if (seen.has(port)) {
      if (s.serviceType === 'LoadBalancer') throw new Error(`Service ${name} of type LoadBalancer cannot use TCP and UDP for the same port`);
      name = `${name}-${p.protocol.toLowerCase()}`;
    }
    seen.add(port);
    return servicePort(name, p, s.serviceType === 'NodePort' && s.nodePortPort ? s.nodePortPort : undefined);
  });
}

function servicePort(name: string, p: Port, nodePort?: number): Record<string, unknown> {
  return { name, protocol: p.protocol === 'TCP' ? undefined : p.protocol, port: p.hostPort || p.containerPort, targetPort: p.containerPort, nodePort };
}

/** A Service named `name`, labelled `labelName`, selecting the workload `target`. */
function service(name: string, labelName: string, target: string, s: ServiceConfig, o: TransformOptions, spec: Record<string, unknown>): KObject {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(name, selector(labelName), annotations(s, o)) as KObject['metadata'],
    spec: { ports: spec.ports, selector: selector(target), clusterIP: spec.clusterIP, type: spec.type, externalTrafficPolicy: spec.externalTrafficPolicy },
    status: { loadBalancer: {} },
  };
}

function services(s: ServiceConfig, o: TransformOptions): KObject[] {
  if (s.ports.length === 0) {
    if (s.serviceType === 'Headless') return [service(s.name, s.key, s.key, s, o, { ports: [{ name: 'headless', port: 55555, targetPort: 0 }], clusterIP: 'None' })];
    o.warn(`Service "${s.name}" won't be created because 'ports' is not specified`);
    return [];
  }
  if (s.serviceType === 'LoadBalancer') {
    const out: KObject[] = [];
    for (const [suffix, ports] of [
      ['tcp', s.ports.filter((p) => p.protocol === 'TCP')],
      ['udp', s.ports.filter((p) => p.protocol !== 'TCP')],
    ] as const) {
      if (ports.length === 0) continue;
      const spec = { ports: ports.map((p) => servicePort(String(p.hostPort || p.containerPort), p)), type: 'LoadBalancer', externalTrafficPolicy: s.externalTrafficPolicy || undefined };
      out.push(service(`${s.key}-${suffix}`, `${s.key}-${suffix}`, s.name, s, o, spec));
    }
    if (out.length > 1) o.warn("Create multiple service to avoid using mixed protocol in the same service when it's loadbalancer type");
    return out;
  }
  const headless = s.serviceType === 'Headless';
  const svc = service(s.name, s.key, s.key, s, o, { ports: servicePorts(s), type: headless ? 'ClusterIP' : s.serviceType || undefined, clusterIP: headless ? 'None' : undefined });
  if (s.externalTrafficPolicy && s.serviceType !== 'NodePort') o.warn(`External Traffic Policy is ignored for the service ${s.key} of type ${s.serviceType}`);
  return s.exposeService ? [svc, ingress(s, o, (svc.spec as { ports: { port: number }[] }).ports[0].port)] : [svc];
}

/** `kompose.service.expose`: `true` (no host) or hosts with optional paths, comma-separated; TLS and class from labels. */
function ingress(s: ServiceConfig, o: TransformOptions, port: number): KObject {
  const hosts = s.exposeService.split(/[ ,]*,[ ,]*/).map((h) => {
    const slash = h.indexOf('/');
    return { host: slash < 0 ? h : h.slice(0, slash), path: slash < 0 ? '/' : h.slice(slash) };
  });
  const rules = hosts.map(({ host, path }) => ({
    host: host === 'true' ? undefined : host,
    http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: s.key, port: { number: port } } } }] },
  }));
  const tlsHosts = hosts.map(({ host }) => (host === 'true' ? '' : host));
  const tls = s.exposeTls ? [{ hosts: tlsHosts, secretName: s.exposeTls === 'true' ? undefined : s.exposeTls }] : undefined;
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta(s.key, selector(s.key), annotations(s, o)) as KObject['metadata'],
    spec: { ingressClassName: s.ingressClassName || undefined, tls, rules },
    status: { loadBalancer: {} },
  };
}

function workload(s: ServiceConfig, o: TransformOptions, vols: Volumes): KObject[] {
  const ann = annotations(s, o);
  const labels = { ...selector(s.key), ...s.deployLabels };
  const template = (withAnnotations: boolean) => ({ metadata: { creationTimestamp: null, labels: selector(s.key), annotations: withAnnotations ? ann : undefined }, spec: podSpec(s, o, vols) });
  if ((s.restart === 'no' || s.restart === 'on-failure') && !o.controller) {
    return [{ kind: 'Pod', apiVersion: 'v1', metadata: meta(s.key, selector(s.key), ann) as KObject['metadata'], spec: podSpec(s, o, vols), status: {} }, ...envConfigMaps(s, o)];
  }
  let controller = o.controller || 'deployment';
  if (s.deployMode === 'global') {
    if (!o.controller) controller = 'daemonset';
    else if (o.controller !== 'daemonset') o.warn(`Global deploy mode service is best converted to daemonset, now it convert to ${o.controller}`);
  }
  const labelled = s.labels['kompose.controller.type'];
  if (labelled !== undefined) {
    if (o.controller) o.warn(`Use label kompose.controller.type type ${labelled} for service ${s.key}, ignore ${o.controller} flags`);
    controller = labelled;
  }
  const replicas = o.replicasSet || s.replicas === 0 ? o.replicas : s.replicas;
  const metadata = meta(s.key, labels, ann) as KObject['metadata'];
  if (controller === 'deployment') {
    const strategy = s.volumes.length > 0 ? { type: 'Recreate' } : {};
    return [{ kind: 'Deployment', apiVersion: 'apps/v1', metadata, spec: { replicas, selector: { matchLabels: selector(s.key) }, template: template(true), strategy }, status: {} }, ...envConfigMaps(s, o)];
  }
  if (controller === 'daemonset') {
    return [
      {
        kind: 'DaemonSet',
        apiVersion: 'apps/v1',
        metadata,
        spec: { selector: { matchLabels: selector(s.key) }, template: template(false), updateStrategy: {} },
        status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
      },
      ...envConfigMaps(s, o),
    ];
  }
  return envConfigMaps(s, o);
}

/** All objects of the project, Services first, then each service's other objects in name order. */
export function transform(configs: ServiceConfig[], o: TransformOptions): KObject[] {
  const all: KObject[] = [];
  if (o.namespace) all.push({ kind: 'Namespace', apiVersion: 'v1', metadata: meta(o.namespace) as KObject['metadata'], spec: {}, status: {} });
  for (const s of [...configs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const vols = volumes(s, o);
    all.push(...workload(s, o, vols), ...services(s, o), ...vols.objects);
  }
  const seen = new Set<string>();
  const unique = all.filter((obj) => {
    const id = `${obj.kind}/${obj.metadata.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (o.namespace) for (const obj of unique) (obj.metadata as Record<string, unknown>).namespace = o.namespace;
  const isService = (obj: KObject) => obj.kind === 'Service';
  return [...unique.filter(isService), ...unique.filter((x) => !isService(x))];
}
