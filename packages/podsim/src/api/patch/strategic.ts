/**
 * Strategic merge patch (apimachinery `pkg/util/strategicpatch`) for the kinds we serve. Lists with a
 * patchMergeKey merge element-wise; other lists are replaced; `null` deletes; directives: `$patch`
 * (replace/delete/merge), `$retainKeys`, `$deleteFromPrimitiveList/<f>`, `$setElementOrder/<f>`.
 */
import { isObject, jsonEqual, mutableCopy, type Any } from '../objects.js';
import { structOf as fieldsOf, type FieldType } from '../decode/schema.js';
import { STRUCT_LISTS } from './list-meta.js';

/** patchMergeKey per Go struct field; `null` = merge a list of primitives as a set. */
const STRUCT_MERGE_KEYS: Record<string, Record<string, string | null>> = Object.fromEntries(
  Object.entries(STRUCT_LISTS).map(([struct, fields]) => [struct, Object.fromEntries(Object.entries(fields).map(([f, m]) => [f, m.mergeKey ?? null]))]),
);

/** Merge keys inside parts the decoder treats as opaque (status, node spec), by path from the object root. */
const PATH_MERGE_KEYS: Record<string, string | null> = {
  'status.conditions': 'type',
  'status.podIPs': 'ip',
  'status.hostIPs': 'ip',
  'status.addresses': 'type',
  'status.images': null,
  'spec.podCIDRs': null,
};

const DIRECTIVE_PREFIXES = ['$setElementOrder/', '$deleteFromPrimitiveList/'];

function isDirectiveKey(k: string): boolean {
  return k === '$patch' || k === '$retainKeys' || DIRECTIVE_PREFIXES.some((p) => k.startsWith(p));
}

interface Where {
  struct?: string;
  path: string;
}

function mergeKeyFor(where: Where, field: string, childPath: string): string | null | undefined {
  const byStruct = where.struct ? STRUCT_MERGE_KEYS[where.struct] : undefined;
  if (byStruct && field in byStruct) return byStruct[field];
  return childPath in PATH_MERGE_KEYS ? PATH_MERGE_KEYS[childPath] : undefined;
}

function childStruct(where: Where, field: string): { field?: FieldType } {
  return { field: where.struct ? fieldsOf(where.struct)?.[field] : undefined };
}

function structOf(t: FieldType | undefined): string | undefined {
  return t && typeof t === 'object' && 'struct' in t ? t.struct : undefined;
}

function elementStruct(t: FieldType | undefined): string | undefined {
  return t && typeof t === 'object' && 'list' in t ? structOf(t.list) : undefined;
}

export class PatchError extends Error {}

/** Applies `patch` to `original` (neither is modified). Returns undefined when the patch deletes the whole map. */
export function strategicMerge(original: unknown, patch: unknown, struct?: string): unknown {
  return mergeMap(isObject(original) ? original : {}, patch, { struct, path: '' });
}

function mergeMap(orig: Any, patch: unknown, where: Where): unknown {
  if (!isObject(patch)) return mutableCopy(patch);
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return strip(patch, where);
  if (directive !== undefined && directive !== 'merge') throw new PatchError(`Unknown patch type: ${String(directive)}`);
  const out: Any = mutableCopy(orig);
  for (const [key, value] of Object.entries(patch)) {
    if (isDirectiveKey(key)) continue;
    const childPath = where.path ? `${where.path}.${key}` : key;
    const { field } = childStruct(where, key);
    if (value === null) {
      delete out[key];
    } else if (Array.isArray(value)) {
      const mk = mergeKeyFor(where, key, childPath);
      const elem = { struct: elementStruct(field), path: childPath };
      out[key] = mk === undefined ? stripList(value, elem) : mergeList(Array.isArray(out[key]) ? out[key] : [], value, mk, elem);
    } else if (isObject(value)) {
      const merged = mergeMap(isObject(out[key]) ? out[key] : {}, value, { struct: structOf(field), path: childPath });
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else {
      out[key] = value;
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const f = key.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(value)) out[f] = out[f].filter((x: unknown) => !value.some((v) => jsonEqual(v, x)));
    } else if (key.startsWith('$setElementOrder/')) {
      const f = key.slice('$setElementOrder/'.length);
      const mk = mergeKeyFor(where, f, where.path ? `${where.path}.${f}` : f);
      if (Array.isArray(out[f]) && Array.isArray(value)) out[f] = reorder(out[f], value, mk ?? null);
    }
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys);
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(orig: unknown[], patch: unknown[], key: string | null, elem: Where): unknown[] {
  if (patch.some((p) => isObject(p) && p.$patch === 'replace')) return stripList(patch.filter((p) => !(isObject(p) && p.$patch === 'replace')), elem);
  if (key === null) {
    const out = mutableCopy(orig);
    for (const p of patch) if (!out.some((x) => jsonEqual(x, p))) out.push(mutableCopy(p));
    return out;
  }
  const out: unknown[] = mutableCopy(orig);
  for (const p of patch) {
    if (!isObject(p)) throw new PatchError(`unable to find api field in struct ${elem.struct ?? 'Unstructured'} for the json field "${elem.path.split('.').pop()}"`);
    const idx = out.findIndex((x) => isObject(x) && jsonEqual(x[key], p[key]));
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) {
      const merged = mergeMap(out[idx] as Any, p, elem);
      if (merged === undefined) out.splice(idx, 1);
      else out[idx] = merged;
    } else {
      const created = mergeMap({}, p, elem);
      if (created !== undefined) out.push(created);
    }
  }
  return out;
}

/** `$setElementOrder`: listed elements in the given order, the server's other elements after them. */
function reorder(list: unknown[], order: unknown[], key: string | null): unknown[] {
  const keyOf = (x: unknown) => (key === null ? x : isObject(x) ? x[key] : undefined);
  const picked = new Set<number>();
  const out: unknown[] = [];
  for (const o of order) {
    const want = keyOf(o);
    const i = list.findIndex((x, j) => !picked.has(j) && jsonEqual(keyOf(x), want));
    if (i >= 0) {
      picked.add(i);
      out.push(list[i]);
    }
  }
  list.forEach((x, j) => {
    if (!picked.has(j)) out.push(x);
  });
  return out;
}

function strip(v: Any, where: Where): Any {
  const out: Any = {};
  for (const [k, x] of Object.entries(v)) {
    if (isDirectiveKey(k) || x === null) continue;
    const childPath = where.path ? `${where.path}.${k}` : k;
    const { field } = childStruct(where, k);
    if (Array.isArray(x)) out[k] = stripList(x, { struct: elementStruct(field), path: childPath });
    else if (isObject(x)) out[k] = strip(x, { struct: structOf(field), path: childPath });
    else out[k] = x;
  }
  return out;
}

function stripList(list: unknown[], elem: Where): unknown[] {
  return list.map((x) => (isObject(x) ? strip(x, elem) : mutableCopy(x)));
}
