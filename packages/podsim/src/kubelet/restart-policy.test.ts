import { describe, expect, it } from 'vitest';
import { shouldRestart } from './restart-policy.js';

describe('shouldRestart', () => {
  it('follows the pod restart policy for exited containers', () => {
    expect(shouldRestart('Always', 0, false)).toBe(true);
    expect(shouldRestart('Always', 2, false)).toBe(true);
    expect(shouldRestart('OnFailure', 0, false)).toBe(false);
    expect(shouldRestart('OnFailure', 2, false)).toBe(true);
    expect(shouldRestart('Never', 2, false)).toBe(false);
    expect(shouldRestart(undefined, 0, false)).toBe(true);
  });

  it('starts containers that never ran, and never restarts in a deleted pod', () => {
    expect(shouldRestart('Never', undefined, false)).toBe(true);
    expect(shouldRestart('Always', 1, true)).toBe(false);
    expect(shouldRestart('Always', undefined, true)).toBe(false);
  });
});
