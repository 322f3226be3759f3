/** Server warnings (deprecations, unknown fields with --validate=warn) as kubectl prints them. */
import type { Invocation } from './command.js';

export function printWarnings(inv: Invocation, warnings: readonly string[] | undefined): void {
  for (const w of warnings ?? []) inv.err(`Warning: ${w}\n`);
}
