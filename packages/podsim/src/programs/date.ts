/** date in virtual time, UTC: default `Fri Nov 27 09:00:00 UTC 2026`, `+FORMAT`, -u, -I, -R. */
import type { Program } from '../kernel/process.js';
import { fail } from './util.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Calendar fields of one UTC second; `ms` keeps the sub-second part for %N. */
interface Fields {
  ms: number;
  Y: number;
  mo: number;
  day: number;
  H: number;
  M: number;
  S: number;
  wd: number;
  yday: number;
}

function fieldsOf(ms: number): Fields {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  return { ms, Y, mo, day, H: d.getUTCHours(), M: d.getUTCMinutes(), S: d.getUTCSeconds(), wd: d.getUTCDay(), yday };
}

// One table for every call: servers log a timestamp per request, so formatting must not build closures.
const CONVERSIONS: Record<string, (f: Fields) => string> = {
  Y: (f) => String(f.Y),
  y: (f) => p2(f.Y % 100),
  C: (f) => p2(Math.floor(f.Y / 100)),
  m: (f) => p2(f.mo + 1),
  d: (f) => p2(f.day),
  e: (f) => String(f.day).padStart(2, ' '),
  H: (f) => p2(f.H),
  I: (f) => p2(f.H % 12 === 0 ? 12 : f.H % 12),
  M: (f) => p2(f.M),
  S: (f) => p2(f.S),
  N: (f) => String((f.ms % 1000) * 1_000_000).padStart(9, '0'),
  p: (f) => (f.H < 12 ? 'AM' : 'PM'),
  a: (f) => DAYS[f.wd],
  A: (f) => DAYS_LONG[f.wd],
  b: (f) => MONTHS[f.mo],
  h: (f) => MONTHS[f.mo],
  B: (f) => MONTHS_LONG[f.mo],
  j: (f) => String(f.yday).padStart(3, '0'),
  u: (f) => String(f.wd === 0 ? 7 : f.wd),
  w: (f) => String(f.wd),
  s: (f) => String(Math.floor(f.ms / 1000)),
  Z: () => 'UTC',
  z: () => '+0000',
  T: (f) => `${p2(f.H)}:${p2(f.M)}:${p2(f.S)}`,
  R: (f) => `${p2(f.H)}:${p2(f.M)}`,
  D: (f) => `${p2(f.mo + 1)}/${p2(f.day)}/${p2(f.Y % 100)}`,
  F: (f) => `${f.Y}-${p2(f.mo + 1)}-${p2(f.day)}`,
  c: (f) => `${DAYS[f.wd]} ${MONTHS[f.mo]} ${String(f.day).padStart(2, ' ')} ${p2(f.H)}:${p2(f.M)}:${p2(f.S)} ${f.Y}`,
  n: () => '\n',
  t: () => '\t',
  '%': () => '%',
};

function format(fmt: string, f: Fields): string {
  let out = '';
  let from = 0;
  for (let i = fmt.indexOf('%'); i >= 0 && i + 1 < fmt.length; i = fmt.indexOf('%', from)) {
    const conv = CONVERSIONS[fmt[i + 1]];
    out += fmt.slice(from, i) + (conv ? conv(f) : fmt.slice(i, i + 2));
    from = i + 2;
  }
  return out + fmt.slice(from);
}

/** The last text per format, valid for one second (or one millisecond with %N). */
const recent = new Map<string, { at: number; text: string }>();
const RECENT_LIMIT = 64;

/** strftime over a UTC instant (the subset scripts use). */
export function strftime(fmt: string, ms: number): string {
  const at = fmt.includes('%N') ? ms : Math.floor(ms / 1000);
  const hit = recent.get(fmt);
  if (hit && hit.at === at) return hit.text;
  const text = format(fmt, fieldsOf(ms));
  if (hit) {
    hit.at = at;
    hit.text = text;
  } else {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(fmt, { at, text });
  }
  return text;
}

export const DATE_DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

export const date: Program = function* (proc) {
  let format = DATE_DEFAULT_FORMAT;
  for (const a of proc.argv.slice(1)) {
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-R' || a === '--rfc-2822') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a === '-Idate' || a === '--iso-8601') format = '%F';
    else if (a === '-Iseconds' || a === '--iso-8601=seconds') format = '%Y-%m-%dT%H:%M:%S+00:00';
    else return fail(proc, `invalid date '${a}'`);
  }
  proc.stdout.write(`${strftime(format, proc.clock.now())}\n`);
  return 0;
};
