import { describe, expect, it } from 'vitest';
import { ageSince, goDuration, humanDuration } from './duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [130 * s, '2m10s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [8 * h + 59 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 3 * d, '2y3d'],
    [9 * 365 * d, '9y'],
  ];
  for (const [ms, text] of cases) it(`${ms}ms → ${text}`, () => expect(humanDuration(ms)).toBe(text));

  it('ages of unset timestamps print <unknown>', () => {
    expect(ageSince(undefined, 0)).toBe('<unknown>');
    expect(ageSince('2026-11-27T00:00:00Z', Date.parse('2026-11-27T00:02:10Z'))).toBe('2m10s');
  });
});

describe('goDuration (time.Duration.String)', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [850, '850ms'],
    [1234, '1.234s'],
    [1000, '1s'],
    [80 * s, '1m20s'],
    [5 * m, '5m0s'],
    [62.5 * s, '1m2.5s'],
    [h + 30 * s, '1h0m30s'],
    [0.5, '500µs'],
    [0.000001, '1ns'],
    [-1500, '-1.5s'],
  ];
  for (const [ms, text] of cases) it(`${ms}ms → ${text}`, () => expect(goDuration(ms)).toBe(text));
});
