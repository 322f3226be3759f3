/** Ingress and IngressClass validation (k8s pkg/apis/networking/validation ValidateIngress*, ValidateIngressClass). */
import { isObject, type Any } from '../objects.js';
import { fieldError as fe, GoValue, type FieldError } from './field.js';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: Any, field: string): FieldError[] {
  const hasService = isObject(b.service);
  const hasResource = isObject(b.resource);
  if (hasService && hasResource) return [fe.invalid(field, '', 'cannot set both resource and service backends')];
  if (!hasService && !hasResource) return [fe.invalid(field, '', 'resource or service must be specified')];
  if (!hasService) return [];
  const errs: FieldError[] = [];
  if (!b.service.name) errs.push(fe.required(`${field}.service.name`, ''));
  const port: Any = b.service.port ?? {};
  if (port.name && port.number) errs.push(fe.invalid(`${field}.service.port`, '', 'cannot set both port name & port number'));
  else if (!port.name && !port.number) errs.push(fe.invalid(`${field}.service.port`, '', 'port name or number is required'));
  return errs;
}

export function validateIngress(ing: Any): FieldError[] {
  const spec: Any = isObject(ing.spec) ? ing.spec : {};
  const rules: Any[] = Array.isArray(spec.rules) ? spec.rules : [];
  const errs: FieldError[] = [];
  if (!rules.length && !isObject(spec.defaultBackend)) errs.push(fe.invalid('spec', new GoValue('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (isObject(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const paths: Any[] = Array.isArray(rule?.http?.paths) ? rule.http.paths : [];
    if (rule?.http && !paths.length) errs.push(fe.required(`spec.rules[${i}].http.paths`, ''));
    paths.forEach((p, j) => {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      if (!p?.pathType) errs.push(fe.required(`${field}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(p.pathType)) errs.push(fe.notSupported(`${field}.pathType`, p.pathType, PATH_TYPES));
      else if (p.pathType !== 'ImplementationSpecific' && !String(p.path ?? '').startsWith('/')) errs.push(fe.invalid(`${field}.path`, p.path ?? '', 'must be an absolute path'));
      errs.push(...validateBackend(isObject(p?.backend) ? p.backend : {}, `${field}.backend`));
    });
  });
  return errs;
}

export function validateIngressClass(ic: Any): FieldError[] {
  return ic.spec?.controller ? [] : [fe.required('spec.controller', '')];
}

export function validateIngressClassUpdate(ic: Any, old: Any): FieldError[] {
  return ic.spec?.controller === old.spec?.controller ? [] : [fe.invalid('spec.controller', ic.spec?.controller ?? '', 'field is immutable')];
}
