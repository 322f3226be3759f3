/**
 * What one probe attempt yields. Models pkg/probe/probe.go (Result) and the (result, output, err)
 * triple the probers return: `error` set means the probe itself could not run ("errored").
 */
import type { Waitable } from '../../kernel/waitable.js';

export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

export interface ProbeOutcome {
  result: ProbeResult;
  output: string;
  error?: string;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** `Liveness`, `Readiness`, `Startup`: how event messages name the probe. */
export function probeLabel(kind: ProbeKind): string {
  return kind[0].toUpperCase() + kind.slice(1);
}

export type ProbeRun = () => Waitable<ProbeOutcome>;

/**
 * One probe attempt as the kubelet counts it in its `prober_probe_total` metric (pkg/kubelet/prober
 * metrics: result successful / failed / unknown, per pod and container). The kubelet emits events only
 * for failures; this feed lets a host see every attempt.
 */
export interface ProbeAttempt {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  kind: ProbeKind;
  result: ProbeResult;
}

export type ProbeAttemptListener = (attempt: ProbeAttempt) => void;

const noop = () => {};

/** Settles once with its value; for probers that answer synchronously (no closures: probes run often). */
class Settled<T> implements Waitable<T> {
  constructor(private readonly value: T) {}

  subscribe(resume: (value: T) => void): () => void {
    resume(this.value);
    return noop;
  }
}

export function settled<T>(value: T): Waitable<T> {
  return new Settled(value);
}
