/**
 * The patch `kubectl apply` sends: changes from the live object to the new manifest, plus deletions
 * of what the previous manifest (last-applied-configuration) had and the new one dropped. Fields
 * other writers added (status, defaults, controller fields) are left alone.
 * Models apimachinery pkg/util/strategicpatch CreateThreeWayMergePatch (without ordering directives).
 */
import { mergeKeyFor } from './merge-keys.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** What must be set so that `current` gains everything in `modified` (no deletions). */
function additions(current: Json | undefined, modified: Json, field: string): Json | undefined {
  if (isObject(modified) && isObject(current)) {
    const patch: JsonObject = {};
    for (const [k, v] of Object.entries(modified)) {
      const d = additions(current[k], v, k);
      if (d !== undefined) patch[k] = d;
    }
    return Object.keys(patch).length ? patch : undefined;
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    const key = mergeKeyFor(field, modified);
    if (!key) return deepEqual(current, modified) ? undefined : modified;
    const out: Json[] = [];
    for (const el of modified) {
      if (!isObject(el)) return deepEqual(current, modified) ? undefined : modified;
      const match = current.find((c) => isObject(c) && deepEqual(c[key], el[key]));
      if (!match) {
        out.push(el);
        continue;
      }
      const d = additions(match, el, field);
      if (d !== undefined) out.push({ ...(d as JsonObject), [key]: el[key] });
    }
    return out.length ? out : undefined;
  }
  return deepEqual(current, modified) ? undefined : modified;
}

/** Deletions: what `original` had that `modified` no longer has. */
function deletions(original: Json | undefined, modified: Json | undefined, field: string): Json | undefined {
  if (isObject(original) && isObject(modified)) {
    const patch: JsonObject = {};
    for (const [k, v] of Object.entries(original)) {
      if (!(k in modified)) patch[k] = null;
      else {
        const d = deletions(v, modified[k], k);
        if (d !== undefined) patch[k] = d;
      }
    }
    return Object.keys(patch).length ? patch : undefined;
  }
  if (Array.isArray(original) && Array.isArray(modified)) {
    const key = mergeKeyFor(field, original);
    if (!key) return undefined;
    const out: Json[] = [];
    for (const el of original) {
      if (!isObject(el)) return undefined;
      const match = modified.find((m) => isObject(m) && deepEqual(m[key], el[key]));
      if (!match) out.push({ [key]: el[key], $patch: 'delete' });
      else {
        const d = deletions(el, match, field);
        if (d !== undefined) out.push({ ...(d as JsonObject), [key]: el[key] });
      }
    }
    return out.length ? out : undefined;
  }
  return undefined;
}

function mergePatches(a: Json | undefined, b: Json | undefined, field: string): Json | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (isObject(a) && isObject(b)) {
    const out: JsonObject = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = mergePatches(out[k], v, k) as Json;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = mergeKeyFor(field, [...a, ...b]);
    if (!key) return b;
    const out: Json[] = [...a];
    for (const el of b) {
      const i = out.findIndex((x) => isObject(x) && isObject(el) && deepEqual(x[key], el[key]));
      if (i < 0) out.push(el);
      else out[i] = mergePatches(out[i], el, field) as Json;
    }
    return out;
  }
  return b;
}

/**
 * The strategic merge patch for `kubectl apply`; `{}` means unchanged. `original` is the previous
 * last-applied configuration (undefined when the annotation was missing).
 */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown): Record<string, unknown> {
  const del = original === undefined ? undefined : deletions(original as Json, modified as Json, '');
  const add = additions(current as Json, modified as Json, '');
  const merged = mergePatches(del, add, '');
  return isObject(merged) ? merged : {};
}
