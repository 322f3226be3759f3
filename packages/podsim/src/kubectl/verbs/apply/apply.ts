/**
 * `kubectl apply -f`: creates what is missing, patches what changed (client-side three-way
 * strategic merge against the last-applied-configuration annotation), reports `unchanged` otherwise.
 * Models kubectl pkg/cmd/apply/apply.go and apply/patcher.go; `--server-side` is server-side.ts.
 */
import type { KubeObject } from '../../../api/types.js';
import { lastAppliedOf, withLastApplied } from '../../apply/last-applied.js';
import { threeWayPatch } from '../../apply/three-way.js';
import { asVersion } from '../../../api/versions/index.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, parseDryRun, type DryRun } from '../../dry-run.js';
import { plainError, statusErrorText, withSource } from '../../errors.js';
import { describeTarget, manifestArgsGiven, readTargets, type Target } from '../../manifest-target.js';
import { parseOutputFormat, printChanged, type OutputFormat } from '../../output.js';
import { FILENAME_FLAG, KUSTOMIZE_FLAG } from '../get/get.js';
import { applyServerSide, CLIENT_SIDE_MANAGER, serverSideFlagError, serverSideManager } from './server-side.js';

const FLAGS = [
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  KUSTOMIZE_FLAG,
  { name: 'output', short: 'o', type: 'string' as const, help: 'Output format: json, yaml, name, jsonpath=...' },
  { name: 'recursive', short: 'R', type: 'bool' as const, default: false, help: 'Read directories given with -f recursively.' },
  { name: 'validate', type: 'string' as const, default: 'strict', noOptDefault: 'strict', help: 'How the server checks unknown fields: strict, warn or ignore.' },
  { name: 'force', type: 'bool' as const, default: false, help: 'Delete and re-create objects the server refuses to patch.' },
  { name: 'server-side', type: 'bool' as const, default: false, help: 'If true, apply runs in the server instead of the client.' },
  { name: 'force-conflicts', type: 'bool' as const, default: false, help: 'If true, server-side apply will force the changes against conflicts.' },
  { name: 'field-manager', type: 'string' as const, default: CLIENT_SIDE_MANAGER, help: 'Name of the manager used to track field ownership.' },
];

function missingAnnotationWarning(t: Target): string {
  const res = t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource;
  return `Warning: resource ${res}/${t.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

type Outcome = { ok: true; obj: KubeObject; action: 'created' | 'configured' | 'unchanged' } | { ok: false; error: string };

function applyOne(inv: Invocation, t: Target, dryRun: DryRun): Outcome {
  const modified = withLastApplied(t.obj);
  // Requests go to the manifest's version (autoscaling/v1 of a v2-stored HorizontalPodAutoscaler), answers come back in it.
  const apiVersion = String(t.obj.apiVersion);
  const opts = { dryRun: dryRun === 'server', fieldManager: inv.flags.str('field-manager'), fieldValidation: 'Strict' as const, apiVersion };
  const got = inv.api.get(t.info.resource, t.namespace, t.name);
  const live = got.ok ? { ...got, value: asVersion(t.info.resource, apiVersion, got.value) } : got;
  if (!live.ok && live.status.reason !== 'NotFound') return { ok: false, error: statusErrorText(withSource(live.status, 'retrieving current configuration of', t.source)) };
  if (!live.ok) {
    if (dryRun === 'client') return { ok: true, obj: modified as unknown as KubeObject, action: 'created' };
    const r = inv.api.create(t.info.resource, t.namespace, modified, opts);
    if (!r.ok) return { ok: false, error: statusErrorText(withSource(r.status, 'creating', t.source)) };
    return { ok: true, obj: asVersion(t.info.resource, apiVersion, r.value), action: 'created' };
  }
  const original = lastAppliedOf(live.value);
  if (original === undefined) inv.err(missingAnnotationWarning(t));
  const patch = threeWayPatch(original, modified, live.value);
  if (Object.keys(patch).length === 0) return { ok: true, obj: live.value, action: 'unchanged' };
  if (dryRun === 'client') return { ok: true, obj: live.value, action: 'configured' };
  const r = inv.api.patch(t.info.resource, t.namespace, t.name, 'strategic', patch, opts);
  if (!r.ok) {
    if (r.status.reason === 'Invalid') return { ok: false, error: statusErrorText(r.status) };
    const head = `error when applying patch:\n${JSON.stringify(patch)}\n\nto:\n${describeTarget(t)}\nfor: ${JSON.stringify(t.source)}: `;
    return { ok: false, error: statusErrorText({ ...r.status, message: `${head}${withSource(r.status, 'patching', t.source).message}` }) };
  }
  return { ok: true, obj: asVersion(t.info.resource, apiVersion, r.value), action: 'configured' };
}

function* runApply(inv: Invocation) {
  const files = inv.flags.list('filename');
  if (!manifestArgsGiven(inv)) {
    inv.err(plainError('must specify one of -f and -k'));
    return 1;
  }
  const dry = parseDryRun(inv.flags.str('dry-run'));
  if (!dry.ok) {
    inv.err(plainError(dry.message));
    return 1;
  }
  const out = parseOutputFormat(inv.flags.str('output'), false);
  if (!out.ok) {
    inv.err(plainError(out.message));
    return 1;
  }
  const serverSide = inv.flags.bool('server-side');
  const force = inv.flags.bool('force-conflicts');
  const flagError = serverSideFlagError(serverSide, force, dry.dryRun);
  if (flagError) {
    inv.err(flagError);
    return 1;
  }
  const read = yield* readTargets(inv, files, 'apply', inv.flags.bool('recursive'));
  if (!read) return 1;
  let failed = read.failed;
  const ssa = { fieldManager: serverSideManager(inv.flags.str('field-manager')), force, dryRun: dry.dryRun };
  for (const t of read.targets) {
    const r = serverSide ? { ...applyServerSide(inv, t, ssa), action: 'serverside-applied' } : applyOne(inv, t, dry.dryRun);
    if (!r.ok) {
      inv.err(r.error);
      failed = true;
      continue;
    }
    printResult(inv, out.format, t, r.obj, r.action, dry.dryRun);
  }
  return failed ? 1 : 0;
}

export function printResult(inv: Invocation, format: OutputFormat | undefined, t: Target, obj: KubeObject, action: string, dryRun: DryRun): void {
  printChanged(inv, format, t.info, obj, action, dryRun, t.name || (obj.metadata.name ?? ''));
}

export const apply: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  examples: '# Create or update the objects of pod.yaml\nkubectl apply -f pod.yaml\n\n# Everything in a directory\nkubectl apply -f ./manifests/',
  flags: FLAGS,
  run: runApply,
};
