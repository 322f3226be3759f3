import type { Obj } from './kinds/strategy.js';
import { conflict } from './status.js';
import type { ResourceInfo, Status } from './types.js';

/**
 * resourceVersion and uid in a written body act as preconditions: a writer holding an older object (or one
 * of a deleted namesake) conflicts instead of overwriting what it never saw.
 */
export function preconditionFailure(info: ResourceInfo, meta: { resourceVersion?: unknown; uid?: unknown }, old: Obj): Status | undefined {
  const name = old.metadata.name!;
  if (meta.uid && meta.uid !== old.metadata.uid)
    return conflict(info.resource, name, info.group || undefined, `Precondition failed: UID in precondition: ${String(meta.uid)}, UID in object meta: ${old.metadata.uid}`);
  if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) return conflict(info.resource, name, info.group || undefined);
  return undefined;
}
