/**
 * kompose's reader of Compose files (compose-go v2 as kompose 1.34 loads it, then kompose's own
 * mapping to a service config): the files merged in order, `${VAR}` interpolation from the
 * environment and the project's `.env`, the Compose spec's service keys validated, ports, volumes,
 * environment and labels in their short and long syntaxes.
 */
import { healthCheck, readiness, resources } from './probes-resources.js';

/** What kompose keeps of one Compose service (its kobject.ServiceConfig). */
export interface ServiceConfig {
  name: string;
  /** The service's key, normalised as a Kubernetes name (`web_app` → `web-app`). */
  key: string;
  image: string;
  containerName: string;
  command?: string[];
  args?: string[];
  workingDir: string;
  environment: { name: string; value: string }[];
  ports: Port[];
  /** Host or volume source, container path, mode, as `src:dst[:ro]`. */
  volumes: Volume[];
  labels: Record<string, string>;
  /** The Compose labels, kompose's included: they become the objects' annotations. */
  annotations: Record<string, string>;
  restart: string;
  serviceType: string;
  exposeService: string;
  hostname: string;
  user: string;
  privileged: boolean;
  readOnly: boolean;
  stdin: boolean;
  tty: boolean;
  capAdd: string[];
  capDrop: string[];
  groupAdd?: number[];
  replicas: number;
  deployMode: string;
  deployLabels?: Record<string, string>;
  imagePullPolicy: string;
  nodePortPort: number;
  externalTrafficPolicy: string;
  exposeTls: string;
  ingressClassName: string;
  fsGroup: number;
  /** env_file paths, relative to the project directory. */
  envFiles: string[];
  liveness?: HealthCheck;
  readiness?: HealthCheck;
  /** Bytes, and CPU in thousandths. */
  memLimit: number;
  cpuLimit: number;
  memReservation: number;
  cpuReservation: number;
}

export interface HealthCheck {
  test: string[];
  httpPath: string;
  httpPort: number;
  tcpPort: number;
  timeout: number;
  interval: number;
  retries: number;
  startPeriod: number;
}

export interface Port {
  hostPort: number;
  containerPort: number;
  hostIP: string;
  protocol: string;
}

export interface Volume {
  volumeName: string;
  host: string;
  container: string;
  mode: string;
  pvcName: string;
}

export class ComposeError extends Error {}

/** The Compose specification's service properties (compose-spec schema); others are refused. */
const SERVICE_KEYS = new Set(
  (
    'annotations attach build blkio_config cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count ' +
    'cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime cpus cpuset credential_spec depends_on deploy ' +
    'develop device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file environment expose extends ' +
    'external_links extra_hosts group_add healthcheck hostname image init ipc isolation labels links logging mac_address ' +
    'mem_limit mem_reservation mem_swappiness memswap_limit network_mode networks oom_kill_disable oom_score_adj pid ' +
    'pids_limit platform ports privileged profiles pull_policy read_only restart runtime scale security_opt shm_size secrets ' +
    'sysctls stdin_open stop_grace_period stop_signal storage_opt tmpfs tty ulimits user uts userns_mode volumes volumes_from working_dir'
  ).split(' '),
);
const TOP_KEYS = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs']);

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** compose-go's interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`. */
export function interpolate(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$(\$|[A-Za-z_]\w*|\{([A-Za-z_]\w*)(?:(:?[-?+])((?:[^{}]|\{[^}]*\})*))?\})/g, (_whole: string, simple: string, name?: string, op?: string, arg?: string) => {
    if (simple === '$') return '$';
    if (!name) return env[simple] ?? '';
    const value = env[name];
    const unset = value === undefined || (op?.startsWith(':') === true && value === '');
    if (op?.endsWith('-')) return unset ? interpolate(arg ?? '', env) : value!;
    if (op?.endsWith('+')) return unset ? '' : interpolate(arg ?? '', env);
    if (op?.endsWith('?') && unset) throw new ComposeError(`required variable ${name} is missing a value: ${arg ?? ''}`);
    return value ?? '';
  });
}

function interpolateAll(v: unknown, env: Readonly<Record<string, string>>): unknown {
  if (typeof v === 'string') return interpolate(v, env);
  if (Array.isArray(v)) return v.map((x) => interpolateAll(x, env));
  if (isDict(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, interpolateAll(x, env)]));
  return v;
}

