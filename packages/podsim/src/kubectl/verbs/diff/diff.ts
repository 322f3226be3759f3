/**
 * `kubectl diff -f FILE`: what `apply` would change. For each object the live version and the merged one
 * (a server-side dry run of the apply: a dry-run create when missing, else the three-way patch, or a
 * server-side apply with --server-side) are written as YAML to /tmp/LIVE-N and /tmp/MERGED-N, and
 * `diff -u -N` (or $KUBECTL_EXTERNAL_DIFF) compares the two folders. Exit 0: no differences, 1: some,
 * 2 or more: an error. Models kubectl pkg/cmd/diff/diff.go.
 */
import type { ApiClient, KubeObject } from '../../../api/types.js';
import { LAST_APPLIED, lastAppliedOf, withLastApplied } from '../../apply/last-applied.js';
import { threeWayPatch } from '../../apply/three-way.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { manifestArgsGiven, readTargets, type Target } from '../../manifest-target.js';
import { toYaml } from '../../printers/yaml.js';
import { wait } from '../../../kernel/waitable.js';
import { applyServerSide, CLIENT_SIDE_MANAGER, serverSideManager } from '../apply/server-side.js';
import { FILENAME_FLAG, KUSTOMIZE_FLAG } from '../get/get.js';

const FLAGS = [
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  { name: 'recursive', short: 'R', type: 'bool' as const, default: false, help: 'Read directories given with -f recursively.' },
  { name: 'server-side', type: 'bool' as const, default: false, help: 'Compute the merged object with server-side apply.' },
  { name: 'force-conflicts', type: 'bool' as const, default: false, help: 'With --server-side, take over fields other managers own.' },
  { name: 'field-manager', type: 'string' as const, default: CLIENT_SIDE_MANAGER, help: 'Name of the manager used to track field ownership.' },
];

/** Errors end kubectl diff with status 2, keeping 1 for "there are differences". */
const ERROR_EXIT = 2;

type Merged = { ok: true; obj: KubeObject } | { ok: false; error: string };

function answered(r: ReturnType<ApiClient['create']>): Merged {
  if (!r.ok) return { ok: false, error: statusErrorText(r.status) };
  return { ok: true, obj: r.value };
}

/**
 * The object as `apply` would leave it, from a dry run on the server (InfoObject.Merged): a dry-run
 * create when it is missing, else the three-way patch of the file (without a new last-applied
 * annotation), or the live object itself when the patch is empty.
 */
function merged(inv: Invocation, t: Target, live: KubeObject | undefined): Merged {
  if (inv.flags.bool('server-side')) {
    return applyServerSide(inv, t, { fieldManager: serverSideManager(inv.flags.str('field-manager')), force: inv.flags.bool('force-conflicts'), dryRun: 'server' });
  }
  const opts = { dryRun: true, fieldManager: inv.flags.str('field-manager'), fieldValidation: 'Strict' as const };
  if (!live) return answered(inv.api.create(t.info.resource, t.namespace, t.obj, opts));
  // GetModifiedConfiguration without annotating: the file with its annotations (`{}` when none), as the last-applied one was recorded.
  const modified = withLastApplied(t.obj);
  delete (modified.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED];
  const patch = threeWayPatch(lastAppliedOf(live), modified, live);
  if (Object.keys(patch).length === 0) return { ok: true, obj: live };
  return answered(inv.api.patch(t.info.resource, t.namespace, t.name, 'strategic', patch, opts));
}

/** What diff shows of an object: no managedFields, and a Secret's values as `***` (diff.go's Masker). */
function shown(obj: KubeObject | undefined, other: KubeObject | undefined, side: 'before' | 'after'): string {
  if (!obj) return '';
  const copy = structuredClone(obj) as KubeObject & { data?: Record<string, string> };
  delete (copy.metadata as { managedFields?: unknown }).managedFields;
  if (copy.kind === 'Secret' && copy.data) {
    const theirs = (other as { data?: Record<string, string> } | undefined)?.data ?? {};
    for (const k of Object.keys(copy.data)) copy.data[k] = theirs[k] === undefined || theirs[k] === copy.data[k] ? '***' : `*** (${side})`;
  }
  return toYaml(copy);
}

/** InfoObject.Name: `apps.v1.Deployment.default.web`, `v1.Namespace..dev`. */
function fileName(t: Target): string {
  return `${t.info.group ? `${t.info.group}.` : ''}${t.info.version}.${t.info.kind}.${t.namespace ?? ''}.${t.name}`;
}

function* runDiff(inv: Invocation) {
  const files = inv.flags.list('filename');
  if (!manifestArgsGiven(inv)) {
    inv.err(plainError('must specify one of -f and -k'));
    return ERROR_EXIT;
  }
  const read = yield* readTargets(inv, files, 'apply', inv.flags.bool('recursive'));
  if (!read) return ERROR_EXIT;
  const external = (inv.proc.env.KUBECTL_EXTERNAL_DIFF ?? '').split(/\s+/).filter(Boolean);
  const [command, ...args] = external.length ? external : ['diff', '-u', '-N'];
  const found = inv.proc.sys.resolve(command, inv.proc.env);
  const fs = inv.host.fs;
  const tmp = (prefix: string): string => {
    const dir = `/tmp/${prefix}-${inv.host.random.int(4_294_967_296)}`;
    fs.mkdir(dir, true);
    return dir;
  };
  const liveDir = tmp('LIVE');
  const mergedDir = tmp('MERGED');
  try {
    let failed = read.failed;
    for (const t of read.targets) {
      const got = inv.api.get(t.info.resource, t.namespace, t.name);
      if (!got.ok && got.status.reason !== 'NotFound') {
        inv.err(statusErrorText(got.status));
        return ERROR_EXIT;
      }
      const live = got.ok ? got.value : undefined;
      const m = merged(inv, t, live);
      if (!m.ok) {
        inv.err(m.error);
        failed = true;
        continue;
      }
      fs.writeFile(`${liveDir}/${fileName(t)}`, shown(live, m.obj, 'before'));
      fs.writeFile(`${mergedDir}/${fileName(t)}`, shown(m.obj, live, 'after'));
    }
    if (!found) {
      inv.err(plainError(`failed to run ${JSON.stringify(command)}: executable file not found in $PATH`));
      return ERROR_EXIT;
    }
    const child = inv.proc.ns.spawn({ argv: [command, ...args, liveDir, mergedDir], program: found.program, parent: inv.proc, sys: inv.proc.sys, ctx: inv.proc.ctx, stdin: inv.proc.stdin, stdout: inv.proc.stdout, stderr: inv.proc.stderr });
    const code = yield* wait(child.exited);
    if (failed) return ERROR_EXIT;
    return code;
  } finally {
    fs.remove(liveDir, true);
    fs.remove(mergedDir, true);
  }
}

export const diff: Command = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  usage: 'diff -f FILENAME [options]',
  examples: '# What applying pod.yaml would change\nkubectl diff -f pod.yaml\n\n# With another diff program\nKUBECTL_EXTERNAL_DIFF="diff -q" kubectl diff -f pod.yaml',
  flags: FLAGS,
  run: runDiff,
};
