/**
 * The objects a mutating command acts on: `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l sel`, `TYPE --all`.
 * NotFound errors are printed as kubectl does and end the command.
 */
import type { KubeObject, ResourceInfo, Status } from '../api/types.js';
import type { Invocation } from './command.js';
import { plainError, statusErrorText } from './errors.js';
import { fetchObjects } from './objects.js';
import { NO_RESOURCES_GIVEN, resourceArgs } from './resource-args.js';

export interface TargetObject {
  info: ResourceInfo;
  obj: KubeObject;
}

/** `notFoundText` words a failed lookup the command's own way (default: as `Error from server`). */
export function resolveTargets(
  inv: Invocation,
  args: string[],
  opts: { selector?: string; all?: boolean } = {},
  notFoundText: (status: Status) => string = statusErrorText,
): { ok: true; targets: TargetObject[] } | { ok: false } {
  const parsed = resourceArgs(inv, args);
  if (!parsed) return { ok: false };
  const out: TargetObject[] = [];
  for (const s of parsed.selections) {
    if (s.names.length === 0 && !opts.selector && !opts.all) {
      inv.err(plainError('resource(s) were provided, but no name was specified'));
      return { ok: false };
    }
    const f = fetchObjects(inv, s.info, s.names, { labelSelector: opts.selector });
    if (f.errors.length > 0) {
      inv.err(notFoundText(f.errors[0]));
      return { ok: false };
    }
    for (const obj of f.objects) out.push({ info: s.info, obj });
  }
  return { ok: true, targets: out };
}

/** The objects `args` name, with the resource builder's error when there are no arguments at all. */
export function requiredTargets(inv: Invocation, args: string[]): { ok: true; targets: TargetObject[] } | { ok: false } {
  if (args.length === 0) {
    inv.err(plainError(NO_RESOURCES_GIVEN));
    return { ok: false };
  }
  return resolveTargets(inv, args);
}
