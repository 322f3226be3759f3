import { describe, expect, it } from 'vitest';
import { addQuantities, formatQuantity, milliValue, parseQuantity } from './quantity.js';

describe('quantities print in canonical form', () => {
  const cases: [string, string][] = [
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['2', '2'],
    ['1000', '1k'],
    ['250m', '250m'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['4014036Ki', '4014036Ki'],
    ['18556039957', '18556039957'],
    ['0', '0'],
  ];
  for (const [input, text] of cases) it(`${input} → ${text}`, () => expect(formatQuantity(parseQuantity(input))).toBe(text));
  it('adds in the format of the first operand', () => {
    expect(formatQuantity(addQuantities(parseQuantity('100Mi'), parseQuantity('70Mi')))).toBe('170Mi');
    expect(formatQuantity(addQuantities(parseQuantity('100m'), parseQuantity('0.25')))).toBe('350m');
    expect(milliValue(parseQuantity('1.5'))).toBe(1500);
  });
  // apimachinery quantity.go Add: a zero receiver takes the operand's format (a quota's `used` of 0 plus 600Mi).
  it('adds to zero in the format of the second operand', () => {
    expect(formatQuantity(addQuantities(parseQuantity('0'), parseQuantity('600Mi')))).toBe('600Mi');
    expect(formatQuantity(addQuantities(undefined, parseQuantity('800m')))).toBe('800m');
  });
});
