/**
 * The two duration formats kubectl output uses.
 * Models apimachinery pkg/util/duration/duration.go (HumanDuration) and Go's time.Duration.String.
 */

/** AGE-style duration: `119s`, `2m10s`, `10m`, `3h5m`, `2d3h`, `400d`, `2y3d`; `<invalid>` below −1 s. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Age of an RFC 3339 timestamp as tables print it (`translateTimestampSince`): `<unknown>` when unset. */
export function ageSince(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** Go's time.Duration.String for a duration in milliseconds (fractions allowed): `1.234s`, `850ms`, `1m20s`, `5m0s`. */
export function goDuration(ms: number): string {
  let ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  const neg = ns < 0;
  if (neg) ns = -ns;
  let out: string;
  if (ns < 1e9) {
    if (ns < 1e3) out = `${ns}ns`;
    else if (ns < 1e6) out = `${fraction(ns, 1e3)}µs`;
    else out = `${fraction(ns, 1e6)}ms`;
  } else {
    const totalSeconds = Math.floor(ns / 1e9);
    const secPart = fraction(ns - (totalSeconds - (totalSeconds % 60)) * 1e9, 1e9);
    const totalMinutes = Math.floor(totalSeconds / 60);
    out = `${secPart}s`;
    if (totalMinutes > 0) {
      const hours = Math.floor(totalMinutes / 60);
      out = `${totalMinutes % 60}m${out}`;
      if (hours > 0) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** `value/unit` printed with the fraction's trailing zeros dropped, like Go's fmtFrac. */
function fraction(value: number, unit: number): string {
  const whole = Math.floor(value / unit);
  const rest = value - whole * unit;
  if (rest === 0) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}