/** A later file's service overrides an earlier one key by key; mappings merge, sequences and scalars replace. */
function merge(a: unknown, b: unknown): unknown {
  if (isDict(a) && isDict(b)) {
    const out: Dict = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return b;
}

/** mattn/go-shellwords as compose-go splits a string `command`/`entrypoint`. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new ComposeError('invalid command line string');
  if (inWord) words.push(cur);
  return words;
}

const words = (v: unknown): string[] | undefined => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String) : shellWords(String(v)));

function keyValues(v: unknown, sep = '='): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (Array.isArray(v)) {
    for (const item of v.map(String)) {
      const i = item.indexOf(sep);
      if (i < 0) out[item] = null;
      else out[item.slice(0, i)] = item.slice(i + 1);
    }
  } else if (isDict(v)) {
    for (const [k, x] of Object.entries(v)) out[k] = x === null || x === undefined ? null : String(x);
  }
  return out;
}

function range(text: string): [number, number] {
  const [a, b] = text.split('-');
  const lo = Number(a);
  const hi = b === undefined ? lo : Number(b);
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || a === '') throw new ComposeError(`Invalid containerPort: ${text}`);
  return [lo, hi];
}

/** docker/go-connections ParsePortSpec as compose-go expands a short-syntax port: one entry per port of a range. */
function shortPorts(spec: string): Port[] {
  const [main, proto = 'tcp'] = spec.split('/');
  const parts = main.split(':');
  const container = parts.pop()!;
  const host = parts.pop() ?? '';
  const ip = parts.join(':').replace(/^\[|\]$/g, '');
  const [c0, c1] = range(container);
  const [h0, h1] = host === '' ? [0, 0] : range(host);
  if (host !== '' && h1 - h0 !== c1 - c0 && h0 !== h1) throw new ComposeError(`Invalid ranges specified for container and host Ports: ${container} and ${host}`);
  const out: Port[] = [];
  for (let p = c0; p <= c1; p++) {
    const hostPort = host === '' ? 0 : h0 === h1 && c0 !== c1 ? h0 : h0 + (p - c0);
    out.push({ hostPort, containerPort: p, hostIP: ip, protocol: proto.toUpperCase() });
  }
  return out;
}

function loadPorts(ports: unknown, expose: unknown): Port[] {
  const out: Port[] = [];
  const seen = new Set<string>();
  for (const p of Array.isArray(ports) ? ports : []) {
    const list = isDict(p)
      ? [{ hostPort: Number(p.published ?? 0), containerPort: Number(p.target), hostIP: String(p.host_ip ?? ''), protocol: String(p.protocol ?? 'tcp').toUpperCase() }]
      : shortPorts(String(p));
    for (const port of list) {
      // compose-go keeps one of identical ports (`3000` and the `3000-3005` range).
      if (!out.some((o) => o.containerPort === port.containerPort && o.hostPort === port.hostPort && o.protocol === port.protocol && o.hostIP === port.hostIP)) out.push(port);
      seen.add(`${port.containerPort}${port.protocol.toLowerCase()}`);
    }
  }
  for (const e of Array.isArray(expose) ? expose.map(String) : []) {
    const [value, protocol = 'TCP'] = e.split('/');
    if (seen.has(value + protocol)) continue;
    out.push({ hostPort: 0, containerPort: Number(value), hostIP: '', protocol: protocol.toUpperCase() });
  }
  return out;
}

const isPath = (s: string) => s.includes('/') || s === '.';

function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** A volume as compose-go writes it back (`source:target[:ro]`, relative host paths made absolute), then kompose's parse. */
function loadVolumes(volumes: unknown, svc: string, workDir: string, home: string): Volume[] {
  const out: Volume[] = [];
  (Array.isArray(volumes) ? volumes : []).forEach((v, i) => {
    let source: string;
    let target: string;
    let ro: boolean;
    if (isDict(v)) {
      source = String(v.source ?? '');
      target = String(v.target ?? '');
      ro = v.read_only === true;
    } else {
      const parts = String(v).split(':');
      const modes = parts.length > 1 && /^(ro|rw|z|Z|nocopy)(,(ro|rw|z|Z|nocopy))*$/.test(parts[parts.length - 1]) ? parts.pop()!.split(',') : [];
      target = parts.pop()!;
      source = parts.join(':');
      ro = modes.includes('ro');
    }
    if (source.startsWith('~')) source = home + source.slice(1);
    if (source !== '' && (source.startsWith('.') || isPath(source))) source = joinPath(workDir, source);
    const spec = (source ? `${source}:` : '') + target + (ro ? ':ro' : '');
    const fields = spec.split(':');
    const volumeName = fields.length > 0 && !isPath(fields[0]) ? fields.shift()! : '';
    const mode = fields.length > 1 && (fields[fields.length - 1] === 'ro' || fields[fields.length - 1] === 'rw') ? fields.pop()! : '';
    const container = fields.pop() ?? '';
    const host = fields.length === 1 ? fields[0] : '';
    out.push({ volumeName: volumeName.replace(/_/g, '-'), host, container, mode, pvcName: `${svc}-claim${i}` });
  });
  return out;
}

/** kompose's handleServiceType. */
function serviceType(value: string): string {
  const types: Record<string, string> = { '': 'ClusterIP', clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', headless: 'Headless' };
  const t = types[value.toLowerCase()];
  if (t === undefined) throw new ComposeError(`handleServiceType failed: Unknown value ${value} , supported values are 'nodeport, clusterip, headless or loadbalancer'`);
  return t;
}

export interface ComposeInput {
  /** Each file as given, with its absolute path and text. */
  files: { path: string; abs: string; text: string }[];
  env: Readonly<Record<string, string>>;
  /** The project directory's `.env`, when there is one. */
  dotEnv?: string;
  parse: (text: string) => unknown;
  home: string;
  /** `--profile`s (or COMPOSE_PROFILES): a service with profiles is converted only when one of its own is active. */
  profiles: readonly string[];
}

export function loadCompose(input: ComposeInput): ServiceConfig[] {
  const workDir = input.files[0].abs.slice(0, input.files[0].abs.lastIndexOf('/')) || '/';
  const env: Record<string, string> = { ...keyValuesOf(input.dotEnv), ...input.env };
  let merged: Dict = {};
  for (const f of input.files) {
    let doc: unknown;
    try {
      doc = input.parse(f.text);
    } catch (e) {
      throw new ComposeError((e as Error).message);
    }
    if (doc === null || doc === undefined) throw new ComposeError(`${f.abs}: empty compose file`);
    if (!isDict(doc)) throw new ComposeError(`validating ${f.abs}: (root) must be a mapping`);
    for (const k of Object.keys(doc)) {
      if (!TOP_KEYS.has(k) && !k.startsWith('x-')) throw new ComposeError(`validating ${f.abs}: (root) additional properties '${k}' not allowed`);
    }
    const services = doc.services ?? {};
    if (!isDict(services)) throw new ComposeError(`validating ${f.abs}: services must be a mapping`);
    for (const [name, svc] of Object.entries(services)) {
      if (!isDict(svc)) throw new ComposeError(`validating ${f.abs}: services.${name} must be a mapping`);
      for (const k of Object.keys(svc)) {
        if (!SERVICE_KEYS.has(k) && !k.startsWith('x-')) throw new ComposeError(`validating ${f.abs}: services.${name} additional properties '${k}' not allowed`);
      }
    }
    merged = merge(merged, interpolateAll(doc, env)) as Dict;
  }
  const services = (merged.services ?? {}) as Record<string, Dict>;
  const active = (svc: Dict) => !Array.isArray(svc.profiles) || svc.profiles.some((p) => input.profiles.includes(String(p)) || input.profiles.includes('*'));
  return Object.keys(services)
    .sort()
    .filter((key) => active(services[key]))
    .map((key) => toServiceConfig(key, services[key], { workDir, home: input.home, env }));
}

function keyValuesOf(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of (text ?? '').split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

interface Context {
  workDir: string;
  home: string;
  env: Readonly<Record<string, string>>;
}

function toServiceConfig(rawName: string, s: Dict, ctx: Context): ServiceConfig {
  const key = rawName.toLowerCase().replace(/[._]/g, '-');
  const deploy = isDict(s.deploy) ? s.deploy : undefined;
  const labels = Object.fromEntries(Object.entries(keyValues(s.labels)).map(([k, v]) => [k, v ?? '']));
  const environment: { name: string; value: string }[] = [];
  for (const [name, value] of Object.entries(keyValues(s.environment))) {
    const v = value ?? ctx.env[name];
    if (v !== undefined) environment.push({ name, value: v });
  }
  let name = rawName.toLowerCase();
  if (labels['kompose.service.name_override'] !== undefined) name = labels['kompose.service.name_override'].toLowerCase();
  let restart = String(s.restart ?? '');
  if (deploy && isDict(deploy.restart_policy) && deploy.restart_policy.condition !== undefined) restart = String(deploy.restart_policy.condition);
  const config: ServiceConfig = {
    name,
    key,
    image: String(s.image ?? ''),
    containerName: String(s.container_name ?? '').toLowerCase(),
    command: words(s.entrypoint),
    args: words(s.command),
    workingDir: String(s.working_dir ?? ''),
    environment,
    ports: loadPorts(s.ports, s.expose),
    volumes: loadVolumes(s.volumes, key, ctx.workDir, ctx.home),
    labels: {},
    annotations: labels,
    restart,
    serviceType: '',
    exposeService: '',
    hostname: String(s.hostname ?? ''),
    user: String(s.user ?? ''),
    privileged: s.privileged === true,
    readOnly: s.read_only === true,
    stdin: s.stdin_open === true,
    tty: s.tty === true,
    capAdd: Array.isArray(s.cap_add) ? s.cap_add.map(String) : [],
    capDrop: Array.isArray(s.cap_drop) ? s.cap_drop.map(String) : [],
    replicas: deploy?.replicas !== undefined ? Number(deploy.replicas) : 0,
    deployMode: String(deploy?.mode ?? ''),
    deployLabels: deploy?.labels !== undefined ? Object.fromEntries(Object.entries(keyValues(deploy.labels)).map(([k, v]) => [k, v ?? ''])) : undefined,
    imagePullPolicy: '',
    nodePortPort: 0,
    externalTrafficPolicy: '',
    exposeTls: '',
    ingressClassName: '',
    fsGroup: 0,
    envFiles: envFiles(s.env_file, ctx.workDir),
    liveness: isDict(s.healthcheck) && s.healthcheck.disable !== true ? healthCheck(s.healthcheck, labels) : undefined,
    readiness: readiness(labels),
    ...resources(s, deploy),
  };
  if (deploy?.endpoint_mode === 'vip') config.serviceType = 'NodePort';
  if (Array.isArray(s.group_add)) {
    config.groupAdd = s.group_add.map((g) => {
      const n = Number(g);
      if (!Number.isInteger(n)) throw new ComposeError(`GroupAdd should be mentioned in gid format, not a group name: strconv.Atoi: parsing "${String(g)}": invalid syntax`);
      return n;
    });
  }
  if (config.restart === 'unless-stopped') config.restart = 'always';
  komposeLabels(config, labels);
  return config;
}

/** kompose's parseKomposeLabels: its own labels set the conversion, the others stay labels. */
function komposeLabels(config: ServiceConfig, labels: Record<string, string>): void {
  for (const [k, v] of Object.entries(labels)) {
    if (k === 'kompose.service.type') config.serviceType = serviceType(v);
    else if (k === 'kompose.service.expose') config.exposeService = v.replace(/^[ ,]+|[ ,]+$/g, '');
    else if (k === 'kompose.service.nodeport.port') config.nodePortPort = Number(v);
    else if (k === 'kompose.image-pull-policy') config.imagePullPolicy = v;
    else if (k === 'kompose.service.expose.tls-secret') config.exposeTls = v;
    else if (k === 'kompose.service.expose.ingress-class-name') config.ingressClassName = v;
    else if (k === 'kompose.security-context.fsgroup') config.fsGroup = Number(v) || 0;
    else if (k === 'kompose.service.external-traffic-policy') {
      const p = ({ '': 'Cluster', cluster: 'Cluster', local: 'Local' } as Record<string, string>)[v.toLowerCase()];
      if (p === undefined) throw new ComposeError(`handleServiceExternalTrafficPolicy failed: Unknown value ${v} , supported values are 'local, cluster'`);
      config.externalTrafficPolicy = p;
    } else if (k !== 'kompose.service.name_override') config.labels[k] = v;
  }
  if (config.exposeService === '' && config.exposeTls !== '') throw new ComposeError('kompose.service.expose.tls-secret was specified without kompose.service.expose');
  if (config.exposeService === '' && config.ingressClassName !== '') throw new ComposeError('kompose.service.expose.ingress-class-name was specified without kompose.service.expose');
  if (config.serviceType !== 'NodePort' && config.nodePortPort !== 0) throw new ComposeError('kompose.service.type must be nodeport when assign node port value');
  if (config.ports.length > 1 && config.nodePortPort !== 0) throw new ComposeError('cannot set kompose.service.nodeport.port when service has multiple ports');
}

/** env_file entries (a path, a list, or `{path}` items) relative to the project directory, as kompose gets them back. */
function envFiles(v: unknown, workDir: string): string[] {
  const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  return list.map((e) => {
    const path = joinPath(workDir, String(isDict(e) ? e.path : e));
    return path.startsWith(`${workDir}/`) ? path.slice(workDir.length + 1) : path;
  });
}
