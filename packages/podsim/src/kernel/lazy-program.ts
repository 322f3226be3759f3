/**
 * Programs that live in a lazily provided part (lazy/part.ts): their names are known at once (for
 * $PATH lookup, `which`, Tab completion); a process that starts one before the part is there waits
 * for it, then runs it.
 */
import type { LazyPart } from '../lazy/part.js';
import type { Program } from './process.js';

export function lazyPrograms<K extends string>(part: LazyPart<Record<K, Program>>, names: readonly K[]): Record<K, Program> {
  const out = {} as Record<K, Program>;
  for (const name of names) {
    out[name] = function* (proc) {
      if (!part.loaded) yield part.whenLoaded();
      return yield* part.get()[name](proc);
    };
  }
  return out;
}
