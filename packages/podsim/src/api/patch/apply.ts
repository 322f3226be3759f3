/** Applies a patch of the given type to a stored object, returning plain data for the decoder. */
import type { ApiResult, KubeObject, PatchType, ResourceInfo } from '../types.js';
import { badRequest } from '../status.js';
import { isObject, jsonCopy } from '../objects.js';
import { jsonPatch } from './json-patch.js';
import { mergePatch } from './merge-patch.js';
import { PatchError, strategicMerge } from './strategic.js';

export function applyPatch(info: ResourceInfo, current: KubeObject, type: PatchType, patch: unknown): ApiResult<unknown> {
  const copy = jsonCopy(patch);
  if (!copy.ok) return { ok: false, status: badRequest(`error decoding patch: ${copy.detail || 'request too large'}`) };
  const body = copy.value;
  try {
    switch (type) {
      case 'json':
        return { ok: true, value: jsonPatch(current, body) };
      case 'merge':
        if (!isObject(body)) return { ok: false, status: badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}') };
        return { ok: true, value: mergePatch(current, body) };
      case 'strategic':
        if (!isObject(body)) return { ok: false, status: badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}') };
        return { ok: true, value: strategicMerge(current, body, info.kind) ?? {} };
      default:
        return { ok: false, status: { ...badRequest(`the server does not support patch type ${String(type)}`), code: 415, reason: 'UnsupportedMediaType' } };
    }
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, status: badRequest(e.message) };
    throw e;
  }
}
