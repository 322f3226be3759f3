/**
 * `kubectl rollout undo` (rollback.go): a Deployment gets the template of the ReplicaSet of that revision;
 * a StatefulSet or DaemonSet is patched with the ControllerRevision's data, which replaces its template.
 * A rollback to what is already there is skipped, naming the revision asked for (0 when none was).
 * Like kubectl it goes on past an object it cannot roll back and reports the errors at the end.
 */
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { rolloutTargets } from './rollout-targets.js';
import { aggregateErrors, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import type { TargetObject } from '../../targets.js';
import { sameJson } from '../../../controllers/shared/canonical-json.js';
import { templatePatch } from '../../../controllers/shared/revision-history.js';
import { unsupported, workloadRevisions, type WorkloadRevision } from './workload-history.js';

function withoutHash(template: WorkloadRevision['template']): unknown {
  const tpl = structuredClone(template ?? {});
  if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash'];
  return tpl;
}

/** The rollback's result for kubectl's printer (`rolled back`, `skipped rollback (…)`), or an error text. */
function rollBack(inv: Invocation, t: TargetObject, toRevision: number): { ok: true; operation: string } | { ok: false; error: string } {
  const why = unsupported(t.info, 'rollbacker');
  if (why) return { ok: false, error: why };
  const name = t.obj.metadata.name ?? '';
  const revs = workloadRevisions(inv.api, t.info, t.obj);
  const deployment = t.info.resource === 'deployments';
  if (toRevision < 0) return { ok: false, error: `unable to find specified revision ${toRevision} in history` };
  if (!deployment && toRevision === 0 && revs.length <= 1) return { ok: false, error: 'no last revision to roll back to' };
  const target = toRevision > 0 ? revs.find((r) => r.revision === toRevision) : revs[revs.length - 2];
  if (!target) return { ok: false, error: toRevision > 0 ? `unable to find specified revision ${toRevision} in history` : `no rollout history found for deployment ${JSON.stringify(name)}` };
  if (deployment && (t.obj.spec as { paused?: boolean } | undefined)?.paused)
    return { ok: false, error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  const current = deployment ? (t.obj.spec as { template?: unknown } | undefined)?.template : templatePatch(t.obj as KubeObject & { spec?: Record<string, unknown> });
  if (sameJson(deployment ? withoutHash(target.template) : target.patch, current)) return { ok: true, operation: `skipped rollback (current template already matches revision ${toRevision})` };
  const r = deployment
    ? inv.api.patch('deployments', t.obj.metadata.namespace, name, 'merge', { spec: { template: withoutHash(target.template) } })
    : inv.api.patch(t.info.resource, t.obj.metadata.namespace, name, 'strategic', target.patch);
  if (!r.ok) return { ok: false, error: deployment ? statusErrorText(r.status).replace(/\n$/, '') : `failed restoring revision ${toRevision}: ${r.status.message ?? ''}` };
  return { ok: true, operation: 'rolled back' };
}

export const undo: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'to-revision', type: 'int', default: 0, help: 'The revision to go back to (0: the previous one).' },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
  ],
  *run(inv) {
    const targets = rolloutTargets(inv);
    if (!targets) return 1;
    const errors: string[] = [];
    for (const t of targets) {
      const result = rollBack(inv, t, inv.flags.int('to-revision'));
      if (result.ok) inv.out(actionLine(t.info, t.obj.metadata.name ?? '', result.operation));
      else errors.push(result.error);
    }
    if (errors.length) inv.err(aggregateErrors(errors));
    return errors.length ? 1 : 0;
  },
};
