import { describe, expect, it } from 'vitest';
import cases from './quantity-canonical.cases.json' with { type: 'json' };
import { canonicalQuantity } from './quantity-canonical.js';

describe('canonical quantities (upstream quantity_test.go tables)', () => {
  for (const [input, text] of cases.cases as [string | number, string][]) {
    it(`${JSON.stringify(input)} → ${text}`, () => expect(canonicalQuantity(input)).toBe(text));
  }
  it('negative values keep their sign; invalid text is no quantity (TestQuantityParse invalid list)', () => {
    expect(canonicalQuantity('-1024Mi')).toBe('-1Gi');
    expect(canonicalQuantity('-.000000000001Ki')).toBe('-2n');
    for (const bad of ['1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ']) expect(canonicalQuantity(bad)).toBeUndefined();
  });
});
