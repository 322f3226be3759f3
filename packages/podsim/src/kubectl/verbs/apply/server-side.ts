/**
 * `kubectl apply --server-side [--force-conflicts] [--field-manager=NAME]`: sends each object as an
 * apply patch (the API server merges it and tracks field ownership) and prints `serverside-applied`;
 * a conflict gets kubectl's advice paragraph. Models kubectl pkg/cmd/apply/apply.go (applyOneObject).
 */
import type { KubeObject, Status } from '../../../api/types.js';
import type { Invocation } from '../../command.js';
import type { DryRun } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { Target } from '../../manifest-target.js';
import { claimLastApplied, migrateClientSideOwners } from './migrate.js';

export const CLIENT_SIDE_MANAGER = 'kubectl-client-side-apply';

export const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

export interface ServerSideOptions {
  fieldManager: string;
  force: boolean;
  dryRun: DryRun;
}

/** The flag checks kubectl makes before any request; undefined when the combination is fine. */
export function serverSideFlagError(serverSide: boolean, force: boolean, dryRun: DryRun): string | undefined {
  if (force && !serverSide) return plainError('--force-conflicts only works with --server-side');
  if (serverSide && dryRun === 'client') return plainError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  return undefined;
}

/** kubectl swaps its client-side default manager for `kubectl` when applying on the server. */
export function serverSideManager(flag: string): string {
  return flag === CLIENT_SIDE_MANAGER ? 'kubectl' : flag;
}

function isApplyConflict(s: Status): boolean {
  return s.reason === 'Conflict' && !!s.details?.causes?.some((c) => c.reason === 'FieldManagerConflict');
}

export function applyServerSide(inv: Invocation, t: Target, o: ServerSideOptions): { ok: true; obj: KubeObject } | { ok: false; error: string } {
  const r = inv.api.patch(t.info.resource, t.namespace, t.name, 'apply', t.obj, { fieldManager: o.fieldManager, force: o.force, dryRun: o.dryRun === 'server', fieldValidation: 'Strict' });
  if (!r.ok) return { ok: false, error: isApplyConflict(r.status) ? `${plainError(r.status.message ?? '')}${CONFLICT_ADVICE}` : statusErrorText(r.status) };
  if (o.dryRun !== 'none') return { ok: true, obj: r.value };
  const claimed = claimLastApplied(inv, t, r.value, o.fieldManager);
  if (!claimed.ok) return { ok: false, error: statusErrorText(claimed.status) };
  return { ok: true, obj: migrateClientSideOwners(inv, t, r.value, o.fieldManager, o.force) };
}
