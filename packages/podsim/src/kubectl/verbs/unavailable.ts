/**
 * Commands kubectl has that this sandbox does not simulate: listed in help and suggestions like the
 * real ones, they explain themselves instead of pretending to work.
 */
import type { Command } from '../command.js';
import { plainError } from '../errors.js';

/** Commands made by `unavailable`, so tests comparing with the real kubectl can skip them. */
export const UNAVAILABLE = new Set<Command>();

export function unavailable(name: string, short: string, completes?: Command['completes']): Command {
  const cmd: Command = {
    name,
    completes,
    short,
    usage: `${name} [options]`,
    flags: [],
    *run(inv) {
      inv.err(plainError(`"kubectl ${name}" is not available in this sandbox`));
      return 1;
    },
  };
  UNAVAILABLE.add(cmd);
  return cmd;
}
