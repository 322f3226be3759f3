/**
 * A pod's probe workers (per container, per probe kind) and what their results mean for the
 * container's `started`/`ready` flags. Models pkg/kubelet/prober/prober_manager.go and the probe
 * dispatch of prober.go runProbe.
 */
import type { Clock } from '../../clock/clock.js';
import type { Container, Pod, Probe } from '../../api/types.js';
import type { Network } from '../../kernel/net.js';
import type { Waitable } from '../../kernel/waitable.js';
import type { RuntimeContainer } from '../../runtime/types.js';
import type { ProbeView } from '../runtime-view.js';
import { execProbe } from './exec.js';
import { grpcProbe } from './grpc.js';
import { httpProbe, type HttpProbeTarget } from './http.js';
import { tcpProbe } from './tcp.js';
import { settled, type ProbeKind, type ProbeOutcome, type ProbeResult } from './types.js';
import { ProbeWorker } from './worker.js';

export interface ProbedInstance {
  id: string;
  running: boolean;
  startedAt: number;
  runtime: RuntimeContainer;
}

export interface PodProbeHost {
  clock: Clock;
  /** Where probes dial from: the node's own network namespace, as the kubelet's prober does. */
  network: Pick<Network, 'connect'>;
  podIP(): string | undefined;
  /** Where probe connections come from (the node's address on the pod bridge). */
  sourceIP: string;
  instance(name: string): ProbedInstance | undefined;
  deleting(): boolean;
  unhealthy(container: Container, message: string): void;
  /** A result flipped (readiness either way, startup success, liveness/startup failure). */
  changed(container: Container, kind: ProbeKind, result: ProbeResult): void;
  attempted(container: Container, kind: ProbeKind, result: ProbeResult): void;
}

const KINDS: { kind: ProbeKind; field: 'livenessProbe' | 'readinessProbe' | 'startupProbe' }[] = [
  { kind: 'liveness', field: 'livenessProbe' },
  { kind: 'readiness', field: 'readinessProbe' },
  { kind: 'startup', field: 'startupProbe' },
];

export function withProbeDefaults(p: Probe): Probe {
  return { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p };
}

function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export class ProbeManager {
  private readonly workers = new Map<string, Map<ProbeKind, ProbeWorker>>();
  /** httpGet requests per probe: the same every period while the pod IP stays. */
  private readonly httpTargets = new Map<Probe, HttpProbeTarget>();

  constructor(
    pod: Pod,
    private readonly host: PodProbeHost,
  ) {
    const containers = [...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'), ...(pod.spec?.containers ?? [])];
    for (const c of containers) {
      for (const { kind, field } of KINDS) {
        const spec = c[field];
        if (!spec) continue;
        const w = new ProbeWorker(host.clock, kind, withProbeDefaults(spec), {
          container: () => {
            const inst = host.instance(c.name);
            return inst && { id: inst.id, running: inst.running, startedAt: inst.startedAt, startupDone: this.startupDone(c.name, inst.id) };
          },
          deleting: () => host.deleting(),
          run: (probe) => this.run(c, probe),
          unhealthy: (message) => host.unhealthy(c, message),
          changed: (k, result) => host.changed(c, k, result),
          attempted: (k, result) => host.attempted(c, k, result),
        });
        let m = this.workers.get(c.name);
        if (!m) this.workers.set(c.name, (m = new Map()));
        m.set(kind, w);
      }
    }
  }

  start(): void {
    for (const m of this.workers.values()) for (const w of m.values()) w.start();
  }

  stop(): void {
    for (const m of this.workers.values()) for (const w of m.values()) w.stop();
  }

  stopLivenessAndStartup(): void {
    for (const m of this.workers.values()) {
      m.get('liveness')?.stop();
      m.get('startup')?.stop();
    }
  }

  /** `started`/`ready` for a running instance; asks readiness for an early attempt while not ready. */
  view(name: string, id: string): ProbeView {
    const started = this.startupDone(name, id);
    if (!started) return { started, ready: false };
    const r = this.workers.get(name)?.get('readiness');
    if (!r) return { started, ready: true };
    const ready = r.result(id) === 'Success';
    if (!ready) this.host.clock.setTimer(0, () => r.trigger());
    return { started, ready };
  }

  /** Which probe (if any) says the running instance must be killed. */
  killReason(name: string, id: string): 'liveness' | 'startup' | undefined {
    const m = this.workers.get(name);
    if (m?.get('startup')?.result(id) === 'Failure') return 'startup';
    if (m?.get('liveness')?.result(id) === 'Failure') return 'liveness';
    return undefined;
  }

  results(idOf: (name: string) => string | undefined): Record<string, { liveness?: string; readiness?: string; startup?: string }> {
    const out: Record<string, { liveness?: string; readiness?: string; startup?: string }> = {};
    for (const [name, m] of this.workers) {
      const id = idOf(name);
      const r: { liveness?: string; readiness?: string; startup?: string } = {};
      for (const [kind, w] of m) r[kind] = w.result(id);
      out[name] = r;
    }
    return out;
  }

  private startupDone(name: string, id: string): boolean {
    const s = this.workers.get(name)?.get('startup');
    return !s || s.result(id) === 'Success';
  }

  private run(c: Container, p: Probe): Waitable<ProbeOutcome> {
    const host = this.host;
    const timeoutMs = (p.timeoutSeconds ?? 1) * 1000;
    if (p.exec) {
      const inst = host.instance(c.name);
      if (!inst) return settled({ result: 'Unknown', output: '', error: 'container not running' });
      return execProbe(inst.runtime, host.clock, p.exec.command ?? [], timeoutMs);
    }
    const podIP = host.podIP() ?? '';
    if (p.httpGet) {
      const port = resolvePort(c, p.httpGet.port as number | string);
      if (port === undefined) return settled({ result: 'Unknown', output: '', error: `unable to find port ${JSON.stringify(String(p.httpGet.port))}` });
      const targetHost = p.httpGet.host || podIP;
      let target = this.httpTargets.get(p);
      if (!target || target.host !== targetHost || target.port !== port) {
        const headers: Record<string, string> = {};
        for (const h of p.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
        target = { scheme: p.httpGet.scheme ?? 'HTTP', host: targetHost, port, path: p.httpGet.path ?? '/', headers, from: host.sourceIP };
        this.httpTargets.set(p, target);
      }
      return httpProbe(host.network, host.clock, target, timeoutMs);
    }
    if (p.tcpSocket) {
      const port = resolvePort(c, p.tcpSocket.port as number | string);
      if (port === undefined) return settled({ result: 'Unknown', output: '', error: `unable to find port ${JSON.stringify(String(p.tcpSocket.port))}` });
      return tcpProbe(host.network, p.tcpSocket.host || podIP, port);
    }
    if (p.grpc) return grpcProbe(host.network, podIP, p.grpc.port, p.grpc.service ?? '', p.timeoutSeconds ?? 1);
    return settled({ result: 'Unknown', output: '', error: 'missing probe handler' });
  }
}
