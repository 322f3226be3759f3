/**
 * Gate for test blocks that compare us with the real kubectl (`/usr/bin/kubectl`). Without it a block
 * is skipped with a printed line naming it; in CI (`CI` set, as `.ci/run` does) its absence fails the
 * run instead, so a CI machine without kubectl cannot pass by skipping every real-kubectl check.
 */
import { existsSync } from 'node:fs';
import { it } from 'vitest';

export const REAL_KUBECTL_PATH = '/usr/bin/kubectl';

export type GateDecision = 'run' | 'skip' | 'fail';

export function gateDecision(present: boolean, ci: string | undefined): GateDecision {
  if (present) return 'run';
  return ci && ci !== 'false' && ci !== '0' ? 'fail' : 'skip';
}

/** Whether the block comparing `what` with the real kubectl runs; call it where the block is declared. */
export function withRealKubectl(what: string): boolean {
  const decision = gateDecision(existsSync(REAL_KUBECTL_PATH), process.env.CI);
  if (decision === 'run') return true;
  console.warn(`SKIPPED (no real kubectl at ${REAL_KUBECTL_PATH}): ${what}`);
  if (decision === 'fail') {
    it(`the real kubectl is installed, for: ${what}`, () => {
      throw new Error(`CI is set but ${REAL_KUBECTL_PATH} is missing, so "${what}" cannot run`);
    });
  }
  return false;
}
