/**
 * What `set env` and `set resources` share (kubectl set_env.go, set_resources.go): the containers a
 * `-c` glob picks, and the last step: sending the changed pod spec, printed as
 * `<kind>/<name> <what> updated` (nothing when nothing changed).
 */
import { jsonEqual, type Any } from '../../../api/objects.js';
import type { KubeObject, ResourceInfo } from '../../../api/types.js';
import type { Invocation } from '../../command.js';
import { DRY_RUN_FLAG, type DryRun } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { printChanged, type OutputFormat } from '../../output.js';
import { OUTPUT_FLAG } from '../patch/patch.js';

/** The flags of every `set` verb that changes pod templates; each verb adds its own. */
export const TEMPLATE_FLAGS: readonly FlagSpec[] = [
  { name: 'all', type: 'bool', default: false, help: 'Every object of the type in the namespace.' },
  { name: 'containers', short: 'c', type: 'string', default: '*', help: 'Names of the containers to change (a glob).' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-set', help: 'Name of the manager tracking field ownership.' },
  { name: 'local', type: 'bool', default: false, help: 'Change only the printed copy; nothing is sent.' },
  OUTPUT_FLAG,
  { name: 'selector', short: 'l', type: 'string', help: 'Label selector of the objects to change.' },
];

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

/** A writable copy of `obj` and the containers of its pod spec (init containers first) that `-c` picks. */
export function containersToChange(inv: Invocation, obj: KubeObject): { copy: Any; containers: Any[] } {
  const copy = structuredClone(obj) as Any;
  const spec = specOf(copy) ?? {};
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c: Any) => globMatch(inv.flags.str('containers'), c.name));
  return { copy, containers };
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
  return printChanged(inv, format, info, result, `${what} updated`, dryRun, obj.metadata.name ?? '');
}
