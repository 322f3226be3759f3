/** Re-creates objects with keys in Go struct field order, which is how the real server serialises JSON. */
import { isObject } from '../objects.js';
import { structOf, type FieldType } from './schema.js';


const ENTRIES = new Map<string, [string, FieldType][]>();

function entriesOf(struct: string): [string, FieldType][] {
  let e = ENTRIES.get(struct);
  if (!e) ENTRIES.set(struct, (e = Object.entries(structOf(struct) ?? {})));
  return e;
}

function order(v: unknown, t: FieldType): unknown {
  if (typeof t !== 'object') return v;
  if ('list' in t) return Array.isArray(v) ? v.map((x) => order(x, t.list)) : v;
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, ft] of entriesOf(t.struct)) if (v[k] !== undefined) out[k] = order(v[k], ft);
  for (const k of Object.keys(v)) if (!(k in out) && v[k] !== undefined) out[k] = v[k];
  return out;
}

/** Orders a whole object of `kind` (no-op for kinds without a schema). */
export function orderBySchema<T>(kind: string, obj: T): T {
  return structOf(kind) ? (order(obj, { struct: kind }) as T) : obj;
}
