/**
 * Services (k8s `pkg/registry/core/service`): SetDefaults_Service, ClusterIP allocation from 10.96.0.0/12 and
 * NodePort allocation from 30000-32767 (seeded, so deterministic), allocated values kept across updates.
 */
import type { Random } from '../../random/random.js';
import { isObject, type Any } from '../objects.js';
import type { ObjectStore } from '../store.js';
import { fieldError as fe, GoValue, type FieldError } from '../validation/field.js';
import { validateLabels } from '../validation/meta.js';
import { dns1123Label, portName, portNumber } from '../validation/names.js';
import { invalid } from '../status.js';
import type { KindStrategy, Obj, StrategyContext } from './strategy.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
/** 10.96.0.0/12 */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
/** Dynamic allocations skip the static sub-range (KEP-3070), which holds 10.96.0.1 and kube-dns's 10.96.0.10. */
const STATIC_BLOCK = 256;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function usedIPs(store: ObjectStore): Set<string> {
  return new Set(store.list('services').map((s) => (s.spec as Any)?.clusterIP).filter(Boolean));
}

function usedNodePorts(store: ObjectStore): Set<number> {
  const used = new Set<number>();
  for (const s of store.list('services')) {
    const spec = s.spec as Any;
    for (const p of spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (spec?.healthCheckNodePort) used.add(spec.healthCheckNodePort);
  }
  return used;
}

function allocateIP(random: Random, used: Set<string>): string {
  for (;;) {
    const ip = ipToString((CIDR_BASE + STATIC_BLOCK + random.int(CIDR_SIZE - STATIC_BLOCK - 1)) >>> 0);
    if (!used.has(ip)) return ip;
  }
}

function allocateNodePort(random: Random, used: Set<number>): number {
  for (;;) {
    const p = NODE_PORT_MIN + random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function needsNodePorts(spec: Any): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

/**
 * A load balancer that keeps client addresses (externalTrafficPolicy Local) asks each node whether it has
 * endpoints of the Service on a node port of its own (service registry's needsHCNodePort, allocated from
 * the NodePort range and released when the policy or type changes).
 */
function allocateHealthCheckNodePort(spec: Any, prev: Any | undefined, ctx: StrategyContext): void {
  if (spec.type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
    if (prev?.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
    return;
  }
  spec.healthCheckNodePort ||= prev?.healthCheckNodePort || allocateNodePort(ctx.random, usedNodePorts(ctx.store));
}

function validateService(svc: Obj): FieldError[] {
  const spec: Any = isObject(svc.spec) ? svc.spec : {};
  const errs: FieldError[] = [];
  const ports: Any[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (!TYPES.includes(spec.type)) errs.push(fe.notSupported('spec.type', spec.type ?? '', TYPES));
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && ports.length === 0) errs.push(fe.required('spec.ports', ''));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(fe.required(`${f}.name`, ''));
    else if (p.name) {
      errs.push(...dns1123Label(p.name).map((m) => fe.invalid(`${f}.name`, p.name, m)));
      if (names.has(p.name)) errs.push(fe.duplicate(`${f}.name`, p.name));
      names.add(p.name);
    }
    errs.push(...portNumber(p.port ?? 0).map((m) => fe.invalid(`${f}.port`, p.port ?? 0, m)));
    if (!PROTOCOLS.includes(p.protocol)) errs.push(fe.notSupported(`${f}.protocol`, p.protocol ?? '', PROTOCOLS));
    if (typeof p.targetPort === 'number') errs.push(...portNumber(p.targetPort).map((m) => fe.invalid(`${f}.targetPort`, p.targetPort, m)));
    else if (typeof p.targetPort === 'string') errs.push(...portName(p.targetPort).map((m) => fe.invalid(`${f}.targetPort`, p.targetPort, m)));
    if (p.nodePort !== undefined && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX))
      errs.push(fe.invalid(`${f}.nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key)) errs.push(fe.duplicate(f, new GoValue(`core.ServicePort{Name:${JSON.stringify(p.name ?? '')}, Protocol:${JSON.stringify(p.protocol)}, Port:${p.port}, ...}`)));
    seen.add(key);
  });
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity && !['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.push(fe.notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (spec.clusterIP && spec.clusterIP !== 'None' && ipToNumber(spec.clusterIP) === undefined)
    errs.push(fe.invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  if (spec.type === 'ExternalName' && !spec.externalName) errs.push(fe.required('spec.externalName', ''));
  return errs;
}

export const serviceStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: false,
  nameRule: 'label1035',
  defaults(svc) {
    const spec: Any = isObject(svc.spec) ? svc.spec : (svc.spec = {});
    if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
    if (!spec.type) spec.type = 'ClusterIP';
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (!isObject(p)) continue;
      if (!p.protocol) p.protocol = 'TCP';
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
    if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
    serviceStrategy.defaultStatus?.(svc);
  },
  defaultStatus(svc) {
    // LoadBalancerIPMode (beta and on since 1.30): an ingress address without a mode is a virtual IP.
    if ((svc.spec as Any)?.type !== 'LoadBalancer') return;
    for (const ing of (svc.status as Any)?.loadBalancer?.ingress ?? []) if (isObject(ing) && ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  },
  prepareForCreate(svc, ctx) {
    const spec: Any = svc.spec;
    svc.status = { loadBalancer: {} };
    if (spec.type === 'ExternalName') return;
    const used = usedIPs(ctx.store);
    if (spec.clusterIP && spec.clusterIP !== 'None' && used.has(spec.clusterIP)) {
      return invalid('Service', svc.metadata.name ?? '', [
        fe.invalid('spec.clusterIPs', new GoValue(`[]string{${JSON.stringify(spec.clusterIP)}}`), `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`),
      ]);
    }
    if (!spec.clusterIP) spec.clusterIP = allocateIP(ctx.random, used);
    spec.clusterIPs = [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (needsNodePorts(spec)) {
      const taken = usedNodePorts(ctx.store);
      for (const p of spec.ports ?? []) {
        if (p.nodePort && taken.has(p.nodePort))
          return invalid('Service', svc.metadata.name ?? '', [fe.invalid('spec.ports[0].nodePort', p.nodePort, 'provided port is already allocated')]);
        p.nodePort ??= allocateNodePort(ctx.random, taken);
      }
    }
    allocateHealthCheckNodePort(spec, undefined, ctx);
  },
  prepareForUpdate(svc, old, ctx) {
    const spec: Any = svc.spec;
    const prev: Any = old.spec ?? {};
    if (!isObject(spec)) return;
    if (!spec.clusterIP && prev.clusterIP) spec.clusterIP = prev.clusterIP;
    if (!spec.clusterIPs && prev.clusterIPs) spec.clusterIPs = prev.clusterIPs;
    spec.ipFamilies ??= prev.ipFamilies;
    spec.ipFamilyPolicy ??= prev.ipFamilyPolicy;
    if (needsNodePorts(spec)) {
      for (const p of spec.ports ?? []) {
        const match = (prev.ports ?? []).find((q: Any) => q.port === p.port && q.protocol === p.protocol);
        if (!p.nodePort && match?.nodePort) p.nodePort = match.nodePort;
      }
    }
    allocateHealthCheckNodePort(spec, prev, ctx);
  },
  validate: validateService,
  validateUpdate(svc, old) {
    const a = (svc.spec as Any)?.clusterIP;
    const b = (old.spec as Any)?.clusterIP;
    if (b && a !== b && (old.spec as Any)?.type !== 'ExternalName') return [fe.invalid('spec.clusterIPs[0]', new GoValue(`[]string{${JSON.stringify(a ?? '')}}`), 'may not change once set')];
    return [];
  },
};

/** Cluster IPs handed out so far are unique; exported for the bootstrap `kubernetes` Service. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** kubeadm's clusterDNS: the tenth address of the service range. */
export const CLUSTER_DNS_IP = '10.96.0.10';
