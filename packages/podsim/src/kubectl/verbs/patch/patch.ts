/**
 * `kubectl patch (-f FILE | TYPE NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]`:
 * the patch (YAML or JSON) goes to the server as JSON, or is applied locally with --local and
 * --dry-run=client; `patched` or `patched (no change)`. Models kubectl pkg/cmd/patch/patch.go.
 */
import { applyPatch } from '../../../api/patch/apply.js';
import { jsonEqual } from '../../../api/objects.js';
import { requestedReplicas, SCALABLE, scaleOf } from '../../../api/scale.js';
import { notFound } from '../../../api/status.js';
import type { KubeObject, PatchType, ResourceInfo } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, dryRunAndFormat, type DryRun } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { readLocalFile } from '../../local-files.js';
import { manifestArgsGiven, readTargets } from '../../manifest-target.js';
import { printChanged } from '../../output.js';
import { resolveTargets } from '../../targets.js';
import { yamlToJson } from '../../../format/yaml-to-json.js';
import { FILENAME_FLAG, KUSTOMIZE_FLAG } from '../get/get.js';

export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', help: 'Output format: one of json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file.' };

const TYPES: Record<string, Exclude<PatchType, 'apply'>> = { json: 'json', merge: 'merge', strategic: 'strategic' };

const FLAGS: FlagSpec[] = [
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-patch', help: 'Name of the manager tracking field ownership.' },
  { ...FILENAME_FLAG, help: 'Files naming the resource to update.' },
  KUSTOMIZE_FLAG,
  { name: 'local', type: 'bool', default: false, help: 'Patch the content of the file instead of the object on the server.' },
  OUTPUT_FLAG,
  { name: 'patch', short: 'p', type: 'string', help: 'The patch to apply to the resource, as JSON or YAML.' },
  { name: 'patch-file', type: 'string', help: 'A file holding the patch.' },
  { name: 'subresource', type: 'string', help: 'Patch this subresource of the object (status, scale).' },
  { name: 'type', type: 'string', default: 'strategic', help: 'Kind of patch: json, merge or strategic.' },
];

export const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function validate(inv: Invocation): string | undefined {
  const { flags } = inv;
  const patch = flags.str('patch');
  const file = flags.str('patch-file');
  if (patch && file) return 'cannot specify --patch and --patch-file together';
  if (!patch && !file) return 'must specify --patch or --patch-file containing the contents of the patch';
  if (flags.bool('local') && inv.args.length > 0) return 'cannot specify --local and server resources';
  if (flags.bool('local') && flags.str('dry-run') === 'server') return 'cannot specify --local and --dry-run=server - did you mean --dry-run=client?';
  const type = flags.str('type');
  if (type && !(type.toLowerCase() in TYPES)) return `--type must be one of [json merge strategic], not ${JSON.stringify(type)}`;
  return undefined;
}

/** The patch as JSON data, or kubectl's error. */
function patchData(inv: Invocation): { ok: true; value: unknown } | { ok: false; message: string } {
  const file = inv.flags.str('patch-file');
  let text = inv.flags.str('patch');
  if (file) {
    const read = readLocalFile(inv, file);
    if (!read.ok) return { ok: false, message: `unable to read patch file: ${read.error}` };
    text = read.text;
  }
  const parsed = yamlToJson(text);
  // patch.go quotes --patch here even when the text came from --patch-file.
  return parsed.ok ? parsed : { ok: false, message: `unable to parse ${JSON.stringify(inv.flags.str('patch'))}: ${parsed.message}` };
}

/** What a failed local patch says: json-patch's missing key becomes "Object to be patched is missing field". */
function localPatchError(message: string): string {
  const missing = /doc is missing key: (.*?): missing value$/.exec(message);
  return missing ? `Object to be patched is missing field (${missing[1]})` : message;
}

type Patched = { ok: true; info: Pick<ResourceInfo, 'kind' | 'group'>; before: KubeObject; after: KubeObject } | { ok: false; error: string };

function patchOne(inv: Invocation, { info, obj }: { info: ResourceInfo; obj: KubeObject }, type: PatchType, data: unknown, dryRun: DryRun, sub: string): Patched {
  if (inv.flags.bool('local') || dryRun === 'client') {
    const r = applyPatch(info, obj, type, data);
    return r.ok ? { ok: true, info, before: obj, after: r.value as KubeObject } : { ok: false, error: plainError(localPatchError(r.status.message ?? '')) };
  }
  const r = inv.api.patch(sub ? `${info.resource}/${sub}` : info.resource, obj.metadata.namespace, obj.metadata.name ?? '', type, data, { dryRun: dryRun === 'server', fieldManager: inv.flags.str('field-manager') });
  return r.ok ? { ok: true, info, before: obj, after: r.value } : { ok: false, error: statusErrorText(r.status) };
}

