/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND…]` and `create job NAME --from=cronjob/NAME`
 * (kubectl create_job.go): a one-container Job with restartPolicy Never, or a manual run of a
 * CronJob's job template owned by the CronJob.
 */
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import { missingNamespace } from '../../objects.js';
import { resourceArgs } from '../../resource-args.js';
import { COMMON, explicitNs } from './common.js';

type Obj = Record<string, unknown>;

export const IMAGE_FLAG = { name: 'image', type: 'string' as const, help: 'The image the container runs.' };

/** NAME before `--` and the command after it (create's NameFromCommandArgs). */
export function nameAndCommand(inv: Invocation): { name: string; command: string[] } | undefined {
  const named = inv.argsLenAtDash < 0 ? inv.args.length : inv.argsLenAtDash;
  if (named !== 1) {
    inv.err(usageError(inv.commandPath, `exactly one NAME is required, got ${named}`));
    return undefined;
  }
  return { name: inv.args[0], command: inv.args.slice(1) };
}

/** A generated object's metadata as a typed Go object prints it: name, namespace, then `creationTimestamp: null`. */
export function typedMeta(name: string, namespace: string | undefined, rest: Obj = {}): Obj {
  return { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, ...rest };
}

/** The pod template both generators fill: one container named after the object. */
export function podTemplate(name: string, image: string, command: string[], restartPolicy: string): Obj {
  const container: Obj = { name, image };
  if (command.length) container.command = command;
  container.resources = {};
  return { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } };
}

/** The manual run of a CronJob (createJobFromCronJob): its job template, annotated and owned by it. */
function jobFromCronJob(name: string, cj: KubeObject, namespace: string | undefined): KubeObject {
  const tpl = ((cj as unknown as { spec?: { jobTemplate?: { metadata?: Obj; spec?: Obj } } }).spec?.jobTemplate ?? {}) as { metadata?: Obj; spec?: Obj };
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...((tpl.metadata?.annotations as Obj) ?? {}) };
  const spec = structuredClone(tpl.spec ?? {}) as { template?: { metadata?: Obj } };
  if (spec.template) spec.template.metadata = { creationTimestamp: null, ...(spec.template.metadata ?? {}) };
  const labels = tpl.metadata?.labels as Obj | undefined;
  const owner = { apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true };
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: typedMeta(name, namespace, { ...(labels ? { labels } : {}), annotations, ownerReferences: [owner] }),
    spec,
    status: {},
  } as unknown as KubeObject;
}

/** The object `--from` names; only a CronJob will do. */
function fromObject(inv: Invocation, from: string): KubeObject | undefined {
  const args = resourceArgs(inv, [from]);
  if (!args) return undefined;
  const sel = args.selections[0];
  if (sel.names.length === 0) {
    inv.err(plainError('resource(s) were provided, but no name was specified'));
    return undefined;
  }
  const ns = sel.info.namespaced ? inv.namespace : undefined;
  const got = inv.api.get(sel.info.resource, ns, sel.names[0]);
  if (!got.ok) {
    inv.err(statusErrorText(missingNamespace(inv, ns, got.status) ?? got.status));
    return undefined;
  }
  if (sel.info.kind !== 'CronJob') {
    // kubectl names the Go type it decoded: `*v1.Deployment`.
    inv.err(plainError(`unknown object type *${sel.info.version}.${sel.info.kind}`));
    return undefined;
  }
  return got.value;
}

export const job: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  usage: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  examples:
    '# A job that prints a date\nkubectl create job my-job --image=busybox -- date\n\n# A manual run of the cron job "backup"\nkubectl create job backup-now --from=cronjob/backup',
  flags: [...COMMON, { name: 'from', type: 'string', help: 'The resource to make the job from (only cronjob/NAME).' }, IMAGE_FLAG],
  *run(inv) {
    const named = nameAndCommand(inv);
    const c = named && dryRunAndFormat(inv);
    if (!named || !c) return 1;
    const image = inv.flags.str('image');
    const from = inv.flags.str('from');
    if (!image === !from) {
      inv.err(plainError('either --image or --from must be specified'));
      return 1;
    }
    if (from && named.command.length) {
      inv.err(plainError('cannot specify --from and command'));
      return 1;
    }
    let obj: KubeObject;
    if (from) {
      const cj = fromObject(inv, from);
      if (!cj) return 1;
      obj = jobFromCronJob(named.name, cj, explicitNs(inv));
    } else {
      obj = {
        kind: 'Job',
        apiVersion: 'batch/v1',
        metadata: typedMeta(named.name, explicitNs(inv)),
        spec: { template: podTemplate(named.name, image, named.command, 'Never') },
        status: {},
      } as unknown as KubeObject;
    }
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create job:').ok ? 0 : 1;
  },
};
