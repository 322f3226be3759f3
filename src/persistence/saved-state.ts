/** The sandbox of each page, saved in this browser's IndexedDB so a reload continues where it was. */
import { del, get, set } from 'idb-keyval';
import type { SavedState } from 'podsim';

const key = (page: string) => `podlab:sandbox:${page}`;

export function loadState(page: string): Promise<SavedState | undefined> {
  return get<SavedState>(key(page)).catch(() => undefined);
}

export function saveState(page: string, state: SavedState): Promise<void> {
  return set(key(page), state).catch(() => undefined);
}

export function clearState(page: string): Promise<void> {
  return del(key(page)).catch(() => undefined);
}

/** Runs `fn` at most once per `ms`, always once after the last call. */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  return () => {
    if (timer) {
      pending = true;
      return;
    }
    fn();
    timer = setTimeout(function again() {
      timer = undefined;
      if (pending) {
        pending = false;
        fn();
        timer = setTimeout(again, ms);
      }
    }, ms);
  };
}
