import { defaultContainer } from './defaults/pod.js';
import type { Obj } from './kinds/strategy.js';
import { mutableCopy } from './objects.js';
import { invalid } from './status.js';
import type { ApiResult } from './types.js';
import { validateEphemeralUpdate } from './validation/ephemeral.js';

/**
 * The pods/ephemeralcontainers subresource: only the body's spec.ephemeralContainers is taken, defaulted,
 * and it may only add containers (the API server's ephemeral container update validation).
 */
export function withEphemeralContainers(kind: string, old: Obj, body: Obj): ApiResult<Obj> {
  const spec = (old.spec ?? {}) as Record<string, unknown>;
  const requested = (body.spec as { ephemeralContainers?: unknown } | undefined)?.ephemeralContainers;
  const list = (Array.isArray(requested) ? mutableCopy(requested) : []) as Record<string, unknown>[];
  for (const c of list) defaultContainer(c);
  const errs = validateEphemeralUpdate(list, (spec.ephemeralContainers as Record<string, unknown>[] | undefined) ?? [], spec);
  if (errs.length) return { ok: false, status: invalid(kind, String(old.metadata.name), errs) };
  return { ok: true, value: { ...old, metadata: { ...old.metadata }, spec: { ...spec, ephemeralContainers: list } } };
}
