import { describe, expect, it } from 'vitest';
import { resolveFenceposts } from './fenceposts.js';

describe('resolveFenceposts', () => {
  it('rounds surge up and unavailable down (defaults 25%)', () => {
    expect(resolveFenceposts(undefined, undefined, 3)).toEqual({ ok: true, maxSurge: 1, maxUnavailable: 0 });
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ ok: true, maxSurge: 3, maxUnavailable: 2 });
    expect(resolveFenceposts('25%', '25%', 4)).toEqual({ ok: true, maxSurge: 1, maxUnavailable: 1 });
  });
  it('turns 0/0 into unavailable 1', () => {
    expect(resolveFenceposts(0, 0, 3)).toEqual({ ok: true, maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts('25%', '25%', 1)).toEqual({ ok: true, maxSurge: 1, maxUnavailable: 0 });
    expect(resolveFenceposts('10%', '10%', 2)).toEqual({ ok: true, maxSurge: 1, maxUnavailable: 0 });
    expect(resolveFenceposts('0%', '10%', 2)).toEqual({ ok: true, maxSurge: 0, maxUnavailable: 1 });
  });
  it('takes absolute numbers as they are', () => {
    expect(resolveFenceposts(2, 1, 3)).toEqual({ ok: true, maxSurge: 2, maxUnavailable: 1 });
    expect(resolveFenceposts('2', 1, 3)).toEqual({ ok: true, maxSurge: 2, maxUnavailable: 1 });
  });
  it('rejects a non-percentage string', () => {
    expect(resolveFenceposts('abc', 1, 3).ok).toBe(false);
  });
});
