import { describe, expect, it } from 'vitest';
import { bytes, milliCpu, parseQuantity } from './quantity.js';

describe('quantities', () => {
  it('parses cpu', () => {
    expect(milliCpu('250m')).toBe(250);
    expect(milliCpu('1')).toBe(1000);
    expect(milliCpu('0.5')).toBe(500);
    expect(milliCpu(2)).toBe(2000);
    expect(milliCpu(undefined)).toBe(0);
  });
  it('parses memory with binary, decimal and exponent suffixes', () => {
    expect(bytes('128Mi')).toBe(128 * 1024 * 1024);
    expect(bytes('1G')).toBe(1e9);
    expect(bytes('1e3')).toBe(1000);
    expect(bytes('8129284Ki')).toBe(8129284 * 1024);
    expect(parseQuantity('12x')).toBeUndefined();
  });
});
