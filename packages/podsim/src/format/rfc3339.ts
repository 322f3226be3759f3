/**
 * Go's `time.Parse(time.RFC3339, s)`: the instant, or the error text Go prints (`parsing time "x" as
 * "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`, `…: month out of range`, `…: extra text: …`),
 * which kubectl passes on for flags such as `logs --since-time`. Follows the layout walk of Go's
 * time/format.go: each layout element consumes the value, literals must match exactly, ranges are
 * checked per field, and seconds may carry a fraction the layout does not mention.
 */

const LAYOUT = '2006-01-02T15:04:05Z07:00';

type Element = { lit: string } | { field: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'; layout: string; fixed: boolean; width: number } | { zone: true };

const ELEMENTS: Element[] = [
  { field: 'year', layout: '2006', fixed: true, width: 4 },
  { lit: '-' },
  { field: 'month', layout: '01', fixed: true, width: 2 },
  { lit: '-' },
  { field: 'day', layout: '02', fixed: true, width: 2 },
  { lit: 'T' },
  { field: 'hour', layout: '15', fixed: false, width: 2 },
  { lit: ':' },
  { field: 'minute', layout: '04', fixed: true, width: 2 },
  { lit: ':' },
  { field: 'second', layout: '05', fixed: true, width: 2 },
  { zone: true },
];

const RANGES = { year: [0, 9999], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59] } as const;

const quote = (s: string): string => JSON.stringify(s);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function daysIn(month: number, year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

export type Rfc3339Result = { ok: true; ms: number } | { ok: false; message: string };

export function parseRfc3339(value: string): Rfc3339Result {
  const bad = (rest: string, elem: string): Rfc3339Result => ({ ok: false, message: `parsing time ${quote(value)} as ${quote(LAYOUT)}: cannot parse ${quote(rest)} as ${quote(elem)}` });
  const fail = (message: string): Rfc3339Result => ({ ok: false, message: `parsing time ${quote(value)}${message}` });
  const f = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let fracMs = 0;
  let offsetMin = 0;
  let rest = value;
  for (const e of ELEMENTS) {
    if ('lit' in e) {
      if (!rest.startsWith(e.lit)) return bad(rest, e.lit);
      rest = rest.slice(e.lit.length);
    } else if ('zone' in e) {
      if (rest.startsWith('Z')) {
        rest = rest.slice(1);
        continue;
      }
      const m = /^([+-])(\d\d):(\d\d)/.exec(rest);
      if (!m) return bad(rest, 'Z07:00');
      if (Number(m[2]) > 24) return fail(': time zone offset hour out of range');
      if (Number(m[3]) > 60) return fail(': time zone offset minute out of range');
      offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      rest = rest.slice(6);
    } else {
      // Go's getnum: a fixed field needs all its digits; the hour takes one or two.
      let n = 0;
      while (n < e.width && isDigit(rest[n])) n++;
      if (n === 0 || (e.fixed && n < e.width)) return bad(rest, e.layout);
      const v = Number(rest.slice(0, n));
      rest = rest.slice(n);
      if (e.field !== 'day' && (v < RANGES[e.field][0] || v > RANGES[e.field][1])) return fail(`: ${e.field} out of range`);
      f[e.field] = v;
      if (e.field === 'second' && rest[0] === '.' && isDigit(rest[1])) {
        let k = 1;
        while (isDigit(rest[k])) k++;
        fracMs = Number(`0${rest.slice(0, k)}`) * 1000;
        rest = rest.slice(k);
      }
    }
  }
  if (rest.length > 0) return fail(`: extra text: ${quote(rest)}`);
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) return fail(': day out of range');
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second);
  return { ok: true, ms: d.getTime() + Math.floor(fracMs) - offsetMin * 60_000 };
}
