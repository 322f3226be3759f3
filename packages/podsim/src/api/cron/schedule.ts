/**
 * Cron schedules as the CronJob API validates and the controller runs them: the standard five fields
 * (minute hour day-of-month month day-of-week), `*`, `?`, ranges, steps, lists, month and weekday names,
 * and the `@hourly`-style descriptors. Error texts and matching rules follow github.com/robfig/cron/v3
 * ParseStandard, which kube-apiserver and kube-controller-manager use. Times are UTC, the controller
 * manager's zone on a kubeadm cluster.
 */

export interface CronSchedule {
  /** The first activation strictly after `ms` (ms since the epoch), or undefined when none comes within five years. */
  next(ms: number): number | undefined;
}

export type ParsedSchedule = { ok: true; schedule: CronSchedule } | { ok: false; message: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]));
const DAYS = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i]));
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface FieldSet {
  values: Set<number>;
  /** `*` or `?` without a step: day-of-month and day-of-week then combine with AND instead of OR. */
  star: boolean;
}

class Failure extends Error {}

/** Go's strconv.Atoi error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new Failure(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n < 0) throw new Failure(`negative number (${n}) not allowed: ${s}`);
  return n;
}

function intOrName(s: string, b: Bounds): number {
  const named = b.names?.[s.toLowerCase()];
  return named ?? atoi(s);
}

function parseRange(expr: string, b: Bounds, into: FieldSet): void {
  const rangeAndStep = expr.split('/');
  const lowHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowHigh[0] === '*' || lowHigh[0] === '?') {
    [start, end, star] = [b.min, b.max, true];
  } else {
    start = intOrName(lowHigh[0], b);
    if (lowHigh.length === 1) end = start;
    else if (lowHigh.length === 2) end = intOrName(lowHigh[1], b);
    else throw new Failure(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = atoi(rangeAndStep[1]);
    if (lowHigh.length === 1) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new Failure(`too many slashes: ${expr}`);
  if (start < b.min) throw new Failure(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Failure(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Failure(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new Failure(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  into.star ||= star;
}

function parseField(text: string, b: Bounds): FieldSet {
  const set: FieldSet = { values: new Set(), star: false };
  for (const part of text.split(',')) parseRange(part, b, set);
  return set;
}

const FIVE_YEARS_MS = 5 * 366 * 24 * 3600 * 1000;

function fieldSchedule(fields: FieldSet[]): CronSchedule {
  const [minute, hour, dom, month, dow] = fields;
  const dayMatches = (d: Date) => {
    const a = dom.values.has(d.getUTCDate());
    const b = dow.values.has(d.getUTCDay());
    return dom.star || dow.star ? a && b : a || b;
  };
  return {
    next(ms) {
      const t = new Date(Math.floor(ms / 60_000) * 60_000 + 60_000);
      const limit = ms + FIVE_YEARS_MS;
      while (t.getTime() <= limit) {
        if (!month.values.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1);
          t.setUTCHours(0, 0, 0, 0);
        } else if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1);
          t.setUTCHours(0, 0, 0, 0);
        } else if (!hour.values.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
        } else if (!minute.values.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
        } else return t.getTime();
      }
      return undefined;
    },
  };
}

/** Go time.ParseDuration for the units a schedule uses (h, m, s, ms). */
function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    pos = re.lastIndex;
  }
  return s.length > 0 && pos === s.length ? total : undefined;
}

export function parseCronSchedule(spec: string): ParsedSchedule {
  if (spec.length === 0) return { ok: false, message: 'empty spec string' };
  try {
    if (spec.startsWith('@')) {
      if (spec.startsWith('@every ')) {
        const text = spec.slice('@every '.length);
        const d = parseDuration(text);
        if (d === undefined) return { ok: false, message: `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(text)}` };
        // robfig's ConstantDelaySchedule: at least a second, whole seconds, from the last run.
        const delay = Math.max(1000, d - (d % 1000));
        return { ok: true, schedule: { next: (ms) => Math.floor(ms / 1000) * 1000 + delay } };
      }
      const std = DESCRIPTORS[spec];
      if (!std) return { ok: false, message: `unrecognized descriptor: ${spec}` };
      spec = std;
    }
    const parts = spec.split(/\s+/).filter(Boolean);
    if (parts.length !== 5) return { ok: false, message: `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]` };
    return { ok: true, schedule: fieldSchedule(parts.map((p, i) => parseField(p, FIELDS[i]))) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, message: e.message };
    throw e;
  }
}
