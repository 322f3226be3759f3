/**
 * `kubectl delete`: by names, TYPE/NAME, -f, -l or --all; prints `pod "x" deleted` as soon as the API
 * accepted it, then (default --wait) blocks in virtual time until each object is gone.
 * Models kubectl pkg/cmd/delete/delete.go: flags and arguments are checked (Complete/Validate) before any request.
 */
import type { DeleteOptions, KubeObject, ResourceInfo } from '../../../api/types.js';
import { wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, parseDryRun, type DryRun } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { manifestArgsGiven, readTargets } from '../../manifest-target.js';
import { fetchObjects } from '../../objects.js';
import { kindPrefix, NO_RESOURCES_GIVEN, parseResourceArgs, type ResourceSelection } from '../../resource-args.js';
import { failed, runSteps, type Completed, type VerbSteps } from '../../steps.js';
import { untilGone } from '../../wait-gone.js';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, KUSTOMIZE_FLAG, SELECTOR_FLAG } from '../get/get.js';

const FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool', default: false, help: 'Delete every object of the given types in the namespace.' },
  ALL_NAMESPACES_FLAG,
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', help: 'background, orphan or foreground: what happens to dependents (e.g. the pods of a ReplicaSet).' },
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  { name: 'force', type: 'bool', default: false, help: 'Remove the object from the API at once, without waiting for the kubelet to stop it.' },
  { name: 'grace-period', type: 'int', default: -1, help: 'Seconds the object gets to stop (negative: its own default; 1: immediately).' },
  { name: 'ignore-not-found', type: 'bool', default: false, help: 'Do not fail for objects that do not exist.' },
  { name: 'now', type: 'bool', default: false, help: 'Same as --grace-period=1.' },
  SELECTOR_FLAG,
  { name: 'timeout', type: 'duration', default: '0s', help: 'How long to wait for the deletion (0: no limit).' },
  { name: 'wait', type: 'bool', default: true, help: 'Wait until the objects are gone before returning.' },
];

export { NO_RESOURCES_GIVEN };

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

