/**
 * `kubectl replace -f FILE [--force]`: puts each object of the files in place of the stored one;
 * with --force deletes it, waits until it is gone and creates it again. Models kubectl
 * pkg/cmd/replace/replace.go (Validate, Run, forceReplace).
 */
import { wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText, withSource } from '../../errors.js';
import { manifestArgsGiven, readTargets, type Target } from '../../manifest-target.js';
import { actionLine, printChanged } from '../../output.js';
import { kindPrefix } from '../../resource-args.js';
import { untilGone } from '../../wait-gone.js';
import { FILENAME_FLAG, KUSTOMIZE_FLAG } from '../get/get.js';
import { OUTPUT_FLAG } from '../patch/patch.js';

function validate(inv: Invocation): string | undefined {
  const f = inv.flags;
  const force = f.bool('force');
  // Complete reads the files first: without any, nothing else is looked at.
  if (!manifestArgsGiven(inv)) return 'must specify one of -f and -k';
  if (f.int('grace-period') >= 0 && !force) return '--grace-period must have --force specified';
  if (f.has('timeout') && !force) return '--timeout must have --force specified';
  if (force && f.has('dry-run') && f.str('dry-run') !== 'none') return '--dry-run can not be used when --force is set';
  return undefined;
}

function* forceReplace(inv: Invocation, targets: Target[]) {
  for (const t of targets) {
    const grace = inv.flags.int('grace-period');
    const del = inv.api.delete(t.info.resource, t.namespace, t.name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
    if (!del.ok) {
      inv.err(statusErrorText(del.status));
      return 1;
    }
    inv.out(`${kindPrefix(t.info)} "${t.name}" deleted\n`);
  }
  // forceReplace polls until each object is gone before creating any.
  for (const t of targets) yield* wait(untilGone(inv.api, t.info.resource, t.namespace, t.name, undefined));
  let code = 0;
  for (const t of targets) {
    const r = inv.api.create(t.info.resource, t.namespace, t.obj, { fieldManager: inv.flags.str('field-manager'), fieldValidation: 'Strict' });
    if (!r.ok) {
      inv.err(statusErrorText(r.status));
      code = 1;
      continue;
    }
    inv.out(actionLine(t.info, t.name, 'replaced'));
  }
  return code;
}

function* runReplace(inv: Invocation) {
  const opts = dryRunAndFormat(inv);
  if (!opts) return 1;
  const problem = validate(inv);
  if (problem) {
    inv.err(plainError(problem));
    return 1;
  }
  const read = yield* readTargets(inv, inv.flags.list('filename'), 'replace', inv.flags.bool('recursive'));
  if (!read) return 1;
  if (inv.flags.bool('force')) return yield* forceReplace(inv, read.targets);
  let code = read.failed ? 1 : 0;
  for (const t of read.targets) {
    let result = t.obj as never;
    if (opts.dryRun !== 'client') {
      const r = inv.api.update(t.info.resource, t.namespace, t.obj, { dryRun: opts.dryRun === 'server', fieldManager: inv.flags.str('field-manager'), fieldValidation: 'Strict' });
      if (!r.ok) {
        inv.err(statusErrorText(withSource(r.status, 'replacing', t.source)));
        code = 1;
        continue;
      }
      result = r.value as never;
    }
    if (!printChanged(inv, opts.format, t.info, result, 'replaced', opts.dryRun, t.name)) code = 1;
  }
  return code;
}

export const replace: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  usage: 'replace -f FILENAME [options]',
  examples: '# Replace a pod with the one in pod.yaml\nkubectl replace -f ./pod.yaml\n\n# Delete the pod and create it again from the file\nkubectl replace --force -f ./pod.yaml',
  flags: [
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-replace', help: 'Name of the manager tracking field ownership.' },
    { ...FILENAME_FLAG, help: 'Files holding the objects to replace.' },
    KUSTOMIZE_FLAG,
    { name: 'force', type: 'bool', default: false, help: 'Delete the objects, then create them again.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'With --force: seconds the deleted objects get to end (-1: their own).' },
    OUTPUT_FLAG,
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Read the directories given with -f recursively.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'With --force: how long to wait for the deletion.' },
  ],
  run: runReplace,
};
