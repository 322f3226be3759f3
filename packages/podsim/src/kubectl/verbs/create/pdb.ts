/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=… --min-available=N|--max-unavailable=N`
 * (kubectl create_pdb.go, 1.32): Validate's checks in its order, the selector through
 * metav1.ParseToLabelSelector (equality requirements as matchLabels, the rest as expressions).
 */
import { parseLabelSelector, type LabelSelector } from '../../../api/selectors.js';
import type { KubeObject } from '../../../api/types.js';
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { typedMeta } from './job.js';

/** Numbers and percentages, but not quantities such as 10Gb. */
const COUNT = /^[0-9]+%?$/;

/** selection.Operator's spelling of the operators a LabelSelector cannot hold. */
const OPERATOR_NAMES: Record<string, string> = { '!=': '!=', '<': 'lt', '>': 'gt' };

/** Splits requirements at the commas outside `in (…)` lists. */
function requirements(s: string): string[] {
  return s.match(/(?:[^,(]|\([^)]*\))+/g)?.map((r) => r.trim()) ?? [];
}

function toLabelSelector(s: string): { ok: true; value: LabelSelector } | { ok: false; message: string } {
  const parsed = parseLabelSelector(s);
  if (!parsed.ok) return { ok: false, message: `couldn't parse the selector string "${s}": ${parsed.message}` };
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const r of requirements(s)) {
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(r);
    const eq = /^([^!=<>\s]+)\s*(==|=|!=|<|>)\s*(.*)$/.exec(r);
    if (set) matchExpressions.push({ key: set[1], operator: set[2] === 'in' ? 'In' : 'NotIn', values: set[3].split(',').map((v) => v.trim()).sort() });
    else if (eq && eq[2] !== '=' && eq[2] !== '==') return { ok: false, message: `"${OPERATOR_NAMES[eq[2]]}" is not a valid label selector operator` };
    else if (eq) matchLabels[eq[1]] = eq[3].trim();
    else if (r.startsWith('!')) matchExpressions.push({ key: r.slice(1).trim(), operator: 'DoesNotExist' });
    else matchExpressions.push({ key: r, operator: 'Exists' });
  }
  matchExpressions.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Both are omitempty: an empty map or list is left out.
  return { ok: true, value: { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) } };
}

/** intstr.Parse: a number is an int, anything else a string. */
const intOrString = (v: string): number | string => (/^[0-9]+$/.test(v) ? Number(v) : v);

export const pdb: Command = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  usage: 'create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]',
  examples:
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n# and require at least one of them being available at any point in time\nkubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1\n\n# Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n# and require at least half of the pods selected to be available at any point in time\nkubectl create pdb my-pdb --selector=app=nginx --min-available=50%',
  flags: [
    ...COMMON,
    { name: 'max-unavailable', type: 'string', default: '', help: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'min-available', type: 'string', default: '', help: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'selector', type: 'string', default: '', help: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
  ],
  *run(inv) {
    const name = oneName(inv);
    const c = name !== undefined && dryRunAndFormat(inv);
    if (name === undefined || !c) return 1;
    const selector = inv.flags.str('selector');
    const min = inv.flags.str('min-available');
    const max = inv.flags.str('max-unavailable');
    const invalid =
      (!name && 'name must be specified') ||
      (!selector && 'a selector must be specified') ||
      (!min && !max && 'one of min-available or max-unavailable must be specified') ||
      (min && max && 'min-available and max-unavailable cannot be both specified') ||
      (min && !COUNT.test(min) && 'invalid format specified for min-available') ||
      (max && !COUNT.test(max) && 'invalid format specified for max-unavailable');
    if (invalid) {
      inv.err(plainError(invalid));
      return 1;
    }
    const sel = toLabelSelector(selector);
    if (!sel.ok) {
      inv.err(plainError(sel.message));
      return 1;
    }
    const spec = { ...(min ? { minAvailable: intOrString(min) } : { maxUnavailable: intOrString(max) }), selector: sel.value };
    const obj = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: typedMeta(name, explicitNs(inv)), spec, status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } };
    return createObject(inv, obj as unknown as KubeObject, c.format, c.dryRun, 'created', 'failed to create poddisruptionbudgets:').ok ? 0 : 1;
  },
};
