import { describe, expect, it } from 'vitest';
import { Clock } from '../../clock/clock.js';
import { WorkQueue, splitKey } from './work-queue.js';

describe('WorkQueue', () => {
  it('reconciles a key queued several times once, on the clock, not synchronously', () => {
    const clock = new Clock();
    const seen: string[] = [];
    const q = new WorkQueue(clock, (k) => seen.push(k));
    q.add('default/a');
    q.add('default/a');
    q.add('default/b');
    expect(seen).toEqual([]);
    clock.advance(0);
    expect(seen).toEqual(['default/a', 'default/b']);
  });

  it('delays with addAfter, the earliest request winning', () => {
    const clock = new Clock();
    const start = clock.now();
    const seen: number[] = [];
    const q = new WorkQueue(clock, () => seen.push(clock.now() - start));
    q.addAfter('k', 5000);
    q.addAfter('k', 2000);
    q.addAfter('k', 9000);
    clock.advance(10_000);
    expect(seen).toEqual([2000]);
  });

  it('defers a key that keeps re-queueing itself within one instant instead of spinning forever', () => {
    const clock = new Clock();
    let calls = 0;
    const q: WorkQueue = new WorkQueue(clock, (k) => {
      calls++;
      q.add(k);
    });
    q.add('hot');
    clock.advance(0);
    expect(calls).toBe(50);
    clock.advance(1000);
    expect(calls).toBe(100);
    expect(splitKey('ns/name')).toEqual({ namespace: 'ns', name: 'name' });
  });
});
