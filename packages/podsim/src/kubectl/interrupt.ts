/**
 * Commands that run until Ctrl+C (`get -w`, `events -w`): kubectl's interrupt handler runs the
 * cleanup and exits with status 1 (kubectl pkg/util/interrupt).
 */
import { SIGNALS } from '../kernel/signals.js';
import { forever, wait } from '../kernel/waitable.js';
import type { Invocation } from './command.js';

export function* untilInterrupted(inv: Invocation, cleanup: () => void) {
  inv.proc.trap(SIGNALS.SIGINT, () => {
    cleanup();
    inv.proc.exit(1);
  });
  try {
    yield* wait(forever);
  } finally {
    cleanup();
  }
  return 0;
}
