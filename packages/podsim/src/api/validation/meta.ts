/** ObjectMeta validation (apimachinery `pkg/api/validation/objectmeta.go`, `metav1/validation`). */
import type { ObjectMeta } from '../types.js';
import { fieldError, type FieldError } from './field.js';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, pathSegmentName, qualifiedName } from './names.js';

export type NameRule = 'subdomain' | 'label' | 'label1035' | 'path';

const RULES: Record<NameRule, (v: string) => string[]> = {
  subdomain: dns1123Subdomain,
  label: dns1123Label,
  label1035: dns1035Label,
  path: pathSegmentName,
};

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateName(name: string, rule: NameRule, field: string): FieldError[] {
  return RULES[rule](name).map((m) => fieldError.invalid(field, name, m));
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of qualifiedName(k)) errs.push(fieldError.invalid(field, k, m));
    for (const m of labelValue(v)) errs.push(fieldError.invalid(field, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of qualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(field, k, m));
    size += k.length + v.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(fieldError.tooLong(field, TOTAL_ANNOTATION_SIZE));
  return errs;
}

export function validateObjectMeta(meta: ObjectMeta, rule: NameRule, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
  else errs.push(...validateName(meta.name, rule, 'metadata.name'));
  if (namespaced) {
    if (!meta.namespace) errs.push(fieldError.required('metadata.namespace', ''));
    else errs.push(...validateName(meta.namespace, 'label', 'metadata.namespace'));
  } else if (meta.namespace) {
    errs.push(fieldError.forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  (meta.ownerReferences ?? []).forEach((ref, i) => {
    const f = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errs.push(fieldError.invalid(`${f}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldError.invalid(`${f}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(fieldError.invalid(`${f}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(fieldError.invalid(`${f}.uid`, ref.uid ?? '', 'uid must not be empty'));
  });
  return errs;
}

/** Metadata the user may not change on update (ValidateObjectMetaUpdate). */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.name !== old.name) errs.push(fieldError.invalid('metadata.name', meta.name ?? '', 'field is immutable'));
  if ((meta.namespace ?? '') !== (old.namespace ?? '')) errs.push(fieldError.invalid('metadata.namespace', meta.namespace ?? '', 'field is immutable'));
  return errs;
}
