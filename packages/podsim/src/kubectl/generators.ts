/**
 * Objects the imperative commands build (`create deployment`, `run`, `create configmap`, …), with
 * fields in Go struct order so `--dry-run=client -o json` prints like kubectl, and `creationTimestamp:
 * null` as an unsaved typed object has. Models kubectl pkg/cmd/create/*.go and pkg/cmd/run/run.go.
 */
import { base64Utf8 } from '../api/kinds/core.js';
import type { KubeObject } from '../api/types.js';

type Obj = Record<string, unknown>;

function meta(name: string, labels?: Record<string, string>, namespace?: string): Obj {
  const m: Obj = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null;
  if (labels && Object.keys(labels).length) m.labels = labels;
  return m;
}

/** Container name kubectl derives from an image: last path segment without tag or digest. */
export function containerNameFor(image: string): string {
  const base = image.split('/').pop() ?? image;
  return base.split('@')[0].split(':')[0];
}

/**
 * `create deployment` makes a derived name a DNS label: `_` and `.` become `-`, and a random suffix
 * keeps several such names apart (create_deployment.go sanitizeAndUniquify).
 */
function sanitizeAndUniquify(name: string, suffix: () => string): string {
  return /[_.]/.test(name) ? `${name.replace(/[_.]/g, '-')}-${suffix()}` : name;
}

export function deploymentFor(o: { name: string; images: string[]; replicas: number; port?: number; namespace?: string; suffix: () => string }): KubeObject {
  const labels = { app: o.name };
  const containers = o.images.map((image) => {
    const c: Obj = { name: sanitizeAndUniquify(containerNameFor(image), o.suffix), image };
    if (o.port !== undefined && o.port >= 0) c.ports = [{ containerPort: o.port }];
    c.resources = {};
    return c;
  });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(o.name, labels, o.namespace),
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject;
}

export interface PodRunOptions {
  name: string;
  image: string;
  namespace?: string;
  labels: Record<string, string>;
  env: { name: string; value: string }[];
  port?: number;
  command: boolean;
  args: string[];
  restart: string;
  stdin: boolean;
  tty: boolean;
  imagePullPolicy?: string;
}

export function podFor(o: PodRunOptions): KubeObject {
  const c: Obj = { name: o.name, image: o.image };
  if (o.args.length) c[o.command ? 'command' : 'args'] = o.args;
  if (o.port !== undefined && o.port >= 0) c.ports = [{ containerPort: o.port }];
  if (o.env.length) c.env = o.env;
  c.resources = {};
  if (o.imagePullPolicy) c.imagePullPolicy = o.imagePullPolicy;
  if (o.stdin) c.stdin = true;
  if (o.stdin) c.stdinOnce = true;
  if (o.tty) c.tty = true;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: meta(o.name, o.labels, o.namespace),
    spec: { containers: [c], restartPolicy: o.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject;
}

export function namespaceFor(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name), spec: {}, status: {} } as unknown as KubeObject;
}

export function configMapFor(name: string, data: Record<string, string>, namespace?: string): KubeObject {
  const o: Obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, undefined, namespace) };
  if (Object.keys(data).length) o.data = data;
  return o as unknown as KubeObject;
}

export function secretFor(name: string, data: Record<string, string>, type: string | undefined, namespace?: string): KubeObject {
  const o: Obj = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, undefined, namespace) };
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = base64Utf8(v);
  if (Object.keys(encoded).length) o.data = encoded;
  if (type) o.type = type;
  return o as unknown as KubeObject;
}

export interface ServicePortSpec {
  port: number;
  targetPort: number | string;
  name?: string;
  protocol?: string;
}

/** `type` is left out when not asked for (kubectl expose); the API server then defaults it to ClusterIP. */
export function serviceFor(o: { name: string; type?: string; ports: ServicePortSpec[]; selector: Record<string, string>; labels?: Record<string, string>; clusterIP?: string; namespace?: string }): KubeObject {
  const spec: Obj = {
    ports: o.ports.map((p) => {
      const out: Obj = {};
      if (p.name) out.name = p.name;
      out.protocol = p.protocol ?? 'TCP';
      out.port = p.port;
      out.targetPort = p.targetPort;
      return out;
    }),
    selector: o.selector,
  };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.type) spec.type = o.type;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(o.name, o.labels, o.namespace),
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
}

/** What is sent to the server: the same object without the client-only `creationTimestamp: null`. */
export function forServer(obj: KubeObject): KubeObject {
  return JSON.parse(JSON.stringify(obj, (k, v) => (k === 'creationTimestamp' && v === null ? undefined : v))) as KubeObject;
}
