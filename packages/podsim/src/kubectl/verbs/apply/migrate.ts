/**
 * Bookkeeping kubectl does after a server-side apply of an object that client-side apply managed.
 * The last-applied annotation gets an Apply owner (`kubectl-last-applied`) so that server-side apply
 * does not drop it (kubectl saveLastApplyAnnotationIfNecessary). Then kubectl hands the fields its client-side apply owned to the server-side
 * manager and applies again, so that fields dropped from the manifest really go (kubectl
 * migrateToSSAIfNecessary over client-go csaupgrade). The client-side managers are the Update owners of
 * the last-applied annotation.
 */
import type { ManagedFieldsEntry } from 'kubernetes-types/meta/v1';
import { fromFieldsV1, toFieldsV1, union } from '../../../api/apply/fieldset.js';
import type { ApiResult, KubeObject } from '../../../api/types.js';
import { LAST_APPLIED } from '../../apply/last-applied.js';
import type { Invocation } from '../../command.js';
import type { Target } from '../../manifest-target.js';

const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

const isUpdateBy = (e: ManagedFieldsEntry, manager: string): boolean => e.manager === manager && e.operation === 'Update' && !e.subresource;

function ownsLastApplied(e: ManagedFieldsEntry): boolean {
  const annotations = (e.fieldsV1 as Record<string, Record<string, Record<string, unknown>>> | undefined)?.['f:metadata']?.['f:annotations'];
  return !!annotations && `f:${LAST_APPLIED}` in annotations;
}

/** Applies the annotation as it is under its own manager, unless an applier owns it already (default manager only). */
export function claimLastApplied(inv: Invocation, t: Target, obj: KubeObject, fieldManager: string): ApiResult<unknown> {
  const value = obj.metadata.annotations?.[LAST_APPLIED];
  const entries = inv.api.managedFields?.(obj) ?? [];
  if (fieldManager !== 'kubectl' || value === undefined || entries.some((e) => e.operation === 'Apply' && ownsLastApplied(e))) return { ok: true, value: obj };
  const metadata: Record<string, unknown> = { name: t.name, annotations: { [LAST_APPLIED]: value } };
  if (obj.metadata.namespace) metadata.namespace = obj.metadata.namespace;
  return inv.api.patch(t.info.resource, t.namespace, t.name, 'apply', { apiVersion: obj.apiVersion, kind: obj.kind, metadata }, { fieldManager: LAST_APPLIED_MANAGER });
}

/** csaupgrade.UpgradeManagedFields: the client-side entries folded into the server-side manager's. */
function upgrade(entries: ManagedFieldsEntry[], csaManagers: Set<string>, ssaManager: string): ManagedFieldsEntry[] {
  let out = entries.map((e) => ({ ...e }));
  for (const csa of csaManagers) {
    let i = out.findIndex((e) => e.manager === ssaManager && e.operation === 'Apply' && !e.subresource);
    if (i < 0) {
      i = out.findIndex((e) => isUpdateBy(e, csa));
      if (i < 0) continue;
      out[i] = { ...out[i], manager: ssaManager, operation: 'Apply' };
    }
    const target = out[i];
    const merged = out.filter((e) => isUpdateBy(e, csa)).reduce((acc, e) => union(acc, fromFieldsV1(e.fieldsV1)), fromFieldsV1(target.fieldsV1));
    target.fieldsV1 = toFieldsV1(merged);
    out = out.filter((e) => !isUpdateBy(e, csa));
  }
  return out;
}

/** Migrates and re-applies; failures of the re-apply are a warning, as in kubectl. */
export function migrateClientSideOwners(inv: Invocation, t: Target, obj: KubeObject, fieldManager: string, force: boolean): KubeObject {
  const entries = inv.api.managedFields?.(obj) ?? [];
  const csa = new Set(entries.filter((e) => e.operation === 'Update' && ownsLastApplied(e)).map((e) => e.manager ?? ''));
  if (csa.size === 0) return obj;
  const upgraded = upgrade(entries, csa, fieldManager);
  const patch = [
    { op: 'replace', path: '/metadata/managedFields', value: upgraded },
    { op: 'replace', path: '/metadata/resourceVersion', value: obj.metadata.resourceVersion },
  ];
  const migrated = inv.api.patch(t.info.resource, t.namespace, t.name, 'json', patch);
  if (!migrated.ok) return obj;
  const again = inv.api.patch(t.info.resource, t.namespace, t.name, 'apply', t.obj, { fieldManager, force });
  if (again.ok) return again.value;
  inv.err(`Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${again.status.message ?? ''}\n`);
  return migrated.value;
}
