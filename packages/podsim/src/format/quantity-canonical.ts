/**
 * The canonical text of a resource.Quantity, exactly as the API server stores it after a round trip
 * (apimachinery pkg/api/resource: ParseQuantity rounds up to nano units; CanonicalizeBytes picks
 * DecimalSI with the largest multiple-of-3 exponent, `e<n>` for DecimalExponent, and a binary suffix
 * for BinarySI values that are integers of at least 1024). Exact with BigInt: `0.1` stays `100m`.
 */

const BINARY_STEPS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const SI_SUFFIX = new Map(Object.entries(DECIMAL_EXP).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const NANO = 10n ** 9n;

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** The canonical text of `input` (a string or a JSON number), or undefined when it is no quantity. */
export function canonicalQuantity(input: string | number): string | undefined {
  const m = QUANTITY.exec(typeof input === 'number' ? String(input) : input);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole = '', frac = '', suffix = ''] = m;
  let format: Format = 'DecimalSI';
  // The value as num / den, then in nano units rounded away from zero.
  let num = BigInt(whole + frac || '0');
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY_STEPS) {
    format = 'BinarySI';
    num *= 1024n ** BigInt(BINARY_STEPS[suffix]!);
  } else {
    let exp = DECIMAL_EXP[suffix];
    if (exp === undefined) {
      format = 'DecimalExponent';
      exp = Number(suffix.slice(1));
    }
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  const nanos = (num * NANO + den - 1n) / den;
  if (nanos === 0n) return '0';
  if (format === 'BinarySI' && nanos < NANO) format = 'DecimalSI';
  const minus = sign === '-' ? '-' : '';
  if (format === 'BinarySI' && nanos >= 1024n * NANO && nanos % NANO === 0n) {
    let whole = nanos / NANO;
    let step = 0;
    while (whole % 1024n === 0n && step < BINARY_SUFFIX.length - 1) {
      whole /= 1024n;
      step++;
    }
    return `${minus}${whole}${BINARY_SUFFIX[step]}`;
  }
  let mantissa = nanos;
  let exp = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const down = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(down);
  exp -= down;
  if (format === 'DecimalExponent') return `${minus}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
  return `${minus}${mantissa}${SI_SUFFIX.get(exp) ?? `e${exp}`}`;
}
