/**
 * Go's time.ParseDuration (flags like `--timeout=30s`, `--since=5m`), to milliseconds, with Go's
 * error texts. Models golang src/time/format.go ParseDuration.
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(s: string): { ok: true; ms: number } | { ok: false; message: string } {
  const q = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ms: 0 };
  if (rest === '') return { ok: false, message: `time: invalid duration ${q}` };
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest);
    const text = num ? num[0] : '';
    if (text === '' || text === '.') return { ok: false, message: `time: invalid duration ${q}` };
    rest = rest.slice(text.length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return { ok: false, message: `time: missing unit in duration ${q}` };
    const mult = UNIT_MS[unit];
    if (mult === undefined) return { ok: false, message: `time: unknown unit ${JSON.stringify(unit)} in duration ${q}` };
    total += Number(text) * mult;
    rest = rest.slice(unit.length);
  }
  return { ok: true, ms: sign * total };
}
