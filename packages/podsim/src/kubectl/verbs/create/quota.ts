/** `kubectl create quota NAME --hard=resource=quantity,… --scopes=Scope,…` (kubectl create_quota.go). */
import { QUANTITY_PATTERN } from '../../../api/decode/check.js';
import { parseQuantity } from '../../../api/quantity.js';
import type { KubeObject } from '../../../api/types.js';
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { typedMeta } from './job.js';

/** populateResourceListV1: `name=quantity` pairs, each quantity as resource.ParseQuantity takes it (untrimmed). */
function hardLimits(spec: string): Record<string, string> | string {
  const hard: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return `Invalid argument syntax ${statement}, expected <resource>=<value>`;
    if (!new RegExp(QUANTITY_PATTERN).test(parts[1])) return `quantities must match the regular expression '${QUANTITY_PATTERN}'`;
    if (parseQuantity(parts[1]) === undefined) return "unable to parse quantity's suffix";
    hard[parts[0]] = parts[1];
  }
  return hard;
}

export const quota: Command = {
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  usage: 'create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]',
  examples:
    '# Caps on CPU, memory and how many objects of some kinds the namespace may hold\nkubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,secrets=5,persistentvolumeclaims=10\n\n# A cap that counts only the pods without requests or limits\nkubectl create quota best-effort --hard=pods=100 --scopes=BestEffort',
  flags: [
    ...COMMON,
    { name: 'hard', type: 'string', default: '', help: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', default: '', help: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
  ],
  *run(inv) {
    const name = oneName(inv);
    if (!name) return 1;
    const hardSpec = inv.flags.str('hard');
    const hard = hardSpec ? hardLimits(hardSpec) : undefined;
    if (typeof hard === 'string') {
      inv.err(plainError(hard));
      return 1;
    }
    // The scopes are not checked against the known ones here: the API server's validation does that.
    const scopes = inv.flags.str('scopes') ? inv.flags.str('scopes').split(',') : undefined;
    if (scopes?.includes('')) {
      inv.err(plainError('invalid resource quota scope ""'));
      return 1;
    }
    const c = dryRunAndFormat(inv);
    if (!c) return 1;
    const spec = { ...(hard ? { hard } : {}), ...(scopes ? { scopes } : {}) };
    const obj = { kind: 'ResourceQuota', apiVersion: 'v1', metadata: typedMeta(name, explicitNs(inv)), spec, status: {} } as unknown as KubeObject;
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create quota:').ok ? 0 : 1;
  },
};
