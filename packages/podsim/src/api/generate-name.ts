/**
 * metadata.generateName: the base cut to 58 characters, then a 5-character random suffix, retried a
 * few times on a collision before giving in (apiserver names.SimpleNameGenerator, RetryGenerateName).
 */
import type { Random } from '../random/random.js';

const MAX_GENERATED_BASE = 58;
const TRIES = 8;

export function generateName(random: Random, base: string, taken: (name: string) => boolean): string {
  const prefix = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  for (let i = 0; i < TRIES; i++) {
    const name = prefix + random.nameSuffix();
    if (!taken(name)) return name;
  }
  return prefix + random.nameSuffix();
}
