/** The create generators' client dry runs, each compared byte for byte with the real kubectl's (no server needed). */
import { describe, expect, it } from 'vitest';
import { normalize, realKubectl } from '../../real-kubectl.js';
import { hostWithoutCluster } from '../../testing.js';

/** `gate` is the test suite's withRealKubectl (test/support, which code under src/ may not import): whether the block runs. */
export function sameAsRealKubectl(what: string, cases: readonly string[][], gate: (title: string) => boolean): void {
  const title = `${what} --dry-run=client: same output as the real kubectl`;
  describe.skipIf(!gate(title))(title, () => {
    for (const args of cases) {
      it(args.join(' '), () => {
        const real = realKubectl(args);
        const mine = hostWithoutCluster().run(args);
        expect(mine.stdout).toBe(real.stdout);
        expect(mine.stderr).toBe(normalize(real.stderr));
        expect(mine.code).toBe(real.code);
      });
    }
  });
}
