/** date in virtual time, UTC: default `Fri Nov 27 09:00:00 UTC 2026`, `+FORMAT`, -u, -I, -R. */
import type { Program } from '../kernel/process.js';
import { fail } from './util.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime over a UTC instant (the subset scripts use). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, mo, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const conv: Record<string, () => string> = {
    Y: () => String(Y),
    y: () => p2(Y % 100),
    C: () => p2(Math.floor(Y / 100)),
    m: () => p2(mo + 1),
    d: () => p2(day),
    e: () => String(day).padStart(2, ' '),
    H: () => p2(H),
    I: () => p2(H % 12 === 0 ? 12 : H % 12),
    M: () => p2(M),
    S: () => p2(S),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    a: () => DAYS[wd],
    A: () => DAYS_LONG[wd],
    b: () => MONTHS[mo],
    h: () => MONTHS[mo],
    B: () => MONTHS_LONG[mo],
    j: () => String(yday).padStart(3, '0'),
    u: () => String(wd === 0 ? 7 : wd),
    w: () => String(wd),
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    R: () => `${p2(H)}:${p2(M)}`,
    D: () => `${p2(mo + 1)}/${p2(day)}/${p2(Y % 100)}`,
    F: () => `${Y}-${p2(mo + 1)}-${p2(day)}`,
    c: () => `${DAYS[wd]} ${MONTHS[mo]} ${String(day).padStart(2, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => (conv[c] ? conv[c]() : all));
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
