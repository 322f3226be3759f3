/**
 * Merges an applied configuration into the live object the way server-side apply does: objects field
 * by field, lists with map keys element by element (matched by key), sets as a union, everything else
 * (scalars, atomic lists and structs) replaced by the configuration's value.
 */
import { structOf as fieldsOf, type FieldType } from '../decode/schema.js';
import { isObject, mutableCopy } from '../objects.js';
import { STRUCT_LISTS } from '../patch/list-meta.js';
import { isAtomic, keyToken } from './fieldset.js';

type Obj = Record<string, unknown>;

const structOf = (t: FieldType | undefined): string | undefined => (t && typeof t === 'object' && 'struct' in t ? t.struct : undefined);
const elementStructOf = (t: FieldType | undefined): string | undefined => (t && typeof t === 'object' && 'list' in t ? structOf(t.list) : undefined);

function mergeObject(live: Obj, config: Obj, struct: string | undefined): Obj {
  const out: Obj = { ...live };
  for (const [k, v] of Object.entries(config)) {
    const t = struct ? fieldsOf(struct)?.[k] : undefined;
    const meta = struct ? STRUCT_LISTS[struct]?.[k] : undefined;
    const cur = live[k];
    if (Array.isArray(v) && Array.isArray(cur) && meta?.listType === 'map') {
      const merged = [...cur];
      for (const el of v) {
        const i = merged.findIndex((e) => keyToken(meta, e) === keyToken(meta, el));
        if (i >= 0 && isObject(merged[i]) && isObject(el)) merged[i] = mergeObject(merged[i] as Obj, el, elementStructOf(t));
        else merged.push(mutableCopy(el));
      }
      out[k] = merged;
    } else if (Array.isArray(v) && Array.isArray(cur) && meta?.listType === 'set') {
      out[k] = [...cur, ...v.filter((x) => !cur.some((y) => JSON.stringify(y) === JSON.stringify(x)))];
    } else if (isObject(v) && isObject(cur) && !isAtomic(struct, k, structOf(t))) {
      out[k] = mergeObject(cur, v, structOf(t));
    } else out[k] = mutableCopy(v);
  }
  return out;
}

/** A writable merge of `config` into `live` (objects of `kind`). */
export function mergeApplied(kind: string, live: Obj, config: Obj): Obj {
  return mergeObject(mutableCopy(live), config, kind);
}
