/** Expected texts: the real kubectl 1.32 (Go 1.23 time.Parse) for `kubectl logs POD --since-time=VALUE`, 2026-12. */
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './rfc3339.js';

const AS = 'as "2006-01-02T15:04:05Z07:00": ';
const ERRORS: [string, string][] = [
  ['bad', `parsing time "bad" ${AS}cannot parse "bad" as "2006"`],
  ['2020', `parsing time "2020" ${AS}cannot parse "" as "-"`],
  ['2020-1-01T00:00:00Z', `parsing time "2020-1-01T00:00:00Z" ${AS}cannot parse "1-01T00:00:00Z" as "01"`],
  ['2020-13-01T00:00:00Z', 'parsing time "2020-13-01T00:00:00Z": month out of range'],
  ['2020-00-01T00:00:00Z', 'parsing time "2020-00-01T00:00:00Z": month out of range'],
  ['2020-02-30T00:00:00Z', 'parsing time "2020-02-30T00:00:00Z": day out of range'],
  ['2020-01-00T00:00:00Z', 'parsing time "2020-01-00T00:00:00Z": day out of range'],
  ['2020-01-01', `parsing time "2020-01-01" ${AS}cannot parse "" as "T"`],
  ['2020-01-01T00:00:00', `parsing time "2020-01-01T00:00:00" ${AS}cannot parse "" as "Z07:00"`],
  ['2020-01-01T24:00:00Z', 'parsing time "2020-01-01T24:00:00Z": hour out of range'],
  ['2020-01-01T00:60:00Z', 'parsing time "2020-01-01T00:60:00Z": minute out of range'],
  ['2020-01-01T00:00:00Zx', 'parsing time "2020-01-01T00:00:00Zx": extra text: "x"'],
  ['2020-01-01T00:00:00+01', `parsing time "2020-01-01T00:00:00+01" ${AS}cannot parse "+01" as "Z07:00"`],
  ['2020-01-01x00:00:00Z', `parsing time "2020-01-01x00:00:00Z" ${AS}cannot parse "x00:00:00Z" as "T"`],
  ['2020-01-01T00:00:00.Z', `parsing time "2020-01-01T00:00:00.Z" ${AS}cannot parse ".Z" as "Z07:00"`],
];

describe('parseRfc3339 (Go time.Parse with time.RFC3339)', () => {
  for (const [value, message] of ERRORS) it(`rejects ${value}`, () => expect(parseRfc3339(value)).toEqual({ ok: false, message }));

  it('accepts what Go accepts: a one-digit hour, a fraction the layout does not name, offsets, years below 100', () => {
    expect(parseRfc3339('2020-01-01T1:00:00Z')).toEqual({ ok: true, ms: Date.parse('2020-01-01T01:00:00Z') });
    expect(parseRfc3339('2020-01-01T00:00:00.5Z')).toEqual({ ok: true, ms: Date.parse('2020-01-01T00:00:00.500Z') });
    expect(parseRfc3339('2020-01-01T00:00:00+01:00')).toEqual({ ok: true, ms: Date.parse('2019-12-31T23:00:00Z') });
    expect(parseRfc3339('0050-01-01T00:00:00Z')).toEqual({ ok: true, ms: Date.parse('0050-01-01T00:00:00Z') });
  });
});
