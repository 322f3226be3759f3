/**
 * `kubectl describe TYPE [NAME_PREFIX | -l label] | TYPE/NAME`: one describer text per object,
 * separated by a blank line pair; a missing exact name falls back to every object whose name starts
 * with it. Models kubectl pkg/cmd/describe/describe.go.
 */
import type { KubeObject, ResourceInfo } from '../../../api/types.js';
import { describe as describeObject } from '../../describers/index.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { fetchObjects, namespaceFor, noResourcesMessage } from '../../objects.js';
import { resourceArgs } from '../../resource-args.js';
import { manifestArgsGiven, readTargets } from '../../manifest-target.js';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, KUSTOMIZE_FLAG, SELECTOR_FLAG } from '../get/get.js';

function text(inv: Invocation, info: ResourceInfo, obj: KubeObject): { ok: true; text: string } | { ok: false; error: string } {
  const r = describeObject(inv.api, info.resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '', { now: inv.now(), showEvents: inv.flags.bool('show-events') });
  return r.ok ? { ok: true, text: r.value } : { ok: false, error: statusErrorText(r.status) };
}

/** `-f`: the objects the files name, as the server has them, each described in file order. */
function* describeFiles(inv: Invocation, files: string[]) {
  const read = yield* readTargets(inv, files, 'describe', inv.flags.bool('recursive'));
  if (!read) return 1;
  let code = read.failed ? 1 : 0;
  let first = true;
  for (const t of read.targets) {
    const got = inv.api.get(t.info.resource, t.namespace, t.name);
    const described = got.ok ? text(inv, t.info, got.value) : { ok: false as const, error: statusErrorText(got.status) };
    if (!described.ok) {
      inv.err(described.error);
      code = 1;
      continue;
    }
    inv.out(first ? described.text : `\n\n${described.text}`);
    first = false;
  }
  return code;
}

function* runDescribe(inv: Invocation) {
  const files = inv.flags.list('filename');
  if (manifestArgsGiven(inv)) return yield* describeFiles(inv, files);
  if (inv.args.length === 0) {
    inv.err(plainError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.'));
    return 1;
  }
  const parsed = resourceArgs(inv, inv.args);
  if (!parsed) return 1;
  const all = inv.flags.bool('all-namespaces');
  const selector = inv.flags.str('selector');
  let first = true;
  let code = 0;
  let count = 0;
  for (const sel of parsed.selections) {
    const fetched = fetchObjects(inv, sel.info, sel.names, { labelSelector: selector, allNamespaces: all });
    if (fetched.errors.length > 0 && fetched.objects.length === 0 && inv.args.length === 2 && sel.names.length === 1 && fetched.errors[0].reason === 'NotFound') {
      // Prefix match: `kubectl describe pod web` describes every pod whose name starts with "web".
      const list = inv.api.list(sel.info.resource, namespaceFor(inv, sel.info));
      const matches = list.ok ? list.value.items.filter((o) => (o.metadata.name ?? '').startsWith(sel.names[0])) : [];
      if (matches.length === 0) {
        inv.err(statusErrorText(fetched.errors[0]));
        return 1;
      }
      for (const m of matches) {
        const t = text(inv, sel.info, m);
        if (!t.ok) {
          inv.err(t.error);
          return 1;
        }
        inv.out(`${t.text}\n`);
      }
      return 0;
    }
    for (const obj of fetched.objects) {
      const t = text(inv, sel.info, obj);
      if (!t.ok) {
        inv.err(t.error);
        code = 1;
        continue;
      }
      inv.out(first ? t.text : `\n\n${t.text}`);
      first = false;
      count++;
    }
    for (const e of fetched.errors) {
      inv.err(statusErrorText(e));
      code = 1;
    }
  }
  if (count === 0 && code === 0) inv.err(noResourcesMessage(inv, true, all));
  return code;
}

export const describe: Command = {
  name: 'describe',
  completes: 'resources',
  short: 'Show details of a specific resource or group of resources',
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  examples: '# Describe a pod\nkubectl describe pod nginx\n\n# Describe every pod whose name starts with web\nkubectl describe pods web',
  flags: [
    ALL_NAMESPACES_FLAG,
    { ...FILENAME_FLAG, help: 'Files, directories or - (stdin) naming the objects to describe.' },
    KUSTOMIZE_FLAG,
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Read the directories given with -f recursively.' },
    SELECTOR_FLAG,
    { name: 'show-events', type: 'bool', default: true, help: 'Include the events of the object.' }],
  run: runDescribe,
};
