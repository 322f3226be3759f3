/**
 * A resource.Quantity as field.Invalid prints one: Go's `%#v` of the struct (Quantity's String has a pointer
 * receiver, so a Quantity value is no Stringer), its int64Amount as ParseQuantity left it (the digits and the
 * decimal exponent) and the canonical string that String() cached. The decoder has already put the value in
 * canonical form, so a non-canonical one (`1.5`, ParseQuantity's {15, -1}) shows as its canonical twin ({1500, -3}).
 */
import { formatQuantity, parseQuantity } from '../../format/quantity.js';
import { GoValue } from './field.js';

const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export function goQuantity(raw: unknown): GoValue {
  const parsed = parseQuantity(raw as string);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(String(raw).trim());
  let value = parsed.value;
  let scale = 0;
  if (m && parsed.format !== 'BinarySI') {
    const exp = /^[eE]/.test(m[4]) ? Number(m[4].slice(1)) : (DECIMAL_EXP[m[4]] ?? 0);
    value = Number(`${m[1]}${m[2]}${m[3] ?? ''}`);
    scale = exp - (m[3] ?? '').length;
  }
  return new GoValue(`resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"${formatQuantity(parsed)}", Format:"${parsed.format}"}`);
}
