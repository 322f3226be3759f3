import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort.js';

describe('goSort (Go sort.Sort)', () => {
  it('sorts like any correct sort for total orders', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), (xs) => {
        expect(goSort(xs, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });
  it('keeps list order among ties for up to 12 elements (insertion sort)', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ k: i % 3, i }));
    expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  });
});
