import type { Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import { resolveTargets, type TargetObject } from '../../targets.js';

/**
 * The objects a rollout subcommand acts on (TYPE NAME, TYPE/NAME, -l), or undefined once it has said why
 * not. `validate` is the subcommand's own flag check, which kubectl runs before any lookup.
 */
export function rolloutTargets(inv: Invocation, validate?: () => string | undefined): TargetObject[] | undefined {
  const invalid = inv.args.length === 0 ? 'required resource not specified' : validate?.();
  if (invalid) {
    inv.err(plainError(invalid));
    return undefined;
  }
  const found = resolveTargets(inv, inv.args, { selector: inv.flags.str('selector') });
  return found.ok ? found.targets : undefined;
}
