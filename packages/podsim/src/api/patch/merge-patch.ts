/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, everything else replaces. */
import { isObject, mutableCopy } from '../objects.js';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return mutableCopy(patch);
  const out: Record<string, unknown> = isObject(target) ? mutableCopy(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
