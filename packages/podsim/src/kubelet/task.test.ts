import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { Deferred, sleep, wait } from '../kernel/waitable.js';
import { runTask } from './task.js';

describe('runTask', () => {
  it('runs a generator through timers and synchronous waitables, then calls done', () => {
    const clock = new Clock(0);
    const seen: string[] = [];
    const d = new Deferred<number>();
    d.resolve(7);
    let finished = false;
    runTask(
      (function* () {
        const v = yield* wait(d);
        seen.push(`sync ${v} @${clock.now()}`);
        yield* wait(sleep(clock, 500));
        seen.push(`slept @${clock.now()}`);
      })(),
      () => (finished = true),
    );
    expect(seen).toEqual(['sync 7 @0']);
    clock.advance(1000);
    expect(seen).toEqual(['sync 7 @0', 'slept @500']);
    expect(finished).toBe(true);
  });

  it('cancel stops a waiting task', () => {
    const clock = new Clock(0);
    let after = false;
    const cancel = runTask(
      (function* () {
        yield* wait(sleep(clock, 100));
        after = true;
      })(),
    );
    cancel();
    clock.advance(200);
    expect(after).toBe(false);
  });
});
