/**
 * kompose 1.34's pod template: the one container a Compose service becomes (its ports once each, the
 * environment sorted by name with env_file keys read from a ConfigMap per file, resources, probes
 * from the healthcheck and kompose's labels, security settings) and the pod around it.
 */
import type { HealthCheck, ServiceConfig } from './compose.js';
import { meta, selector, type KObject } from './meta.js';
import type { TransformOptions } from './objects.js';
import type { Volumes } from './volumes.js';

/** kompose's GetRestartPolicy. */
function restartPolicy(s: ServiceConfig): string {
  const policies: Record<string, string> = { '': 'Always', always: 'Always', any: 'Always', no: 'Never', none: 'Never', 'on-failure': 'OnFailure' };
  const p = policies[s.restart];
  if (p === undefined) throw new Error(`Unknown restart policy ${s.restart} for service ${s.key}`);
  return p;
}

/** apimachinery's Quantity in DecimalExponent form (kompose asks for an unknown format, which falls back to it): `10e3`. */
export function decimalExponent(n: number): string {
  let e = 0;
  while (n !== 0 && n % 1000 === 0) {
    n /= 1000;
    e += 3;
  }
  return e === 0 ? String(n) : `${n}e${e}`;
}

/** A milli-quantity in DecimalSI: `500m`, `1`, `1500m`. */
const milliCpu = (m: number) => (m % 1000 === 0 ? String(m / 1000) : `${m}m`);

function resourceList(mem: number, cpu: number): Record<string, string> | undefined {
  if (mem === 0 && cpu === 0) return undefined;
  return { cpu: cpu ? milliCpu(cpu) : undefined, memory: mem ? decimalExponent(mem) : undefined } as Record<string, string>;
}

/** kompose's configProbe: a command, else an HTTP GET with both path and port, else a TCP port. */
function probe(h: HealthCheck | undefined): Record<string, unknown> | undefined {
  if (h === undefined || Object.values(h).every((v) => (Array.isArray(v) ? v.length === 0 : !v))) return undefined;
  let handler: Record<string, unknown>;
  if (h.test.length > 0) handler = { exec: { command: h.test } };
  else if (h.httpPath && h.httpPort) handler = { httpGet: { path: h.httpPath, port: h.httpPort } };
  else if (h.tcpPort) handler = { tcpSocket: { port: h.tcpPort } };
  else throw new Error('Health check must contain a command');
  return { ...handler, initialDelaySeconds: h.startPeriod || undefined, timeoutSeconds: h.timeout || undefined, periodSeconds: h.interval || undefined, failureThreshold: h.retries || undefined };
}

/** kompose's FormatEnvName: the file's base name with dots as dashes, prefixed by the service when it starts with one. */
function envName(file: string, service: string): string {
  let name = file.replace(/^[./]+|[./]+$/g, '');
  name = name.slice(name.lastIndexOf('/') + 1).replace(/\./g, '-');
  if (name.startsWith('-')) name = service + name;
  return name.slice(0, 63);
}

/** joho/godotenv's reading of an env file: `KEY=value`, `export`, quotes, comments. */
function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([\w.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2];
    const q = /^(['"])([\s\S]*)\1$/.exec(v);
    if (q) v = q[1] === '"' ? q[2].replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : q[2];
    else v = v.replace(/\s+#.*$/, '').trim();
    out[m[1]] = v;
  }
  return out;
}

function envFileData(o: TransformOptions, file: string): Record<string, string> {
  const found = o.host.stat(`${o.workDir}/${file}`.replace(/\/\.\//g, '/'));
  if (found?.kind !== 'file') throw new Error(`Unable to retrieve env file: Unable to read env_file: open ${o.workDir}/${file}: no such file or directory`);
  return dotenv(found.text);
}

/** One ConfigMap per env_file, named after the file. */
export function envConfigMaps(s: ServiceConfig, o: TransformOptions): KObject[] {
  return s.envFiles.map((file) => {
    const name = envName(file, s.key);
    const data = envFileData(o, file);
    return { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, selector(`${s.key}-${name}`)) as KObject['metadata'], data: Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]])) };
  });
}

