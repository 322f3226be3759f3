import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.js';

const S = 1000;

describe('Backoff (crash loop)', () => {
  it('restarts at once the first time, then waits 10, 20, 40 … 300 s from finishedAt', () => {
    const b = new Backoff();
    const delays: number[] = [];
    let t = 0;
    for (let crash = 0; crash < 9; crash++) {
      const finishedAt = t;
      let now = finishedAt;
      while (b.isInBackOffSince('k', finishedAt, now)) now += S;
      delays.push((now - finishedAt) / S);
      b.next('k', finishedAt, now);
      t = now + 2 * S; // runs 2 s, then crashes again
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('resets to an immediate restart after running 10 minutes since the last update', () => {
    const b = new Backoff();
    b.next('k', 0, 0);
    b.next('k', 1 * S, 11 * S);
    expect(b.get('k')).toBe(20 * S);
    // Crash 600 s after the last update: still counts (strictly more than 2×max resets).
    expect(b.isInBackOffSince('k', 611 * S, 611 * S)).toBe(true);
    expect(b.isInBackOffSince('k', 612 * S, 612 * S)).toBe(false);
    b.next('k', 612 * S, 612 * S);
    expect(b.get('k')).toBe(10 * S);
  });

  it('image pulls back off from the last failure', () => {
    const b = new Backoff();
    b.next('img', 5 * S, 5 * S);
    expect(b.isInBackOffSinceUpdate('img', 14 * S)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 15 * S)).toBe(false);
    b.next('img', 15 * S, 15 * S);
    expect(b.isInBackOffSinceUpdate('img', 34 * S)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 35 * S)).toBe(false);
  });
});
