/**
 * The only time source of the simulator. Time is virtual: nothing moves until a host calls
 * `advance`, so tests run instantly and the same inputs always give the same outputs.
 */
export interface TimerHandle {
  readonly id: number;
}

interface Timer extends TimerHandle {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** 2026-11-27T09:00:00Z: a fixed epoch keeps transcripts stable across runs. */
export const DEFAULT_START_MS = Date.UTC(2026, 10, 27, 9, 0, 0);

export class Clock {
  private current: number;
  private readonly heap: Timer[] = [];
  private seq = 0;
  private running = false;

  constructor(startMs: number = DEFAULT_START_MS) {
    this.current = startMs;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.current;
  }

  /** Runs `fn` once `delayMs` of virtual time has passed (0 = at the current instant, after what is already due). */
  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: Timer = { id: ++this.seq, seq: this.seq, due: this.current + delay, fn, cancelled: false };
    this.push(timer);
    return timer;
  }

  cancel(handle: TimerHandle | undefined | null): void {
    if (handle) (handle as Timer).cancelled = true;
  }

  /** When the next live timer is due, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }

  /** Runs every timer due up to now+ms in (due, creation) order, then leaves the clock at now+ms. */
  advance(ms: number): void {
    const target = this.current + Math.max(0, Number.isFinite(ms) ? ms : 0);
    this.runUntil(target);
    this.current = Math.max(this.current, target);
  }

  /** Advances to the next due timer (if any) and runs everything due then. Returns false when idle. */
  step(): boolean {
    const due = this.nextDue();
    if (due === undefined) return false;
    this.runUntil(due);
    return true;
  }

  /** Runs only what is due at the current instant (zero-delay work). */
  flush(): void {
    this.runUntil(this.current);
  }

  private runUntil(target: number): void {
    if (this.running) throw new Error('Clock.advance called re-entrantly from a timer');
    this.running = true;
    try {
      for (;;) {
        this.dropCancelled();
        const top = this.heap[0];
        if (!top || top.due > target) break;
        this.pop();
        if (top.due > this.current) this.current = top.due;
        top.fn();
      }
    } finally {
      this.running = false;
    }
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  // The queue is a binary heap sifted through a hole: a busy cluster keeps hundreds of timers (a
  // probe's next tick each), and every run pops one and pushes its successor.
  private push(t: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!earlier(t, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = t;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    const n = h.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let child = h[c]!;
        if (c + 1 < n && earlier(h[c + 1]!, child)) child = h[++c]!;
        if (!earlier(child, last)) break;
        h[i] = child;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

/** Timers run by due time, then in the order they were set. */
function earlier(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
