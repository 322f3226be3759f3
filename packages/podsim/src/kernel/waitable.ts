/**
 * Programs in the simulator are generators that yield Waitables; the kernel resumes them when
 * the Waitable settles. Unlike promises, a Waitable may settle synchronously, so a whole
 * cluster can run inside one `clock.advance()` with no microtask hops (deterministic and fast).
 */
import type { Clock } from '../clock/clock.js';

export type Cancel = () => void;

export interface Waitable<T> {
  /** Calls `resume` once when settled (possibly synchronously). The returned function stops waiting. */
  subscribe(resume: (value: T) => void): Cancel;
}

/** A program body: yields Waitables, receives their values, returns an exit status. */
export type Task<R = number> = Generator<Waitable<unknown>, R, unknown>;

/** `const v = yield* wait(w)`: typed way to block on a Waitable inside a generator. */
export function* wait<T>(w: Waitable<T>): Generator<Waitable<T>, T, unknown> {
  return (yield w) as T;
}

const noop: Cancel = () => {};

export function resolved<T>(value: T): Waitable<T> {
  return { subscribe: (resume) => (resume(value), noop) };
}

/** Never settles: a server's main loop waiting for a signal. */
export const forever: Waitable<never> = { subscribe: () => noop };

export function sleep(clock: Clock, ms: number): Waitable<void> {
  return {
    subscribe(resume) {
      const t = clock.setTimer(ms, () => resume());
      return () => clock.cancel(t);
    },
  };
}

/** A value that is settled once; any number of waiters. */
export class Deferred<T> implements Waitable<T> {
  private settled = false;
  private result!: T;
  private waiters = new Set<(v: T) => void>();

  get isSettled(): boolean {
    return this.settled;
  }

  get value(): T | undefined {
    return this.settled ? this.result : undefined;
  }

  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.result = value;
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w(value);
  }

  subscribe(resume: (v: T) => void): Cancel {
    if (this.settled) {
      resume(this.result);
      return noop;
    }
    this.waiters.add(resume);
    return () => this.waiters.delete(resume);
  }
}

/** Settles with the first of several Waitables to settle: `{ index, value }`. */
export function race(ws: Waitable<unknown>[]): Waitable<{ index: number; value: unknown }> {
  return {
    subscribe(resume) {
      let done = false;
      const cancels: Cancel[] = [];
      const cancelAll = () => cancels.forEach((c) => c());
      for (let i = 0; i < ws.length && !done; i++) {
        const c = ws[i].subscribe((value) => {
          if (done) return;
          done = true;
          cancelAll();
          resume({ index: i, value });
        });
        if (done) c();
        else cancels.push(c);
      }
      return () => {
        done = true;
        cancelAll();
      };
    },
  };
}

/** Settles the first time a callback-style event source fires; `listen` returns its unsubscribe. */
export function fromEvent<T>(listen: (fire: (v: T) => void) => Cancel): Waitable<T> {
  return {
    subscribe(resume) {
      let done = false;
      let off: Cancel = noop;
      off = listen((v) => {
        if (done) return;
        done = true;
        off();
        resume(v);
      });
      if (done) off();
      return () => {
        done = true;
        off();
      };
    },
  };
}
