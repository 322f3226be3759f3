/**
 * Walks a decoded body against the Go types in schema.ts, in the key order kubectl sends (sorted, as
 * `json.Marshal` of a map), collecting unknown field paths (`spec.containers[0].imagee`) and the first
 * type error worded like encoding/json's UnmarshalTypeError. Unknown fields and nulls are removed and
 * quantities canonicalised in place.
 */
import { canonicalQuantity } from '../../format/quantity-canonical.js';
import { isObject } from '../objects.js';
import { goTypeName, structOf, type FieldType } from './schema.js';

export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface CheckResult {
  typeError?: string;
  unknown: string[];
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

const INT_RANGE = { int32: 2 ** 31, int64: 2 ** 63 };

export function checkSchema(kind: string, body: Record<string, unknown>): CheckResult {
  const result: CheckResult = { unknown: [] };
  if (!structOf(kind)) return result;

  const typeError = (value: unknown, struct: string, goPath: string, t: FieldType, valueText?: string) => {
    result.typeError ??= `json: cannot unmarshal ${valueText ?? jsonKind(value)} into Go struct field ${struct}.${goPath} of type ${goTypeName(t)}`;
  };

  const scalar = (v: unknown, t: FieldType, struct: string, goPath: string): void => {
    switch (t) {
      case 'string':
        if (typeof v !== 'string') typeError(v, struct, goPath, t);
        return;
      case 'bool':
        if (typeof v !== 'boolean') typeError(v, struct, goPath, t);
        return;
      case 'int32':
      case 'int64':
        if (typeof v !== 'number') typeError(v, struct, goPath, t);
        else if (!Number.isInteger(v) || Math.abs(v) >= INT_RANGE[t]) typeError(v, struct, goPath, t, `number ${v}`);
        return;
      case 'intstr':
        if (typeof v === 'number' ? !Number.isInteger(v) || Math.abs(v) >= INT_RANGE.int32 : typeof v !== 'string') typeError(v, struct, goPath, t);
        return;
      case 'quantity':
        if (typeof v === 'string') {
          if (!QUANTITY_RE.test(v)) result.typeError ??= `quantities must match the regular expression '${QUANTITY_PATTERN}'`;
        } else if (typeof v !== 'number') typeError(v, struct, goPath, t);
        return;
      case 'time':
        if (typeof v !== 'string') typeError(v, struct, goPath, t);
        else if (Number.isNaN(Date.parse(v))) result.typeError ??= `parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`;
        return;
    }
  };

  const walk = (v: unknown, t: FieldType, path: string, struct: string, goPath: string): void => {
    if (v === null || t === 'any') return;
    if (typeof t === 'object') {
      if ('list' in t) {
        if (!Array.isArray(v)) return typeError(v, struct, goPath, t);
        v.forEach((item, i) => walk(item, t.list, `${path}[${i}]`, struct, goPath));
        return;
      }
      if (!isObject(v)) return typeError(v, struct, goPath, t);
      const fields = structOf(t.struct) ?? {};
      for (const key of Object.keys(v).sort()) {
        const ft = fields[key];
        const childPath = path ? `${path}.${key}` : key;
        if (ft === undefined) {
          result.unknown.push(childPath);
          delete v[key];
        } else if (v[key] === null) {
          delete v[key];
        } else {
          walk(v[key], ft, childPath, t.struct, goPath ? `${goPath}.${key}` : key);
          if (ft === 'quantity') canonical(v, key);
        }
      }
      return;
    }
    if (t === 'strmap' || t === 'qtymap' || t === 'bytesmap') {
      if (!isObject(v)) return typeError(v, struct, goPath, t);
      for (const key of Object.keys(v).sort()) {
        const item = v[key];
        if (item === null) continue;
        if (t === 'qtymap') {
          scalar(item, 'quantity', struct, goPath);
          canonical(v, key);
        }
        else if (typeof item !== 'string') typeError(item, struct, goPath, t === 'strmap' ? 'string' : L_UINT8);
        else if (t === 'bytesmap' && !BASE64_RE.test(item)) result.typeError ??= `illegal base64 data at input byte ${firstBadBase64(item)}`;
      }
      return;
    }
    scalar(v, t, struct, goPath);
  };

  walk(body, { struct: kind }, '', kind, '');
  return result;
}

/** A Quantity is stored as its canonical text (`0.5` → `500m`), as the API server's decode and encode do. */
function canonical(holder: Record<string, unknown>, key: string): void {
  const value = holder[key];
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const text = canonicalQuantity(value);
  if (text !== undefined) holder[key] = text;
}

const L_UINT8: FieldType = { list: 'uint8' as FieldType };

function firstBadBase64(s: string): number {
  for (let i = 0; i < s.length; i++) if (!/[A-Za-z0-9+/=]/.test(s[i])) return i;
  return Math.max(0, s.length - (s.length % 4 || 4));
}
