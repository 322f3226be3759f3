/**
 * The client-side throttle of kube-controller-manager's API client (`--kube-api-qps` 20, `--kube-api-burst`
 * 30): a token bucket on the virtual clock. It is what keeps a Job with parallelism in the millions from
 * creating pods faster than a real control plane would.
 */
import type { Clock } from '../../clock/clock.js';

export const CONTROLLER_QPS = 20;
export const CONTROLLER_BURST = 30;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    private readonly qps = CONTROLLER_QPS,
    private readonly burst = CONTROLLER_BURST,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
  }

  /** Takes up to `n` tokens; returns how many were granted. */
  take(n: number): number {
    this.refill();
    const granted = Math.max(0, Math.min(n, Math.floor(this.tokens)));
    this.tokens -= granted;
    return granted;
  }

  /** Milliseconds until one more token is available. */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }
}

const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1000 * 1000;

/**
 * workqueue's per-item exponential failure rate limiter (5 ms doubling up to 1000 s), the part of a
 * controller's default rate limiter that spaces out the retries of a key whose sync keeps failing.
 */
export class ItemBackoff {
  private readonly failures = new Map<string, number>();

  /** The delay before the next retry of `key`, counting this failure. */
  when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
