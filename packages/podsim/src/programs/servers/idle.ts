/**
 * The stand-in for a server image the simulator has no model of (kube components, fluentd, …): it
 * runs quietly until asked to stop and then exits 0, which is what such a container shows in a Pod.
 */
import type { Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';

export const idleServer: Program = function* (proc) {
  for (const sig of [SIGNALS.SIGINT, SIGNALS.SIGTERM]) proc.trap(sig, () => proc.exit(0));
  yield* wait(forever);
  return 0;
};
