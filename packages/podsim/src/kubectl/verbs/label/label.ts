/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to change
 * an existing value; sent as a JSON merge patch. Models kubectl pkg/cmd/label and pkg/cmd/annotate.
 */
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { actionLine, printObjects } from '../../output.js';
import { resolveTargets } from '../../targets.js';

interface Flavour {
  verb: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  done: string;
  noun: string;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** Why a label value is invalid (apimachinery IsValidLabelValue), or undefined. Keys are left to the API server. */
function labelValueProblem(v: string): string | undefined {
  const problems = [...(v.length > 63 ? ['must be no more than 63 characters'] : []), ...(LABEL_VALUE.test(v) ? [] : [LABEL_VALUE_RULE])];
  return problems.length > 0 ? problems.join(';') : undefined;
}

/** Resources come first, then `key=value` / `key-` changes (kubectl cmdutil.GetResourcesAndPairs, parseLabels, parseAnnotations). */
function splitArgs(inv: Invocation, f: Flavour): { resources: string[]; set: Record<string, string>; remove: string[] } | string {
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const a of inv.args) {
    const isChange = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (!isChange) {
      if (Object.keys(set).length > 0 || remove.length > 0) return `all resources must be specified before ${f.verb === 'label' ? 'label' : 'annotation'} changes: ${a}`;
      resources.push(a);
      continue;
    }
    if (!a.includes('=')) {
      remove.push(a.slice(0, -1));
      continue;
    }
    const eq = a.indexOf('=');
    const v = a.slice(eq + 1);
    if (f.verb === 'label') {
      if (v.includes('=')) return `invalid label spec: ${a}`;
      const problem = labelValueProblem(v);
      if (problem) return `invalid label value: ${JSON.stringify(a)}: ${problem}`;
    }
    set[a.slice(0, eq)] = v;
  }
  if (Object.keys(set).length === 0 && remove.length === 0 && !inv.flags.bool('list')) return `at least one ${f.noun} update is required`;
  return { resources, set, remove };
}

/** The refusal to change existing values without --overwrite (label.go / annotate.go wording), or undefined. */
function overwriteRefusal(f: Flavour, current: Record<string, string>, set: Record<string, string>): string | undefined {
  const clashes = Object.keys(set).filter((k) => k in current && current[k] !== set[k]);
  if (clashes.length === 0) return undefined;
  if (f.verb === 'label') return `'${clashes[0]}' already has a value (${current[clashes[0]]}), and --overwrite is false`;
  return `--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`;
}

/** `obj` with a merge patch of its labels or annotations applied (null removes a key). */
function withChanges(obj: KubeObject, field: Flavour['field'], patch: Record<string, string | null>): KubeObject {
  const copy = structuredClone(obj);
  const values: Record<string, string> = { ...(copy.metadata[field] ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete values[k];
    else values[k] = v;
  }
  copy.metadata[field] = values;
  return copy;
}

function labelCommand(f: Flavour): Command {
  const flags: FlagSpec[] = [
    { name: 'all', type: 'bool', default: false, help: `Every object of the type in the namespace.` },
    DRY_RUN_FLAG,
    { name: 'list', type: 'bool', default: false, help: `Print the ${f.field} of the objects (after the changes given).` },
    { name: 'output', short: 'o', type: 'string', help: 'Print the changed object in this format (json, yaml, name, jsonpath=…).' },
    { name: 'overwrite', type: 'bool', default: false, help: `Allow changing existing ${f.field}.` },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector of the objects to change.' },
  ];
  return {
    name: f.verb,
    completes: 'resources',
    short: `Update the ${f.field} on a resource`,
    usage: `${f.verb} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
    flags,
    *run(inv) {
      const parts = splitArgs(inv, f);
      if (typeof parts === 'string') {
        inv.err(plainError(parts));
        return 1;
      }
      if (parts.resources.length === 0) {
        inv.err(plainError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
        return 1;
      }
      const opts = dryRunAndFormat(inv);
      if (!opts) return 1;
      const { dryRun, format } = opts;
      const list = inv.flags.bool('list');
      if (list && format) {
        inv.err(plainError('--list and --output may not be specified together'));
        return 1;
      }
      const found = resolveTargets(inv, parts.resources, { selector: inv.flags.str('selector'), all: inv.flags.bool('all') });
      if (!found.ok) return 1;
      // One object named (not a type with --all or -l) lists without a heading (IntoSingleItemImplied).
      const named = parts.resources.some((r) => r.includes('/')) ? parts.resources.length : parts.resources.length - 1;
      const one = named === 1 && !inv.flags.bool('all') && !inv.flags.str('selector');
      let code = 0;
      for (const { info, obj } of found.targets) {
        const current = (obj.metadata[f.field] ?? {}) as Record<string, string>;
        const refusal = inv.flags.bool('overwrite') ? undefined : overwriteRefusal(f, current, parts.set);
        if (refusal) {
          inv.err(plainError(refusal));
          code = 1;
          continue;
        }
        const patch: Record<string, string | null> = {};
        for (const [k, v] of Object.entries(parts.set)) if (current[k] !== v) patch[k] = v;
        for (const k of parts.remove) if (k in current) patch[k] = null;
        const name = obj.metadata.name ?? '';
        if (list) {
          // The changes are made to a copy only; the listing walks a Go map (its order is not kept).
          const shown = withChanges(obj, f.field, patch).metadata[f.field] ?? {};
          if (!one) inv.out(`Listing ${f.field} for ${info.kind}.${info.group}/${name}:\n`);
          for (const [k, v] of Object.entries(shown)) inv.out(`${one ? '' : ' '}${k}=${v}\n`);
          continue;
        }
        let result: KubeObject = obj;
        if (Object.keys(patch).length > 0 && dryRun !== 'client') {
          const r = inv.api.patch(info.resource, obj.metadata.namespace, name, 'merge', { metadata: { [f.field]: patch } }, { dryRun: dryRun === 'server' });
          if (!r.ok) {
            inv.err(statusErrorText(r.status));
            code = 1;
            continue;
          }
          result = r.value;
        } else if (Object.keys(patch).length > 0) result = withChanges(obj, f.field, patch);
        // With -o kubectl prints the changed object (a client dry run changes its own copy) instead of the action.
        if (format) {
          if (!printObjects(inv, format, [{ info, obj: result }], { single: true })) code = 1;
          continue;
        }
        if (Object.keys(patch).length === 0) {
          inv.out(actionLine(info, name, `not ${f.done}`, dryRun));
          continue;
        }
        // kubectl says `unlabeled` when the change leaves fewer labels than before.
        const removed = Object.values(patch).filter((v) => v === null).length;
        const added = Object.keys(patch).filter((k) => patch[k] !== null && !(k in current)).length;
        inv.out(actionLine(info, name, f.verb === 'label' && removed > added ? 'unlabeled' : f.done, dryRun));
      }
      return code;
    },
  };
}

export const label = labelCommand({ verb: 'label', field: 'labels', done: 'labeled', noun: 'label' });
export const annotate = labelCommand({ verb: 'annotate', field: 'annotations', done: 'annotated', noun: 'annotation' });
