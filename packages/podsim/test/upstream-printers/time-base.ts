/**
 * Upstream printer tests build timestamps from `time.Now()` (`time.Now().Add(-10 * time.Second)`,
 * `AddDate(0, 0, -3)`, `Add(1.9e9)`) and keep them in memory at nanosecond precision. The case files
 * write them as `$now`, `$now-10s`, `$now-3d`, `$now+1.9s`; this turns them into RFC 3339 strings with
 * milliseconds, so sub-second offsets (1.9 s in the future prints `0s`) survive as in Go.
 */
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };
const STAMP = /^\$now(?:([+-])(\d+(?:\.\d+)?)([smhdy]))?$/;

export function resolveTimes(value: unknown, now: number): unknown {
  if (typeof value === 'string') {
    const m = STAMP.exec(value);
    if (!m) return value;
    const offset = m[1] ? (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_MS[m[3]] : 0;
    return new Date(now + offset).toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => resolveTimes(v, now));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTimes(v, now)]));
  return value;
}
