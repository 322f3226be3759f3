/**
 * One probe of one container: ticks every periodSeconds from its creation, honours initialDelaySeconds
 * since the container started, and flips its result only after failureThreshold / successThreshold
 * consecutive outcomes. Every failed attempt is reported (the Unhealthy event).
 * Models pkg/kubelet/prober/worker.go (run/doProbe) and prober.go (event texts).
 */
import type { Clock, TimerHandle } from '../../clock/clock.js';
import type { Probe } from '../../api/types.js';
import { probeLabel, type ProbeKind, type ProbeOutcome, type ProbeResult } from './types.js';
import type { Waitable } from '../../kernel/waitable.js';

/** What the worker needs to know about the container it probes right now. */
export interface ProbedContainer {
  id: string;
  running: boolean;
  startedAt: number;
  /** The startup probe has succeeded (or there is none). */
  startupDone: boolean;
}

export interface WorkerHost {
  container(): ProbedContainer | undefined;
  /** The pod is being deleted: liveness and startup stop. */
  deleting(): boolean;
  run(probe: Probe, kind: ProbeKind): Waitable<ProbeOutcome>;
  /** A failed (or errored) attempt, with the Unhealthy event message. */
  unhealthy(message: string): void;
  /** The result changed. */
  changed(kind: ProbeKind, result: ProbeResult): void;
  /** Every attempt's result (an errored one is Unknown). */
  attempted(kind: ProbeKind, result: ProbeResult): void;
}

const INITIAL: Record<ProbeKind, ProbeResult> = { readiness: 'Failure', liveness: 'Success', startup: 'Unknown' };

export class ProbeWorker {
  private containerId: string | undefined;
  private current: ProbeResult;
  private lastResult: ProbeResult = 'Unknown';
  private resultRun = 0;
  private onHold = false;
  private inFlight = false;
  private timer: TimerHandle | undefined;
  private stopped = false;
  /** The container instance the attempt in flight probes. */
  private probedId: string | undefined;
  // Bound once: a probe ticks every period, and per-tick closures add up over virtual hours.
  private readonly onTick = () => this.tick();
  private readonly onOutcome = (outcome: ProbeOutcome) => {
    this.inFlight = false;
    if (!this.stopped && this.probedId === this.containerId) this.record(outcome);
  };

  constructor(
    private readonly clock: Clock,
    readonly kind: ProbeKind,
    private readonly spec: Probe,
    private readonly host: WorkerHost,
  ) {
    this.current = INITIAL[kind];
  }

  /** Result for the container instance `id` (the initial result until the worker has seen it). */
  result(id: string | undefined): ProbeResult {
    return id !== undefined && id === this.containerId ? this.current : INITIAL[this.kind];
  }

  start(): void {
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.clock.cancel(this.timer);
  }

  /** An extra attempt now (the status manager asks when a running container is not ready yet). */
  trigger(): void {
    if (!this.stopped) this.doProbe();
  }

  private tick(): void {
    if (this.stopped) return;
    this.doProbe();
    this.timer = this.clock.setTimer((this.spec.periodSeconds ?? 10) * 1000, this.onTick);
  }

  private doProbe(): void {
    if (this.inFlight) return;
    const c = this.host.container();
    if (!c) return;
    if (c.id !== this.containerId) {
      this.containerId = c.id;
      this.current = INITIAL[this.kind];
      this.lastResult = 'Unknown';
      this.resultRun = 0;
      this.onHold = false;
    }
    if (this.onHold || !c.running) return;
    if (this.kind !== 'readiness' && this.host.deleting()) return;
    if (this.kind !== 'startup' && !c.startupDone) return;
    if (this.kind === 'startup' && c.startupDone) return;
    if (Math.trunc((this.clock.now() - c.startedAt) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return;
    this.inFlight = true;
    this.probedId = c.id;
    this.host.run(this.spec, this.kind).subscribe(this.onOutcome);
  }

  private record(o: ProbeOutcome): void {
    this.host.attempted(this.kind, o.error !== undefined ? 'Unknown' : o.result);
    if (o.error !== undefined) {
      this.host.unhealthy(`${probeLabel(this.kind)} probe errored: ${o.error}`);
      return;
    }
    if (o.result !== 'Success') this.host.unhealthy(`${probeLabel(this.kind)} probe failed: ${o.output}`);
    if (o.result === this.lastResult) this.resultRun++;
    else {
      this.lastResult = o.result;
      this.resultRun = 1;
    }
    if ((o.result === 'Failure' && this.resultRun < (this.spec.failureThreshold ?? 3)) || (o.result === 'Success' && this.resultRun < (this.spec.successThreshold ?? 1))) return;
    const changed = this.current !== o.result;
    this.current = o.result;
    if (this.kind !== 'readiness' && o.result === 'Failure') {
      this.onHold = true;
      this.resultRun = 0;
    }
    if (changed || (this.kind !== 'readiness' && o.result === 'Failure')) this.host.changed(this.kind, o.result);
  }
}
