/** Same seed and same inputs give the same API state, byte for byte. */
import { describe, expect, it } from 'vitest';
import { HELLO_POD, helloDeployment } from './support/manifests.js';
import { apply, bootCluster, exec, snapshot } from './support/harness.js';

function script(seed: number): string {
  const c = bootCluster({ seed });
  apply(c, helloDeployment('web', 3));
  apply(c, HELLO_POD);
  c.advance(30_000);
  exec(c, 'hello-world-pod', ['/usr/bin/killall', 'hello-app']);
  apply(c, helloDeployment('web', 3, 'gcr.io/google-samples/hello-app:2.0'));
  c.advance(60_000);
  c.api.delete('deployments', 'default', 'web');
  c.advance(45_000);
  return snapshot(c);
}

describe('determinism', () => {
  it('replays identically for a seed and differs for another', () => {
    const a = script(7);
    expect(script(7)).toBe(a);
    expect(script(8)).not.toBe(a);
  });
});
