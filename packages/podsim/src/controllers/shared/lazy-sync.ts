/**
 * A controller whose sync is a lazy part (lazy/part.ts): the controller watches from the start, and a
 * key that comes before the part is there is synced once it is.
 */
import type { LazyPart } from '../../lazy/part.js';

export class LazySync<T, S extends { sync(key: string): void }> {
  private syncer: S | undefined;

  constructor(
    private readonly part: LazyPart<T>,
    private readonly make: (contents: T) => S,
  ) {}

  /** The sync, once a key was synced. */
  get current(): S | undefined {
    return this.syncer;
  }

  /** Syncs `key` now, or hands it to `requeue` once the part is there. */
  run(key: string, requeue: (key: string) => void): void {
    if (!this.part.loaded) {
      this.part.whenLoaded().subscribe(() => requeue(key));
      return;
    }
    (this.syncer ??= this.make(this.part.get())).sync(key);
  }
}
