/**
 * PATCH with `application/apply-patch+yaml` (server-side apply): the configuration is decoded like any
 * body (strict field validation included), merged into the live object or used to create it, and the
 * field owners recomputed (managed-fields.ts). Writes go through the ApiServer's ordinary create and
 * update, so defaulting, validation and watch events are the usual ones.
 */
import { decodeObject } from '../decode/decode.js';
import { isObject, jsonCopy, rfc3339 } from '../objects.js';
import { apiVersionOf } from '../resources.js';
import { badRequest, unknownError } from '../status.js';
import type { ApiClient, ApiResult, KubeObject, ResourceInfo, Status, WriteOptions } from '../types.js';
import type { Clock } from '../../clock/clock.js';
import { pathString, undeclaredFields, type Path } from './fieldset.js';
import { planApply, type FieldOwnership } from './managed-fields.js';

/** structured-merge-diff's refusal of undeclared fields, whatever the fieldValidation (fieldmanager objectGVKNN). */
function typedPatchError(info: ResourceInfo, config: Record<string, unknown>, paths: Path[]): Status {
  const meta = isObject(config.metadata) ? config.metadata : {};
  const where = `${String(meta.namespace ?? '')}/${String(meta.name ?? '')}; ${info.group}/${info.version}, Kind=${info.kind}`;
  const errs = paths.map((p) => `${pathString(p)}: field not declared in schema`);
  return unknownError(`failed to create typed patch object (${where}): ${errs.length === 1 ? errs[0] : `errors:\n  ${errs.join('\n  ')}`}`);
}

/** The writes an apply goes through: the server's ordinary get, create and update. */
export type ApplyBackend = Pick<ApiClient, 'get' | 'create' | 'update'> & { clock: Clock };

export function serverSideApply<T extends KubeObject>(api: ApplyBackend, fields: FieldOwnership, info: ResourceInfo, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions): ApiResult<T> {
  if (!opts.fieldManager) return { ok: false, status: badRequest('fieldManager is required for apply requests') };
  const copy = jsonCopy(body);
  if (!copy.ok || !isObject(copy.value)) return { ok: false, status: badRequest('error decoding YAML: the applied configuration must be an object') };
  const applied = copy.value as Record<string, unknown>;
  const undeclared = undeclaredFields(info.kind, applied);
  if (undeclared.length) return { ok: false, status: typedPatchError(info, applied, undeclared) };
  const decoded = decodeObject(info, applied, opts.fieldValidation, true);
  if (!decoded.ok) return decoded;
  const config = decoded.value;
  config.metadata.name ??= name;
  if (config.metadata.name !== name) return { ok: false, status: badRequest(`the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`) };
  const live = api.get(info.resource, namespace, name);
  if (!live.ok && live.status.code !== 404) return live;
  const writer = { manager: opts.fieldManager, apiVersion: apiVersionOf(info), time: rfc3339(api.clock.now()) };
  const current = live.ok ? (live.value as unknown as Record<string, unknown>) : undefined;
  const plan = planApply(info.kind, fields.of(live.ok ? live.value.metadata.uid : undefined), current, config, writer, opts.force === true);
  if (!plan.ok) return plan;
  const write: WriteOptions = { dryRun: opts.dryRun, fieldValidation: 'Ignore' };
  const r = live.ok ? api.update<T>(info.resource, namespace, plan.merged, write) : api.create<T>(info.resource, namespace, plan.merged, write);
  if (!r.ok) return r;
  if (!opts.dryRun) fields.set(r.value.metadata.uid, plan.owners(r.value as unknown as Record<string, unknown>));
  const warnings = [...decoded.warnings, ...(r.warnings ?? [])];
  return warnings.length ? { ...r, warnings } : r;
}
