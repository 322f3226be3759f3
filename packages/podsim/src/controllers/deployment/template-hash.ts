/**
 * pod-template-hash (k8s pkg/controller/controller_utils.go ComputeHash): FNV-32a over the pod
 * template (+ collisionCount as 4 little-endian bytes), printed in decimal and mapped through the
 * SafeEncodeString alphabet (apimachinery pkg/util/rand). Go hashes a spew dump of the struct; we
 * hash canonical JSON, so the values differ from a real cluster's but have the same look and
 * the same property: equal templates give equal names.
 */
import { NAME_SUFFIX_ALPHABET } from '../../random/random.js';
import { canonicalJson } from '../shared/canonical-json.js';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Maps each character to the alphabet by its code modulo 27, as rand.SafeEncodeString does. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}

/** The template without its pod-template-hash label (EqualIgnoreHash compares these). */
export function withoutHashLabel<T extends { metadata?: { labels?: Record<string, string> } }>(template: T | undefined): T | undefined {
  if (!template) return template;
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...template, metadata: { ...(template.metadata ?? {}), labels } };
}

export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  type T = { metadata?: { labels?: Record<string, string> } };
  return canonicalJson(withoutHashLabel(a as T)) === canonicalJson(withoutHashLabel(b as T));
}
