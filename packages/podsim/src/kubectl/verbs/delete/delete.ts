/**
 * `kubectl delete`: by names, TYPE/NAME, -f, -l or --all; prints `pod "x" deleted` as soon as the API
 * accepted it, then (default --wait) blocks in virtual time until each object is gone.
 * Grace-period rules of kubectl pkg/cmd/delete/delete.go (Complete/Validate).
 */
import type { DeleteOptions, KubeObject, ResourceInfo } from '../../../api/types.js';
import { wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, dryRunOf } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { readTargets } from '../../manifest-target.js';
import { fetchObjects } from '../../objects.js';
import { kindPrefix, resourceArgs } from '../../resource-args.js';
import { untilGone } from '../../wait-gone.js';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, SELECTOR_FLAG } from '../get/get.js';

const FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool', default: false, help: 'Delete every object of the given types in the namespace.' },
  ALL_NAMESPACES_FLAG,
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', help: 'background, orphan or foreground: what happens to dependents (e.g. the pods of a ReplicaSet).' },
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  { name: 'force', type: 'bool', default: false, help: 'Remove the object from the API at once, without waiting for the kubelet to stop it.' },
  { name: 'grace-period', type: 'int', default: -1, help: 'Seconds the object gets to stop (negative: its own default; 1: immediately).' },
  { name: 'ignore-not-found', type: 'bool', default: false, help: 'Do not fail for objects that do not exist.' },
  { name: 'now', type: 'bool', default: false, help: 'Same as --grace-period=1.' },
  SELECTOR_FLAG,
  { name: 'timeout', type: 'duration', default: '0s', help: 'How long to wait for the deletion (0: no limit).' },
  { name: 'wait', type: 'bool', default: true, help: 'Wait until the objects are gone before returning.' },
];

export const NO_RESOURCES_GIVEN =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

interface Victim {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

function gracePeriod(inv: Invocation): { ok: true; grace: number } | { ok: false; message: string } {
  let grace = inv.flags.int('grace-period');
  const force = inv.flags.bool('force');
  if (inv.flags.bool('now')) {
    if (grace !== -1) return { ok: false, message: '--now and --grace-period cannot be specified together' };
    grace = 1;
  }
  if (force && grace > 0) return { ok: false, message: '--force and --grace-period greater than 0 cannot be specified together' };
  if (force && grace < 0) grace = 0;
  if (!force && grace === 0) grace = 1;
  return { ok: true, grace };
}

function* victimsOf(inv: Invocation) {
  const out: Victim[] = [];
  const files = inv.flags.list('filename');
  if (files.length > 0) {
    const read = yield* readTargets(inv, files, 'delete');
    if (!read) return { ok: false as const, error: '' };
    for (const t of read.targets) out.push({ info: t.info, namespace: t.namespace, name: t.name });
    return { ok: true as const, victims: out, missing: [] as string[] };
  }
  const parsed = resourceArgs(inv, inv.args);
  if (!parsed) return { ok: false as const, error: '' };
  const selector = inv.flags.str('selector');
  const all = inv.flags.bool('all');
  const allNs = inv.flags.bool('all-namespaces');
  const missing: string[] = [];
  for (const sel of parsed.selections) {
    if (sel.names.length === 0 && !selector && !all && !inv.flags.str('field-selector')) {
      return { ok: false as const, error: plainError('resource(s) were provided, but no name was specified') };
    }
    const fetched = fetchObjects(inv, sel.info, sel.names, { labelSelector: selector, fieldSelector: inv.flags.str('field-selector'), allNamespaces: allNs });
    for (const e of fetched.errors) if (!(e.reason === 'NotFound' && (inv.flags.bool('ignore-not-found') || all))) missing.push(statusErrorText(e));
    for (const o of fetched.objects) out.push({ info: sel.info, namespace: sel.info.namespaced ? o.metadata.namespace : undefined, name: o.metadata.name ?? '' });
  }
  return { ok: true as const, victims: out, missing };
}

function* runDelete(inv: Invocation) {
  if (inv.args.length === 0 && inv.flags.list('filename').length === 0) {
    inv.err(plainError(NO_RESOURCES_GIVEN));
    return 1;
  }
  if (inv.flags.bool('all') && inv.flags.str('selector')) {
    inv.err(plainError("setting 'all' parameter but found a non empty selector. "));
    return 1;
  }
  const g = gracePeriod(inv);
  if (!g.ok) {
    inv.err(plainError(g.message));
    return 1;
  }
  const dryRun = dryRunOf(inv);
  if (!dryRun) return 1;
  const cascade = inv.flags.str('cascade');
  const policy = ({ background: 'Background', orphan: 'Orphan', foreground: 'Foreground' } as const)[cascade as 'background'];
  if (!policy) {
    inv.err(plainError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`));
    return 1;
  }
  const found = yield* victimsOf(inv);
  if (!found.ok) {
    inv.err(found.error);
    return 1;
  }
  const force = inv.flags.bool('force') && g.grace === 0;
  if (force) inv.err(FORCE_WARNING);
  const opts: DeleteOptions = { propagationPolicy: policy, dryRun: dryRun === 'server' };
  if (g.grace >= 0) opts.gracePeriodSeconds = g.grace;
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  let code = 0;
  const deleted: { v: Victim; obj: KubeObject }[] = [];
  for (const v of found.victims) {
    if (dryRun === 'client') {
      inv.out(`${kindPrefix(v.info)} "${v.name}" deleted${suffix}\n`);
      continue;
    }
    const r = inv.api.delete(v.info.resource, v.namespace, v.name, opts);
    if (!r.ok) {
      if (r.status.reason === 'NotFound' && (inv.flags.bool('ignore-not-found') || inv.flags.bool('all'))) continue;
      inv.err(statusErrorText(r.status));
      code = 1;
      continue;
    }
    inv.out(`${kindPrefix(v.info)} "${v.name}" ${force ? 'force deleted' : 'deleted'}${suffix}\n`);
    deleted.push({ v, obj: r.value });
  }
  for (const m of found.missing) inv.err(m);
  if (found.missing.length > 0) code = 1;
  if (found.victims.length === 0 && found.missing.length === 0) inv.out("No resources found\n");
  if (inv.flags.bool('wait') && dryRun === 'none') {
    for (const d of deleted) yield* wait(untilGone(inv.api, d.v.info.resource, d.v.namespace, d.v.name, d.obj.metadata.uid));
  }
  return code;
}

export const del: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  examples: '# Delete a pod and wait until it is gone\nkubectl delete pod nginx\n\n# Delete without waiting for the container to stop\nkubectl delete pod nginx --grace-period=0 --force',
  flags: FLAGS,
  run: runDelete,
};
