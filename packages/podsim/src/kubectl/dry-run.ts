/** `--dry-run[=none|client|server]` (kubectl pkg/cmd/util/helpers.go GetDryRunStrategy). */
import type { Invocation } from './command.js';
import { plainError } from './errors.js';
import type { FlagSpec } from './flags.js';
import { parseOutputFormat, type OutputFormat } from './output.js';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  help: 'One of "none", "server" or "client": client only prints what would be sent; server asks the server without saving.',
};

export function parseDryRun(v: string): { ok: true; dryRun: DryRun } | { ok: false; message: string } {
  if (v === '' || v === 'none' || v === 'false') return { ok: true, dryRun: 'none' };
  if (v === 'client' || v === 'unchanged' || v === 'true') return { ok: true, dryRun: 'client' };
  if (v === 'server') return { ok: true, dryRun: 'server' };
  return { ok: false, message: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** The command's --dry-run strategy, or undefined once kubectl's error for a bad value is printed. */
export function dryRunOf(inv: Invocation): DryRun | undefined {
  const dry = parseDryRun(inv.flags.str('dry-run'));
  if (dry.ok) return dry.dryRun;
  inv.err(plainError(dry.message));
  return undefined;
}

/** --dry-run then -o (the order kubectl's Complete reads them) for commands that create and print an object. */
export function dryRunAndFormat(inv: Invocation): { dryRun: DryRun; format: OutputFormat | undefined } | undefined {
  const dryRun = dryRunOf(inv);
  if (!dryRun) return undefined;
  const out = parseOutputFormat(inv.flags.str('output'), false);
  if (out.ok) return { dryRun, format: out.format };
  inv.err(plainError(out.message));
  return undefined;
}
