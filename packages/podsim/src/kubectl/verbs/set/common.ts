/**
 * What `set env` and `set resources` share (kubectl set_env.go, set_resources.go): the containers a
 * `-c` glob picks, and the last step: sending the changed pod spec, printed as
 * `<kind>/<name> <what> updated` (nothing when nothing changed).
 */
import { jsonEqual } from '../../../api/objects.js';
import type { KubeObject, ResourceInfo } from '../../../api/types.js';
import type { Invocation } from '../../command.js';
import type { DryRun } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { actionLine, printObjects, type OutputFormat } from '../../output.js';
import type { Any } from '../../../api/objects.js';

/** Go filepath.Match over container names (`*`, `?`, `[…]`). */
export function globMatch(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(name);
}

/** The pod spec inside an object: a pod's own, or a workload's template (a copy's, to change). */
export function specOf(obj: Any): Any | undefined {
  if (obj.kind === 'Pod') return obj.spec;
  return obj.spec?.jobTemplate?.spec?.template?.spec ?? obj.spec?.template?.spec;
}

/** Sends the changed copy; `what` names the change (`env`, `resource requirements`), `failure` prefixes a refusal. */
export function sendChange(inv: Invocation, info: ResourceInfo, obj: KubeObject, changed: Any, what: string, dryRun: DryRun, format: OutputFormat | undefined, failure: string): boolean {
  if (jsonEqual(specOf(obj), specOf(changed))) return true;
  let result = changed as KubeObject;
  if (!inv.flags.bool('local') && dryRun !== 'client') {
    // kubectl sends a two-way strategic patch of the two; an update with the changed copy ends the same way.
    const r = inv.api.update(info.resource, obj.metadata.namespace, changed, { dryRun: dryRun === 'server', fieldManager: inv.flags.str('field-manager') });
    if (!r.ok) {
      inv.err(plainError(`${failure} ${r.status.message ?? ''}`));
      return false;
    }
    result = r.value;
  }
  if (format) return printObjects(inv, format, [{ info, obj: result }], { single: true });
  inv.out(actionLine(info, obj.metadata.name ?? '', `${what} updated`, dryRun));
  return true;
}
