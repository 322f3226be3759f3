/**
 * Per-key exponential back-off: the crash-loop delay between container restarts and the image pull
 * back-off. Models client-go util/flowcontrol/backoff.go (Backoff with no jitter) with the kubelet's
 * constants from pkg/kubelet/kubelet.go (backOffPeriod 10 s, MaxContainerBackOff 300 s).
 */

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = BACKOFF_INITIAL_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  /** Current delay for `key` (0 when there is none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /**
   * Records a restart (or a failed pull) at `now`: the first one, or one after a quiet spell of
   * 2×max since the last update, starts at the initial delay; later ones double up to the cap.
   */
  next(key: string, eventTime: number, now: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
    else {
      e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
      e.lastUpdate = now;
    }
  }

  /** Crash loop: still waiting if less than the delay has passed since the container finished. */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) return false;
    return now - eventTime < e.backoffMs;
  }

  /** Image pulls: still waiting if less than the delay has passed since the last failure. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** Forgets every key with this prefix (a pod's entries once it is gone). */
  forgetPrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private expired(eventTime: number, e: Entry): boolean {
    return eventTime - e.lastUpdate > this.maxMs * 2;
  }
}
