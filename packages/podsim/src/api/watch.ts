/**
 * Watch fan-out. Each write is turned into per-watcher events at write time (so a watcher never sees
 * writes from before it subscribed) and delivered later, asynchronously, from one zero-delay clock timer,
 * in write order. Selector transitions follow the apiserver cacher: an object that starts matching
 * arrives as ADDED, one that stops matching as DELETED.
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { KubeObject, WatchEvent } from './types.js';

export type EventType = WatchEvent['type'];

interface Watcher {
  resource: string;
  matches(obj: KubeObject): boolean;
  handler(ev: WatchEvent): void;
  closed: boolean;
}

interface Change {
  rv: number;
  resource: string;
  type: EventType;
  object: KubeObject;
  old?: KubeObject;
}

/** How many past changes a watch from an explicit resourceVersion can replay. */
const HISTORY = 2000;

export class WatchHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private queue: { watcher: Watcher; event: WatchEvent }[] = [];
  private timer: TimerHandle | undefined;
  private readonly history: Change[] = [];
  private historyStart = 0;

  constructor(private readonly clock: Clock) {}

  /**
   * Starts a watch. `initial` events (ADDED for RV "0") are queued first; `sinceRv` replays
   * retained changes newer than it.
   */
  subscribe(resource: string, matches: (obj: KubeObject) => boolean, handler: (ev: WatchEvent) => void, opts: { initial?: KubeObject[]; sinceRv?: number }): () => void {
    const w: Watcher = { resource, matches, handler, closed: false };
    for (const object of opts.initial ?? []) this.enqueue(w, { type: 'ADDED', object });
    if (opts.sinceRv !== undefined) {
      for (let i = this.historyStart; i < this.history.length; i++) {
        const c = this.history[i];
        if (c.rv > opts.sinceRv && c.resource === resource) this.route(w, c);
      }
    }
    let set = this.watchers.get(resource);
    if (!set) this.watchers.set(resource, (set = new Set()));
    set.add(w);
    return () => {
      w.closed = true;
      set.delete(w);
    };
  }

  publish(resource: string, type: EventType, object: KubeObject, old?: KubeObject): void {
    const change: Change = { rv: Number(object.metadata.resourceVersion), resource, type, object, old };
    this.remember(change);
    const set = this.watchers.get(resource);
    if (set) for (const w of set) this.route(w, change);
  }

  private remember(c: Change): void {
    this.history.push(c);
    // Drop old entries in chunks so the array is compacted rarely.
    if (this.history.length - this.historyStart > HISTORY) this.historyStart++;
    if (this.historyStart > HISTORY) {
      this.history.splice(0, this.historyStart);
      this.historyStart = 0;
    }
  }

  private route(w: Watcher, c: Change): void {
    const now = w.matches(c.object);
    if (c.type !== 'MODIFIED') {
      if (now) this.enqueue(w, { type: c.type, object: c.object });
      return;
    }
    const before = c.old !== undefined && w.matches(c.old);
    if (now) this.enqueue(w, { type: before ? 'MODIFIED' : 'ADDED', object: c.object });
    else if (before) this.enqueue(w, { type: 'DELETED', object: c.object });
  }

  private enqueue(watcher: Watcher, event: WatchEvent): void {
    this.queue.push({ watcher, event });
    this.timer ??= this.clock.setTimer(0, () => this.deliver());
  }

  private deliver(): void {
    const batch = this.queue;
    this.queue = [];
    this.timer = undefined;
    let failure: unknown;
    for (const { watcher, event } of batch) {
      if (watcher.closed) continue;
      try {
        watcher.handler(event);
      } catch (e) {
        // One faulty handler must not starve the others; the first error still surfaces.
        failure ??= e;
      }
    }
    if (failure !== undefined) throw failure;
  }
}
