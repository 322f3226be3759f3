/**
 * Lazily provided parts of the simulator: code that most sessions never run (rare kubectl verbs,
 * image families beyond the course's, language runtimes, client tools). A part's contents are a
 * `*.lazy.ts` module that the part's owner imports statically, so Node (tests, CLI, `podsim serve`)
 * has everything at once and virtual time stays deterministic. The site's worker is built with those
 * imports cut (src/build/lazy-parts.ts) and provides each part from a chunk of its own
 * (`podsim/lazy-parts`) before any input runs.
 */

/** The Waitable shape of kernel/waitable.ts, which this layer is below. */
interface Settles {
  subscribe(cb: (value: void) => void): () => void;
}

export class LazyPart<T> {
  private value: T | undefined;
  private readonly waiting = new Set<() => void>();

  constructor(
    readonly name: string,
    bundled: T | undefined,
  ) {
    this.value = bundled;
    PARTS.set(name, this as LazyPart<unknown>);
  }

  get loaded(): boolean {
    return this.value !== undefined;
  }

  /** The part's contents; only code that runs after the host provided it may ask. */
  get(): T {
    if (this.value === undefined) throw new Error(`podsim: the ${this.name} part is not loaded yet`);
    return this.value;
  }

  provide(value: T): void {
    if (this.value !== undefined) return;
    this.value = value;
    for (const wake of [...this.waiting]) wake();
    this.waiting.clear();
  }

  /** Settles once the part is there (at once when it already is): a program yields it before using the part. */
  whenLoaded(): Settles {
    return {
      subscribe: (cb) => {
        if (this.loaded) {
          cb();
          return () => undefined;
        }
        const wake = () => cb();
        this.waiting.add(wake);
        return () => this.waiting.delete(wake);
      },
    };
  }
}

const PARTS = new Map<string, LazyPart<unknown>>();

/** Every part declared so far, by name. */
export function lazyParts(): ReadonlyMap<string, LazyPart<unknown>> {
  return PARTS;
}

/** Settles once every part is loaded, or undefined when all are: a command that may use any part yields it first. */
export function whenAllLoaded(): Settles | undefined {
  const missing = [...PARTS.values()].filter((p) => !p.loaded);
  if (missing.length === 0) return undefined;
  return {
    subscribe(cb) {
      let left = missing.length;
      const cancels = missing.map((p) => p.whenLoaded().subscribe(() => --left === 0 && cb()));
      return () => cancels.forEach((cancel) => cancel());
    },
  };
}

/** Fills the part `name` with a loaded chunk's default export. */
export function provideLazyPart(name: string, value: unknown): void {
  const part = PARTS.get(name);
  if (!part) throw new Error(`podsim: no lazy part named ${name}`);
  part.provide(value);
}
