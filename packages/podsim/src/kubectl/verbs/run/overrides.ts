/**
 * kubectl run --overrides and --override-type (cmdutil.OverrideOptions): an inline JSON fragment applied to the
 * generated Pod before it is sent or printed, as a JSON merge patch unless told to be a strategic merge or JSON patch.
 */
import { applyPatch } from '../../../api/patch/apply.js';
import { findResource } from '../../../api/resources.js';
import type { KubeObject, PatchType } from '../../../api/types.js';
import type { FlagSpec } from '../../flags.js';

export const OVERRIDE_FLAGS: FlagSpec[] = [
  { name: 'override-type', type: 'string', default: 'merge', help: 'The method used to override the generated object: json, merge, or strategic.' },
  {
    name: 'overrides',
    type: 'string',
    help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
  },
];

const TYPES: string[] = ['json', 'merge', 'strategic'];

/** The pod with the override applied, or the error kubectl ends with. */
export function withOverrides(pod: KubeObject, overrides: string, type: string): { ok: true; pod: KubeObject } | { ok: false; message: string } {
  if (!overrides) return { ok: true, pod };
  if (!TYPES.includes(type)) return { ok: false, message: `invalid override type: ${type}` };
  let fragment: unknown;
  try {
    fragment = JSON.parse(overrides);
  } catch {
    return { ok: false, message: 'Invalid JSON Patch' };
  }
  const r = applyPatch(findResource('pods')!, pod, type as PatchType, fragment);
  return r.ok ? { ok: true, pod: r.value as KubeObject } : { ok: false, message: r.status.message ?? '' };
}
