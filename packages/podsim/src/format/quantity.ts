/**
 * Just enough of resource.Quantity for describe: parse `500m`, `128Mi`, `1.5`, `2G`, add, compare,
 * and print in canonical form (largest suffix that keeps an integer mantissa, binary suffixes for
 * binary-formatted values). Models apimachinery pkg/api/resource/quantity.go, simplified to values
 * that fit a double.
 */

export interface Quantity {
  /** Value in base units (cores, bytes). */
  value: number;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export function parseQuantity(input: string | number | undefined | null): Quantity {
  if (input === undefined || input === null) return { value: 0, format: 'DecimalSI' };
  if (typeof input === 'number') return { value: input, format: 'DecimalSI' };
  const m = /^([+-]?[0-9.]+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]?)$/.exec(input.trim());
  if (!m) return { value: 0, format: 'DecimalSI' };
  const num = Number(m[1]);
  const suffix = m[2];
  if (BINARY[suffix] !== undefined) return { value: num * BINARY[suffix], format: 'BinarySI' };
  if (/^[eE]/.test(suffix)) return { value: num * 10 ** Number(suffix.slice(1)), format: 'DecimalExponent' };
  return { value: num * 10 ** DECIMAL[suffix], format: 'DecimalSI' };
}

/** Quantity.Add: the sum keeps the first's format, unless the first is zero. */
export function addQuantities(a: Quantity | undefined, b: Quantity): Quantity {
  return a && a.value !== 0 ? { value: a.value + b.value, format: a.format } : { value: (a?.value ?? 0) + b.value, format: b.format };
}

/** Milli-units rounded up, as Quantity.MilliValue does. */
export const milliValue = (q: Quantity | undefined) => Math.ceil(Math.round((q?.value ?? 0) * 1e9) / 1e6);
/** Base units rounded up, as Quantity.Value does. */
export const intValue = (q: Quantity | undefined) => Math.ceil(Math.round((q?.value ?? 0) * 1e9) / 1e9);

/** Canonical text: `0`, `100m`, `1500m`, `2`, `128Mi`, `1Gi`, `5k`. */
export function formatQuantity(q: Quantity | undefined): string {
  if (!q || q.value === 0) return '0';
  if (q.format === 'BinarySI' && Number.isInteger(q.value) && Math.abs(q.value) >= 1024) {
    const suffixes = Object.entries(BINARY).reverse();
    for (const [suffix, factor] of suffixes) if (q.value % factor === 0) return `${q.value / factor}${suffix}`;
  }
  // decimal: the largest multiple-of-3 exponent that leaves an integer mantissa
  let exp = 0;
  let mantissa = q.value;
  if (Number.isInteger(mantissa)) {
    while (mantissa !== 0 && mantissa % 1000 === 0 && exp < 18) {
      mantissa /= 1000;
      exp += 3;
    }
  } else {
    for (exp = -3; exp > -9; exp -= 3) {
      const scaled = q.value * 10 ** -exp;
      if (Math.abs(scaled - Math.round(scaled)) < 1e-6) break;
    }
    mantissa = Math.round(q.value * 10 ** -exp);
  }
  if (q.format === 'BinarySI' && exp >= 0) return String(q.value);
  const suffix = Object.entries(DECIMAL).find(([, e]) => e === exp)?.[0] ?? '';
  return `${mantissa}${suffix}`;
}