/** Through the scale subresource: the patch applies to the autoscaling/v1 Scale view, whose replicas go back to the owner. */
function patchScale(inv: Invocation, { info, obj }: { info: ResourceInfo; obj: KubeObject }, type: PatchType, data: unknown, dryRun: DryRun): Patched {
  if (!SCALABLE.has(info.resource)) return { ok: false, error: statusErrorText(notFound(info.resource, obj.metadata.name ?? '', info.group || undefined)) };
  const scaleInfo = { kind: 'Scale', group: 'autoscaling' };
  const before = scaleOf(obj);
  const changed = applyPatch({ ...info, kind: 'Scale' }, before, type, data);
  if (!changed.ok) return { ok: false, error: statusErrorText(changed.status) };
  const replicas = requestedReplicas(changed.value) ?? 0;
  if (dryRun === 'client') return { ok: true, info: scaleInfo, before, after: changed.value as KubeObject };
  const r = inv.api.patch(info.resource, obj.metadata.namespace, obj.metadata.name ?? '', 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server', fieldManager: inv.flags.str('field-manager'), subresource: 'scale' });
  return r.ok ? { ok: true, info: scaleInfo, before, after: scaleOf(r.value) } : { ok: false, error: statusErrorText(r.status) };
}

function* runPatch(inv: Invocation) {
  const opts = dryRunAndFormat(inv);
  if (!opts) return 1;
  const problem = validate(inv);
  if (problem) {
    inv.err(plainError(problem));
    return 1;
  }
  const patch = patchData(inv);
  if (!patch.ok) {
    inv.err(plainError(patch.message));
    return 1;
  }
  const type = TYPES[inv.flags.str('type').toLowerCase() || 'strategic'];
  const local = inv.flags.bool('local');
  const files = inv.flags.list('filename');
  let objects: { info: ResourceInfo; obj: KubeObject }[] = [];
  if (manifestArgsGiven(inv)) {
    const read = yield* readTargets(inv, files, 'patch');
    if (!read) return 1;
    for (const t of read.targets) {
      if (local) objects.push({ info: t.info, obj: t.manifest as KubeObject });
      else {
        const got = inv.api.get(t.info.resource, t.namespace, t.name);
        if (!got.ok) {
          inv.err(statusErrorText(got.status));
          return 1;
        }
        objects.push({ info: t.info, obj: got.value });
      }
    }
  } else if (inv.args.length === 0) {
    inv.err(plainError(NO_RESOURCES));
    return 1;
  } else {
    const found = resolveTargets(inv, inv.args);
    if (!found.ok) return 1;
    objects = found.targets;
  }
  if (objects.length === 0) {
    inv.err(plainError('no objects passed to patch'));
    return 1;
  }
  const sub = inv.flags.str('subresource');
  let code = 0;
  for (const target of objects) {
    const r = sub === 'scale' && !local ? patchScale(inv, target, type, patch.value, opts.dryRun) : patchOne(inv, target, type, patch.value, opts.dryRun, sub);
    if (!r.ok) {
      inv.err(r.error);
      code = 1;
      continue;
    }
    // patch.go sets the printer's operation after the dry-run suffix was added: a dry run reads like the real thing.
    if (!printChanged(inv, opts.format, r.info, r.after, jsonEqual(r.before, r.after) ? 'patched (no change)' : 'patched')) code = 1;
  }
  return code;
}

export const patch: Command = {
  name: 'patch',
  completes: 'resources',
  short: 'Update fields of a resource',
  usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  examples:
    "# Make node k8s-node-1 unschedulable with a strategic merge patch\nkubectl patch node k8s-node-1 -p '{\"spec\":{\"unschedulable\":true}}'\n\n# The same patch written in YAML\nkubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'\n\n# Change a container image with a JSON patch\nkubectl patch pod web --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/containers/0/image\", \"value\":\"nginx:1.27\"}]'\n\n# Scale a deployment through its scale subresource with a merge patch\nkubectl patch deployment web --subresource='scale' --type='merge' -p '{\"spec\":{\"replicas\":2}}'",
  flags: FLAGS,
  run: runPatch,
};
