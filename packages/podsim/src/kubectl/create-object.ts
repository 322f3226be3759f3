/**
 * The last step of every imperative create (`create deployment`, `run`, `expose`…): print it for
 * `--dry-run=client`, else send it and print `<kind>/<name> created` or the requested format.
 */
import { findResourceByKind } from '../api/resources.js';
import { asVersion } from '../api/versions/index.js';
import type { KubeObject } from '../api/types.js';
import type { Invocation } from './command.js';
import type { DryRun } from './dry-run.js';
import { plainError, statusErrorText } from './errors.js';
import { forServer } from './generators.js';
import { actionLine, printObjects, type OutputFormat } from './output.js';

/**
 * `failedTo` is the prefix of generators that wrap the server's refusal, each its own way:
 * `failed to create deployment:` (then the message), `failed to create secret` (no colon).
 */
export function createObject(inv: Invocation, obj: KubeObject, format: OutputFormat | undefined, dryRun: DryRun, action = 'created', failedTo?: string, fieldManager = 'kubectl-create'): { ok: true; obj: KubeObject } | { ok: false } {
  const info = findResourceByKind(obj.apiVersion, obj.kind);
  if (!info) {
    inv.err(plainError(`no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}`));
    return { ok: false };
  }
  let result = obj;
  if (dryRun !== 'client') {
    const ns = info.namespaced ? (obj.metadata.namespace ?? inv.namespace) : undefined;
    const r = inv.api.create(info.resource, ns, forServer(obj), { dryRun: dryRun === 'server', fieldManager, fieldValidation: 'Strict' });
    if (!r.ok) {
      inv.err(failedTo ? plainError(`${failedTo} ${r.status.message ?? ''}`) : statusErrorText(r.status));
      return { ok: false };
    }
    // The server answers in the version the object was sent in (an autoscaling/v1 autoscaler stays v1).
    result = asVersion(info.resource, obj.apiVersion, r.value);
  }
  if (format) return printObjects(inv, format, [{ info, obj: result }], { single: true, structOrder: dryRun === 'client' }) ? { ok: true, obj: result } : { ok: false };
  inv.out(actionLine(info, result.metadata.name ?? '', action, dryRun));
  return { ok: true, obj: result };
}
