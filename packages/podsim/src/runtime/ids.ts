import type { Random } from '../random/random.js';

/**
 * A 64-hex container/sandbox ID, as containerd makes them. Built character by character it is a
 * tree of ~50 string pieces until first read; flattening it at once keeps each ID at its 64 bytes,
 * which counts with thousands of pods.
 */
export function containerId(random: Random): string {
  const id = random.hex(64);
  id.charCodeAt(0);
  return id;
}
