import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';

describe('Clock', () => {
  it('runs timers by due time, then in the order they were set, skipping cancelled ones', () => {
    const plan = fc.array(fc.record({ delay: fc.integer({ min: 0, max: 20 }), cancel: fc.boolean(), child: fc.option(fc.integer({ min: 0, max: 5 })) }), { maxLength: 300 });
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 40 }), (timers, advanceBy) => {
        const clock = new Clock(1000);
        const ran: string[] = [];
        // The model: every timer with its due time and creation rank, sorted (a stable sort keeps creation order).
        const model: { due: number; rank: number; name: string }[] = [];
        let rank = 0;
        timers.forEach((t, i) => {
          const name = `t${i}`;
          const myRank = rank++;
          const h = clock.setTimer(t.delay, () => {
            ran.push(name);
            // A timer setting another: due from the instant it runs, created after everything so far.
            if (t.child !== null) clock.setTimer(t.child, () => ran.push(`${name}.child`));
          });
          if (t.cancel) clock.cancel(h);
          else model.push({ due: 1000 + t.delay, rank: myRank, name });
        });
        clock.advance(advanceBy);
        // Replay the model: run in (due, rank) order, children join the queue when their parent runs.
        const queue = [...model];
        const expected: string[] = [];
        for (;;) {
          queue.sort((a, b) => a.due - b.due || a.rank - b.rank);
          const next = queue[0];
          if (!next || next.due > 1000 + advanceBy) break;
          queue.shift();
          expected.push(next.name);
          const child = timers[Number(next.name.slice(1).split('.')[0])]!.child;
          if (!next.name.includes('.') && child !== null) queue.push({ due: next.due + child, rank: rank++, name: `${next.name}.child` });
        }
        expect(ran).toEqual(expected);
        expect(clock.now()).toBe(1000 + advanceBy);
        expect(clock.nextDue()).toBe(queue[0]?.due);
      }),
    );
  });

  it('step runs everything due at the next instant; a zero delay runs after what is already due then', () => {
    const clock = new Clock(0);
    const ran: string[] = [];
    clock.setTimer(5, () => {
      ran.push('a');
      clock.setTimer(0, () => ran.push('a.zero'));
    });
    clock.setTimer(5, () => ran.push('b'));
    clock.setTimer(9, () => ran.push('c'));
    expect(clock.step()).toBe(true);
    expect(ran).toEqual(['a', 'b', 'a.zero']);
    expect(clock.now()).toBe(5);
    expect(clock.nextDue()).toBe(9);
    expect(clock.step()).toBe(true);
    expect(clock.step()).toBe(false);
    expect(ran).toEqual(['a', 'b', 'a.zero', 'c']);
  });
});
