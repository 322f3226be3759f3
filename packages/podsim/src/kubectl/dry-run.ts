/** `--dry-run[=none|client|server]` (kubectl pkg/cmd/util/helpers.go GetDryRunStrategy). */
import type { FlagSpec } from './flags.js';

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