interface Victim {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

/** What `kubectl delete` was asked to do (upstream DeleteOptions). */
export interface DeleteCommandOptions {
  /** The objects named by arguments (resolved against the built-in API resources); empty with -f. */
  selections: ResourceSelection[];
  filenames: string[];
  fromManifests: boolean;
  labelSelector: string;
  fieldSelector: string;
  deleteAll: boolean;
  allNamespaces: boolean;
  ignoreNotFound: boolean;
  force: boolean;
  /** Seconds; -1 leaves the object's own grace period. */
  gracePeriod: number;
  cascade: NonNullable<DeleteOptions['propagationPolicy']>;
  dryRun: DryRun;
  wait: boolean;
}

const CASCADE = { background: 'Background', orphan: 'Orphan', foreground: 'Foreground' } as const;

/** The grace period after --now and --force (upstream Complete), or kubectl's error. */
function gracePeriod(inv: Invocation): { ok: true; grace: number } | { ok: false; message: string } {
  let grace = inv.flags.int('grace-period');
  const force = inv.flags.bool('force');
  if (inv.flags.bool('now')) {
    if (grace !== -1) return { ok: false, message: '--now and --grace-period cannot be specified together' };
    grace = 1;
  }
  if (!force && grace === 0) grace = 1;
  if (force && grace < 0) grace = 0;
  return { ok: true, grace };
}

/** The resource builder's checks of arguments against selectors (cli-runtime builder.go visitorResult). */
function selectionsOf(inv: Invocation, labelSelector: string, fieldSelector: string, deleteAll: boolean): Completed<ResourceSelection[]> {
  if (deleteAll && (labelSelector || fieldSelector)) return failed(plainError("setting 'all' parameter but found a non empty selector. "));
  if (manifestArgsGiven(inv)) return { ok: true, options: [] };
  if (inv.args.length === 0) return failed(plainError(deleteAll || labelSelector || fieldSelector ? 'at least one resource must be specified to use a selector' : NO_RESOURCES_GIVEN));
  const parsed = parseResourceArgs(inv.args);
  if (!parsed.ok) return failed(plainError(parsed.message));
  const byName = inv.args.some((a) => a.includes('/'));
  if (deleteAll || labelSelector || fieldSelector) {
    if (byName) return failed(plainError('selectors and the all flag cannot be used when passing resource/name arguments'));
    if (parsed.selections.some((s) => s.names.length > 0)) return failed(plainError('name cannot be provided when a selector is specified'));
  } else if (parsed.selections.some((s) => s.names.length === 0)) {
    return failed(plainError('resource(s) were provided, but no name was specified'));
  }
  return { ok: true, options: parsed.selections };
}

function complete(inv: Invocation): Completed<DeleteCommandOptions> {
  const cascadeFlag = inv.flags.str('cascade');
  const cascade = CASCADE[cascadeFlag as keyof typeof CASCADE] as DeleteCommandOptions['cascade'] | undefined;
  if (!cascade) return failed(plainError(`invalid cascade value (${cascadeFlag}). Must be "background", "foreground", or "orphan"`));
  const g = gracePeriod(inv);
  if (!g.ok) return failed(plainError(g.message));
  const dry = parseDryRun(inv.flags.str('dry-run'));
  if (!dry.ok) return failed(plainError(dry.message));
  const labelSelector = inv.flags.str('selector');
  const fieldSelector = inv.flags.str('field-selector');
  const deleteAll = inv.flags.bool('all');
  const filenames = inv.flags.list('filename');
  const selections = selectionsOf(inv, labelSelector, fieldSelector, deleteAll);
  if (!selections.ok) return selections;
  return {
    ok: true,
    options: {
      selections: selections.options,
      filenames,
      fromManifests: manifestArgsGiven(inv),
      labelSelector,
      fieldSelector,
      deleteAll,
      allNamespaces: inv.flags.bool('all-namespaces'),
      // Upstream ignores NotFound by default when deleting by --all or a selector.
      ignoreNotFound: inv.flags.has('ignore-not-found') ? inv.flags.bool('ignore-not-found') : deleteAll || !!labelSelector || !!fieldSelector,
      force: inv.flags.bool('force'),
      gracePeriod: g.grace,
      cascade,
      dryRun: dry.dryRun,
      wait: inv.flags.bool('wait'),
    },
  };
}

function validate(o: DeleteCommandOptions): string | undefined {
  if (o.force && o.gracePeriod > 0) return plainError('--force and --grace-period greater than 0 cannot be specified together');
  return undefined;
}

function* victimsOf(inv: Invocation, o: DeleteCommandOptions) {
  const out: Victim[] = [];
  if (o.fromManifests) {
    const read = yield* readTargets(inv, o.filenames, 'delete');
    if (!read) return undefined;
    for (const t of read.targets) out.push({ info: t.info, namespace: t.namespace, name: t.name });
    return { victims: out, missing: [] as string[] };
  }
  const missing: string[] = [];
  for (const sel of o.selections) {
    const fetched = fetchObjects(inv, sel.info, sel.names, { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, allNamespaces: o.allNamespaces });
    for (const e of fetched.errors) if (!(e.reason === 'NotFound' && o.ignoreNotFound)) missing.push(statusErrorText(e));
    for (const obj of fetched.objects) out.push({ info: sel.info, namespace: sel.info.namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name ?? '' });
  }
  return { victims: out, missing };
}

function* run(inv: Invocation, o: DeleteCommandOptions) {
  const found = yield* victimsOf(inv, o);
  if (!found) return 1;
  const force = o.force && o.gracePeriod === 0;
  if (force) inv.err(FORCE_WARNING);
  const opts: DeleteOptions = { propagationPolicy: o.cascade, dryRun: o.dryRun === 'server' };
  if (o.gracePeriod >= 0) opts.gracePeriodSeconds = o.gracePeriod;
  const suffix = o.dryRun === 'client' ? ' (dry run)' : o.dryRun === 'server' ? ' (server dry run)' : '';
  let code = 0;
  const deleted: { v: Victim; obj: KubeObject }[] = [];
  for (const v of found.victims) {
    if (o.dryRun === 'client') {
      inv.out(`${kindPrefix(v.info)} "${v.name}" deleted${suffix}\n`);
      continue;
    }
    const r = inv.api.delete(v.info.resource, v.namespace, v.name, opts);
    if (!r.ok) {
      if (r.status.reason === 'NotFound' && o.ignoreNotFound) continue;
      inv.err(statusErrorText(r.status));
      code = 1;
      continue;
    }
    inv.out(`${kindPrefix(v.info)} "${v.name}" ${force ? 'force deleted' : 'deleted'}${suffix}\n`);
    deleted.push({ v, obj: r.value });
  }
  for (const m of found.missing) inv.err(m);
  if (found.missing.length > 0) code = 1;
  if (found.victims.length === 0 && found.missing.length === 0) inv.out('No resources found\n');
  if (o.wait && o.dryRun === 'none') {
    for (const d of deleted) yield* wait(untilGone(inv.api, d.v.info.resource, d.v.namespace, d.v.name, d.obj.metadata.uid));
  }
  return code;
}

export const DELETE_STEPS: VerbSteps<DeleteCommandOptions> = { complete, validate, run };

export const del: Command = {
  name: 'delete',
  completes: 'resources',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  examples: '# Delete a pod and wait until it is gone\nkubectl delete pod nginx\n\n# Delete without waiting for the container to stop\nkubectl delete pod nginx --grace-period=0 --force',
  flags: FLAGS,
  run: runSteps(DELETE_STEPS),
};
