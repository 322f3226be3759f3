/**
 * A kubectl command whose code lives in a lazily provided part (lazy/part.ts): its name is known at
 * once, everything else is read from the part when used. kubectl's main waits for the part first.
 */
import type { LazyPart } from '../lazy/part.js';
import type { Command } from './command.js';

export function lazyCommand<K extends string>(part: LazyPart<Record<K, Command>>, name: K): Command {
  return new Proxy({ name } as unknown as Command, {
    get: (_target, prop) => (prop === 'name' ? name : Reflect.get(part.get()[name], prop)),
    has: (_target, prop) => Reflect.has(part.get()[name], prop),
  });
}
