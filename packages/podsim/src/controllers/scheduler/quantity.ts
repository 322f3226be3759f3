/** Quantities in the units the scheduler adds up: millicores and bytes (Quantity.MilliValue / Value round up). */
import { parseQuantity } from '../../api/quantity.js';

export { parseQuantity };

export function milliCpu(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v * 1000 - 1e-9);
}

export function bytes(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v - 1e-9);
}
