/**
 * Object plumbing shared by the server: RFC 3339 timestamps from virtual time, the bounded copy that turns
 * untrusted input into plain JSON data, and freezing.
 *
 * Stored objects are deep-frozen and handed out as is by get/list/watch (no copy per read, which keeps
 * list/watch cheap with thousands of pods). Writers copy: callers that want to change an object they read
 * must clone it first (`mutableCopy`), as client-go users DeepCopy informer objects.
 */

/** The API server's request body limit (apiserver `MaxRequestBodyBytes`, 3 MiB). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
/** Nesting beyond this is refused rather than recursed into (the JSON decoder's depth limit is 10,000; ours is lower to keep stacks safe). */
const MAX_DEPTH = 100;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `2026-11-27T09:00:00Z`: metav1.Time marshals at second precision. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2026-11-27T09:00:00.123000000Z`: RFC3339 with nanoseconds, as the kubelet stamps CRI log lines. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export function parseRfc3339(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

type CopyResult = { ok: true; value: JsonValue } | { ok: false; reason: 'depth' | 'size' | 'type'; detail: string };

/**
 * Copies `input` into fresh plain JSON data, refusing what JSON cannot carry (functions, symbols, bigint,
 * non-finite numbers, cycles) and what exceeds the size/depth caps. Never throws.
 */
export function jsonCopy(input: unknown, maxBytes = MAX_REQUEST_BYTES): CopyResult {
  let budget = maxBytes;
  let failure: CopyResult | undefined;
  const fail = (reason: 'depth' | 'size' | 'type', detail: string): undefined => {
    failure ??= { ok: false, reason, detail };
    return undefined;
  };
  const walk = (v: unknown, depth: number): JsonValue | undefined => {
    if (failure) return undefined;
    if (depth > MAX_DEPTH) return fail('depth', 'exceeded max depth');
    if (--budget < 0) return fail('size', '');
    switch (typeof v) {
      case 'string':
        budget -= v.length;
        return budget < 0 ? fail('size', '') : v;
      case 'number':
        return Number.isFinite(v) ? v : fail('type', `unsupported value: ${String(v)}`);
      case 'boolean':
        return v;
      case 'object': {
        if (v === null) return null;
        if (Array.isArray(v)) {
          const out: JsonValue[] = [];
          for (const item of v) {
            const c = walk(item === undefined ? null : item, depth + 1);
            if (failure) return undefined;
            out.push(c as JsonValue);
          }
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return fail('type', `unsupported type: ${proto?.constructor?.name ?? 'object'}`);
        const out: JsonObject = {};
        for (const key of Object.keys(v)) {
          const item = (v as Record<string, unknown>)[key];
          if (item === undefined) continue;
          budget -= key.length;
          const c = walk(item, depth + 1);
          if (failure) return undefined;
          setKey(out, key, c);
        }
        return out;
      }
      default:
        return fail('type', `unsupported type: ${typeof v}`);
    }
  };
  const value = walk(input, 0);
  return failure ?? { ok: true, value: value as JsonValue };
}

/**
 * Freezes stored objects. Their strings are flattened on the way: ids and timestamps built by
 * concatenation are trees of string pieces (several hundred bytes for a UID) until something
 * flattens them, and the store keeps them for the object's lifetime.
 */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[k];
      if (typeof item === 'string') item.charCodeAt(0);
      else deepFreeze(item);
    }
  }
  return v;
}

/** Plain assignment, except that `__proto__` stays an ordinary key instead of changing the prototype. */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A writable deep copy of (possibly frozen) JSON data; much cheaper than structuredClone for API objects. */
export function mutableCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(mutableCopy) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) setKey(out, k, mutableCopy((v as Record<string, unknown>)[k]));
  return out as T;
}

/**
 * A manifest or patch as decoded from JSON/YAML, walked field by field: defaulting, validation,
 * patches and the controllers read nested fields of many kinds that have no schema type here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped object shape; `unknown` would need a cast at every nested read
export type Any = Record<string, any>;

export function isObject(v: unknown): v is Any {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON data (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Rebuilds `obj` with keys in `order` first (the real server's field order), others after in their order. */
export function orderKeys<T extends Record<string, unknown>>(obj: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in obj && obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out as T;
}
