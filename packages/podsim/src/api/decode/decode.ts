/**
 * Turns an untrusted request body into a typed object the way the apiserver's decoder does: size/depth limits,
 * kind/apiVersion checks, Go-type checks (`json: cannot unmarshal ...`) and unknown-field handling per
 * fieldValidation (Strict → BadRequest, Warn → warnings, Ignore → dropped). Unknown fields never reach the store.
 */
import { badRequest, tooLarge } from '../status.js';
import { apiVersionOf } from '../resources.js';
import { isObject, jsonCopy, MAX_REQUEST_BYTES } from '../objects.js';
import type { ResourceInfo, Status, WriteOptions } from '../types.js';
import type { Obj } from '../kinds/strategy.js';
import { checkSchema } from './check.js';
import { conversionFor } from '../versions/index.js';

export type Decoded = { ok: true; value: Obj; warnings: string[] } | { ok: false; status: Status };

const TYPE_META_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** `Pod in version "v1" cannot be handled as a Pod: <why>` (apiserver handlers/rest.go transformDecodeError). */
export function cannotHandle(info: ResourceInfo, why: string): Status {
  return badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${why}`);
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/**
 * `fromPatch`: the body is a patched object; the patch handler reports strict errors bare
 * (`strict decoding error: …`, apiserver handlers/patch.go) instead of through the decoder's wrapper.
 */
export function decodeObject(info: ResourceInfo, input: unknown, validation: WriteOptions['fieldValidation'] = 'Strict', fromPatch = false): Decoded {
  const copy = jsonCopy(input);
  if (!copy.ok) {
    if (copy.reason === 'size') return { ok: false, status: tooLarge(MAX_REQUEST_BYTES) };
    return { ok: false, status: cannotHandle(info, copy.detail) };
  }
  const body: unknown = copy.value;
  if (!isObject(body)) {
    return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(body)} into Go value of type ${TYPE_META_STRUCT}`) };
  }
  const want = apiVersionOf(info);
  if (body.kind !== undefined && typeof body.kind !== 'string') {
    return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(body.kind)} into Go struct field .kind of type string`) };
  }
  if (body.apiVersion !== undefined && typeof body.apiVersion !== 'string') {
    return { ok: false, status: badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(body.apiVersion)} into Go struct field .apiVersion of type string`) };
  }
  const kind = (body.kind as string | undefined) || info.kind;
  const apiVersion = (body.apiVersion as string | undefined) || want;
  // A body in another served version of the kind is checked in its own shape, then converted.
  const conversion = kind === info.kind ? conversionFor(info.resource, apiVersion) : undefined;
  if (kind !== info.kind || (apiVersion !== want && !conversion)) {
    return { ok: false, status: badRequest(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`) };
  }
  const checked = checkSchema(conversion?.struct ?? info.kind, body);
  if (checked.typeError) return { ok: false, status: cannotHandle(info, checked.typeError) };
  if (checked.unknown.length && validation === 'Strict') {
    const strict = `strict decoding error: ${checked.unknown.map((f) => `unknown field "${f}"`).join(', ')}`;
    return { ok: false, status: fromPatch ? badRequest(strict) : cannotHandle(info, strict) };
  }
  const warnings = validation === 'Warn' ? checked.unknown.map((f) => `unknown field "${f}"`) : [];
  const value = { apiVersion, kind, ...body, metadata: isObject(body.metadata) ? body.metadata : {} } as Obj;
  value.apiVersion = apiVersion;
  value.kind = kind;
  return { ok: true, value: conversion ? (conversion.toStorage(value) as Obj) : value, warnings };
}
