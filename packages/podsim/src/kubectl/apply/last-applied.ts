/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation: the applied manifest as compact
 * JSON with sorted keys and a trailing newline (Go's json encoder over an unstructured map), with
 * the annotation itself removed but an `annotations: {}` left behind, as kubectl stores it
 * (kubectl pkg/util/apply.go GetModifiedConfiguration).
 */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Go json.Marshal escapes <, > and & in strings. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

type Obj = Record<string, unknown> & { metadata?: Record<string, unknown> };

/** A copy of `obj` carrying the annotation that records `obj` itself. */
export function withLastApplied(obj: Obj): Obj {
  const copy = structuredClone(obj) as Obj;
  const meta = (copy.metadata ??= {});
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  const recorded = `${goJson(copy)}\n`;
  meta.annotations = { ...annotations, [LAST_APPLIED]: recorded };
  return copy;
}

/** The previous manifest stored on a live object, if any. */
export function lastAppliedOf(live: { metadata?: { annotations?: Record<string, string> } }): unknown {
  const raw = live.metadata?.annotations?.[LAST_APPLIED];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
