import { describe, expect, it } from 'vitest';
import { ItemBackoff } from './rate-limiter.js';

// client-go util/workqueue default_rate_limiters.go: DefaultControllerRateLimiter's
// NewItemExponentialFailureRateLimiter(5*time.Millisecond, 1000*time.Second).
describe('ItemBackoff', () => {
  it('doubles from 5 ms per failure of a key, up to 1000 s, and starts over once forgotten', () => {
    const b = new ItemBackoff();
    expect([1, 2, 3, 4].map(() => b.when('ns/a'))).toEqual([5, 10, 20, 40]);
    expect(b.when('ns/b')).toBe(5);
    for (let i = 0; i < 30; i++) b.when('ns/a');
    expect(b.when('ns/a')).toBe(1_000_000);
    b.forget('ns/a');
    expect(b.when('ns/a')).toBe(5);
  });
});
