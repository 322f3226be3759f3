/**
 * How virtual time moves while the cluster is served. `podsim serve` paces it against wall time (the
 * only wall-clock user in podsim); tests drive it by hand so runs are deterministic. Either way,
 * zero-delay work (watch deliveries, controller reactions) runs right after every request.
 */
import type { Cluster } from '../cluster/cluster.js';

export interface TimeDriver {
  /** Runs what is due now: called after every request and every stream input. */
  settle(): void;
  /** A streaming session (exec) needs time to move on its own until `done()`. */
  runUntil(done: () => boolean): void;
  stop(): void;
}

/**
 * Where a paced cluster's virtual clock starts: wall time now, because the real kubectl measures
 * describe/events ages against its own wall clock.
 */
export function wallClockStart(): number {
  return Date.now();
}

/** Virtual seconds per wall second = speed; ticks every `tickMs` of wall time. */
export class WallClockPacer implements TimeDriver {
  private last = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly cluster: Cluster,
    private readonly speed = 1,
    tickMs = 20,
  ) {
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref?.();
  }

  private tick(): void {
    const now = performance.now();
    const elapsed = now - this.last;
    this.last = now;
    if (this.speed > 0) this.cluster.advance(elapsed * this.speed);
  }

  settle(): void {
    this.cluster.clock.flush();
  }

  runUntil(): void {
    // the pacing loop already moves time for everyone
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Virtual time stands still unless the test advances it, except that a running exec session steps
 * the clock from timer to timer until it ends (as the in-browser terminal does while a command runs),
 * at most `maxStepMs` ahead per session.
 */
export class ManualTime implements TimeDriver {
  private readonly sessions = new Set<{ done: () => boolean; until: number }>();
  private pumping = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly maxStepMs = 10 * 60_000,
  ) {}

  settle(): void {
    this.cluster.clock.flush();
    this.pump();
  }

  runUntil(done: () => boolean): void {
    this.sessions.add({ done, until: this.cluster.clock.now() + this.maxStepMs });
    this.pump();
  }

  stop(): void {
    this.sessions.clear();
  }

  private pump(): void {
    if (this.pumping || this.sessions.size === 0) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      const clock = this.cluster.clock;
      for (let i = 0; i < 500; i++) {
        for (const s of this.sessions) if (s.done() || clock.now() >= s.until) this.sessions.delete(s);
        if (this.sessions.size === 0) return;
        const due = clock.nextDue();
        const limit = Math.min(...[...this.sessions].map((s) => s.until));
        if (due === undefined || due > limit) return; // blocked on input: resumes on the next settle()
        clock.step();
      }
      this.pump();
    });
  }
}
