/** What the `create` generators share: their common flags, the one NAME argument, `-n` in the object. */
import type { Invocation } from '../../command.js';
import { DRY_RUN_FLAG } from '../../dry-run.js';
import { usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';

const OUTPUT: FlagSpec = { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, jsonpath=...' };
const SAVE_CONFIG: FlagSpec = { name: 'save-config', type: 'bool', default: false, help: 'Record the object in the last-applied-configuration annotation, for later kubectl apply.' };
const VALIDATE: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'How the server checks unknown fields: strict, warn or ignore.' };
export const COMMON: FlagSpec[] = [DRY_RUN_FLAG, OUTPUT, SAVE_CONFIG, VALIDATE];

export function oneName(inv: Invocation): string | undefined {
  if (inv.args.length !== 1) {
    inv.err(usageError(inv.commandPath, `exactly one NAME is required, got ${inv.args.length}`));
    return undefined;
  }
  return inv.args[0];
}

/** `-n` puts the namespace into generated objects, as kubectl's EnforceNamespace does. */
export function explicitNs(inv: Invocation): string | undefined {
  return inv.namespaceExplicit ? inv.namespace : undefined;
}
