/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` to change
 * an existing value; sent as a JSON merge patch. Models kubectl pkg/cmd/label and pkg/cmd/annotate.
 */
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, parseDryRun } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { actionLine } from '../../output.js';
import { resolveTargets } from '../../targets.js';

interface Flavour {
  verb: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  done: string;
  noun: string;
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function splitArgs(inv: Invocation, f: Flavour): { resources: string[]; set: Record<string, string>; remove: string[] } | string {
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const a of inv.args) {
    if (a.includes('=')) {
      const eq = a.indexOf('=');
      const k = a.slice(0, eq);
      const v = a.slice(eq + 1);
      if (!KEY.test(k) || (f.verb === 'label' && (!LABEL_VALUE.test(v) || v.length > 63))) return `invalid ${f.verb === 'label' ? 'label' : 'annotation'} spec: ${a}`;
      set[k] = v;
    } else if (a.endsWith('-') && resources.length > 0) remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  if (Object.keys(set).length === 0 && remove.length === 0) return `at least one ${f.noun} update is required`;
  return { resources, set, remove };
}

function labelCommand(f: Flavour): Command {
  const flags: FlagSpec[] = [
    { name: 'all', type: 'bool', default: false, help: `Every object of the type in the namespace.` },
    DRY_RUN_FLAG,
    { name: 'overwrite', type: 'bool', default: false, help: `Allow changing existing ${f.field}.` },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector of the objects to change.' },
  ];
  return {
    name: f.verb,
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
      const dry = parseDryRun(inv.flags.str('dry-run'));
      if (!dry.ok) {
        inv.err(plainError(dry.message));
        return 1;
      }
      const found = resolveTargets(inv, parts.resources, { selector: inv.flags.str('selector'), all: inv.flags.bool('all') });
      if (!found.ok) return 1;
      let code = 0;
      for (const { info, obj } of found.targets) {
        const current = (obj.metadata[f.field] ?? {}) as Record<string, string>;
        if (!inv.flags.bool('overwrite')) {
          const clash = Object.keys(parts.set).find((k) => k in current && current[k] !== parts.set[k]);
          if (clash) {
            inv.err(plainError(`'${clash}' already has a value (${current[clash]}), and --overwrite is false`));
            code = 1;
            continue;
          }
        }
        const patch: Record<string, string | null> = {};
        for (const [k, v] of Object.entries(parts.set)) if (current[k] !== v) patch[k] = v;
        for (const k of parts.remove) if (k in current) patch[k] = null;
        const name = obj.metadata.name ?? '';
        if (Object.keys(patch).length === 0) {
          inv.out(actionLine(info, name, `not ${f.done}`, dry.dryRun));
          continue;
        }
        if (dry.dryRun !== 'client') {
          const r = inv.api.patch(info.resource, obj.metadata.namespace, name, 'merge', { metadata: { [f.field]: patch } }, { dryRun: dry.dryRun === 'server' });
          if (!r.ok) {
            inv.err(statusErrorText(r.status));
            code = 1;
            continue;
          }
        }
        // kubectl says `unlabeled` when the change leaves fewer labels than before.
        const removed = Object.values(patch).filter((v) => v === null).length;
        const added = Object.keys(patch).filter((k) => patch[k] !== null && !(k in current)).length;
        inv.out(actionLine(info, name, f.verb === 'label' && removed > added ? 'unlabeled' : f.done, dry.dryRun));
      }
      return code;
    },
  };
}

export const label = labelCommand({ verb: 'label', field: 'labels', done: 'labeled', noun: 'label' });
export const annotate = labelCommand({ verb: 'annotate', field: 'annotations', done: 'annotated', noun: 'annotation' });
