/**
 * The parts of a Compose service kompose 1.34 turns into probes and resources: the healthcheck (and
 * kompose's readiness and liveness labels), mem_limit and deploy.resources' limits and reservations.
 */
import { ComposeError, shellWords, type HealthCheck, type ServiceConfig } from './compose.js';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's time.ParseDuration, in whole seconds. */
function seconds(v: unknown): number {
  if (typeof v === 'number') return Math.floor(v / 1e9);
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const m of String(v).matchAll(/([\d.]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]];
  return Math.floor(total);
}

const label = (labels: Record<string, string>, k: string) => labels[`kompose.service.healthcheck.${k}`];

/** compose-go's healthcheck (a string test runs in a shell: CMD-SHELL), with the liveness labels' HTTP or TCP check. */
export function healthCheck(h: Dict, labels: Record<string, string>): HealthCheck {
  const test = h.test === undefined ? [] : Array.isArray(h.test) ? h.test.map(String).slice(1) : [String(h.test)];
  return {
    test,
    httpPath: label(labels, 'liveness.http_get_path') ?? '',
    httpPort: Number(label(labels, 'liveness.http_get_port') ?? 0),
    tcpPort: Number(label(labels, 'liveness.tcp_port') ?? 0),
    timeout: h.timeout !== undefined ? seconds(h.timeout) : 0,
    interval: h.interval !== undefined ? seconds(h.interval) : 0,
    retries: Number(h.retries ?? 0),
    startPeriod: h.start_period !== undefined ? seconds(h.start_period) : 0,
  };
}

/** The readiness probe kompose's labels describe. */
export function readiness(labels: Record<string, string>): HealthCheck | undefined {
  if (/^(1|t|true)$/i.test(label(labels, 'readiness.disable') ?? '')) return undefined;
  let test = label(labels, 'readiness.test') ? shellWords(label(labels, 'readiness.test')) : [];
  if (test[0] === 'NONE') return undefined;
  if (test[0] === 'CMD' || test[0] === 'CMD-SHELL') test = test.slice(1);
  const num = (k: string) => Number(label(labels, `readiness.${k}`) ?? 0);
  const dur = (k: string) => (label(labels, `readiness.${k}`) !== undefined ? seconds(label(labels, `readiness.${k}`)) : 0);
  return { test, httpPath: label(labels, 'readiness.http_get_path') ?? '', httpPort: num('http_get_port'), tcpPort: num('tcp_port'), timeout: dur('timeout'), interval: dur('interval'), retries: num('retries'), startPeriod: dur('start_period') };
}

/** docker/go-units RAMInBytes: a byte count with an optional binary unit (`512m`, `10000Mb`, `1.5GiB`). */
function bytes(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(String(v));
  if (!m) throw new ComposeError(`invalid size: '${String(v)}'`);
  const unit = { k: 1, m: 2, g: 3, t: 4, p: 5 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 0;
  return Math.floor(Number(m[1]) * 1024 ** unit);
}

/** mem_limit and cpus, overridden by deploy.resources' limits and reservations. */
export function resources(s: Dict, deploy: Dict | undefined): Pick<ServiceConfig, 'memLimit' | 'cpuLimit' | 'memReservation' | 'cpuReservation'> {
  const r = { memLimit: s.mem_limit !== undefined ? bytes(s.mem_limit) : 0, cpuLimit: 0, memReservation: 0, cpuReservation: 0 };
  const res = deploy && isDict(deploy.resources) ? deploy.resources : undefined;
  // compose-go holds cpus as a float32 of nanoCPUs: kompose multiplies by 1000 for thousandths.
  const millis = (v: unknown) => Math.trunc(Math.fround(Number(v)) * 1000);
  if (res && isDict(res.limits)) {
    r.memLimit = res.limits.memory !== undefined ? bytes(res.limits.memory) : 0;
    if (res.limits.cpus !== undefined) r.cpuLimit = millis(res.limits.cpus);
  }
  if (res && isDict(res.reservations)) {
    r.memReservation = res.reservations.memory !== undefined ? bytes(res.reservations.memory) : 0;
    if (res.reservations.cpus !== undefined) r.cpuReservation = millis(res.reservations.cpus);
  }
  return r;
}
