/**
 * The name suffix kustomize gives generated ConfigMaps and Secrets (api/hasher): the sha256 of a Go
 * json.Marshal of kind, name, type and data (keys sorted, <>& escaped), its first ten hex digits
 * with 0,1,3,a,e swapped for letters so the suffix never reads as a number or a word.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { isRecord, type Obj } from './res.js';

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** encoding/json's Marshal of plain data: map keys sorted, HTML-safe escapes. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${goJson(k)}:${goJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]);
}

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

export function hashSuffix(encoded: string): string {
  const hex = Array.from(sha256(new TextEncoder().encode(encoded)), (b) => b.toString(16).padStart(2, '0')).join('');
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

/**
 * What the hash covers of a ConfigMap or Secret (hasher.go encodeConfigMap/encodeSecret); a missing
 * field counts as "". The name is always "": kustomize looks it up as one field called
 * "metadata/name", which no object has (the docs' example-configmap-1-g4hk9g2ff8 is that hash).
 */
export function hashOf(obj: Obj): string {
  const field = (v: unknown) => (v === undefined ? '' : v);
  if (obj.kind === 'ConfigMap') {
    const m: Obj = { kind: 'ConfigMap', name: '', data: field(obj.data) };
    if (isRecord(obj.binaryData)) m.binaryData = obj.binaryData;
    return hashSuffix(goJson(m));
  }
  if (obj.kind === 'Secret') {
    const m: Obj = { kind: 'Secret', type: field(obj.type), name: '', data: field(obj.data) };
    if (isRecord(obj.stringData)) m.stringData = obj.stringData;
    return hashSuffix(goJson(m));
  }
  return hashSuffix(goJson(obj));
}