function env(s: ServiceConfig, o: TransformOptions): Record<string, unknown>[] {
  const out: { name: string; value?: string; valueFrom?: unknown }[] = [];
  const fromFiles = new Set<string>();
  for (const file of s.envFiles) {
    const name = envName(file, s.key);
    for (const key of Object.keys(envFileData(o, file))) {
      out.push({ name: key, valueFrom: { configMapKeyRef: { name, key } } });
      fromFiles.add(key);
    }
  }
  for (const e of s.environment) {
    if (fromFiles.has(e.name)) continue;
    out.push({ name: e.name, value: e.value.includes('run/secrets') ? e.value.toLowerCase().replace(/_/g, '-') : e.value });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function container(s: ServiceConfig, o: TransformOptions, vols: Volumes): Record<string, unknown> {
  const seen = new Set<string>();
  const ports = s.ports.flatMap((p) => {
    const id = `${p.containerPort}/${p.protocol}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ containerPort: p.containerPort, protocol: p.protocol }];
  });
  const environment = env(s, o);
  const caps = s.capAdd.length > 0 || s.capDrop.length > 0 ? { add: s.capAdd.length ? s.capAdd : undefined, drop: s.capDrop.length ? s.capDrop : undefined } : undefined;
  const uid = s.user !== '' && /^-?\d+$/.test(s.user) ? Number(s.user) : undefined;
  if (s.user !== '' && uid === undefined) o.warn('Ignoring user directive. User to be specified as a UID (numeric).');
  const securityContext = { capabilities: caps, privileged: s.privileged || undefined, runAsUser: uid, readOnlyRootFilesystem: s.readOnly || undefined };
  const policy = s.imagePullPolicy;
  if (policy && !['Always', 'Never', 'IfNotPresent'].includes(policy)) throw new Error(`Unknown image-pull-policy ${policy} for service ${s.key}`);
  const limits = resourceList(s.memLimit, s.cpuLimit);
  const requests = resourceList(s.memReservation, s.cpuReservation);
  return {
    name: (s.containerName || s.name).replace(/_/g, '-'),
    image: s.image || s.key,
    command: s.command,
    // `$VAR` in arguments becomes Kubernetes' `$(VAR)`.
    args: s.args?.map((a) => a.replace(/\$([a-zA-Z0-9]*)/g, '$($1)')),
    workingDir: s.workingDir || undefined,
    ports: ports.length ? ports : undefined,
    env: environment.length ? environment : undefined,
    resources: { limits, requests },
    volumeMounts: vols.mounts.length ? vols.mounts : undefined,
    livenessProbe: probe(s.liveness),
    readinessProbe: probe(s.readiness),
    imagePullPolicy: policy || undefined,
    securityContext: Object.values(securityContext).some((v) => v !== undefined) ? securityContext : undefined,
    stdin: s.stdin || undefined,
    tty: s.tty || undefined,
  };
}

export function podSpec(s: ServiceConfig, o: TransformOptions, vols: Volumes): Record<string, unknown> {
  const security = s.groupAdd || s.fsGroup ? { supplementalGroups: s.groupAdd, fsGroup: s.fsGroup || undefined } : undefined;
  return {
    volumes: vols.volumes.length ? vols.volumes : undefined,
    containers: [container(s, o, vols)],
    restartPolicy: restartPolicy(s),
    serviceAccountName: s.labels['kompose.serviceaccount-name'],
    securityContext: security,
    imagePullSecrets: s.labels['kompose.image-pull-secret'] ? [{ name: s.labels['kompose.image-pull-secret'] }] : undefined,
    hostname: s.hostname || undefined,
  };
}
