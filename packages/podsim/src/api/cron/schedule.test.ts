/** Expected texts and activations from github.com/robfig/cron/v3 (parser.go, spec.go) as kube-apiserver reports them. */
import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from './schedule.js';

const at = (iso: string) => Date.parse(iso);
const next = (spec: string, from: string) => {
  const p = parseCronSchedule(spec);
  if (!p.ok) throw new Error(p.message);
  const n = p.schedule.next(at(from));
  return n === undefined ? undefined : new Date(n).toISOString();
};
const error = (spec: string) => {
  const p = parseCronSchedule(spec);
  return p.ok ? '' : p.message;
};

describe('cron schedules', () => {
  it('finds the next minute, step, range, list and named activations', () => {
    expect(next('* * * * *', '2026-11-27T09:00:30Z')).toBe('2026-11-27T09:01:00.000Z');
    expect(next('*/5 * * * *', '2026-11-27T09:01:00Z')).toBe('2026-11-27T09:05:00.000Z');
    expect(next('0 9-17/4 * * mon-fri', '2026-11-27T09:00:00Z')).toBe('2026-11-27T13:00:00.000Z');
    expect(next('30 2 1,15 * *', '2026-11-27T09:00:00Z')).toBe('2026-12-01T02:30:00.000Z');
    expect(next('@hourly', '2026-11-27T09:00:00Z')).toBe('2026-11-27T10:00:00.000Z');
    expect(next('0 0 29 feb *', '2026-11-27T09:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 0 30 2 *', '2026-11-27T09:00:00Z')).toBeUndefined();
  });

  it('ORs day-of-month and day-of-week unless one is a star', () => {
    // 2026-11-27 is a Friday: "1st of the month or Sunday" next fires on Sunday the 29th.
    expect(next('0 0 1 * 0', '2026-11-27T09:00:00Z')).toBe('2026-11-29T00:00:00.000Z');
    expect(next('0 0 * * 0', '2026-11-27T09:00:00Z')).toBe('2026-11-29T00:00:00.000Z');
  });

  it('words errors as the API server does', () => {
    expect(error('')).toBe('empty spec string');
    expect(error('* * *')).toBe('expected exactly 5 fields, found 3: [* * *]');
    expect(error('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(error('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(error('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1');
    expect(error('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(error('* 0 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
  });
});
