/**
 * The LimitRanger admission plugin's decisions (k8s plugin/pkg/admission/limitranger admission.go, release-1.32): a
 * pod created in a namespace with LimitRanges takes each Container item's default limits and requests where its
 * containers name none (and says so in the `kubernetes.io/limit-ranger` annotation), then every Container, Pod and
 * PersistentVolumeClaim item's min, max and maxLimitRequestRatio must hold. Also the LimitRange's own validation
 * (pkg/apis/core/validation ValidateLimitRange). A chunk of its own in the site's worker (lazy/part.ts).
 */
import { formatQuantity, milliValue, intValue, parseQuantity, type Quantity } from '../../format/quantity.js';
import { isObject, type Any } from '../objects.js';
import { forbidden } from '../status.js';
import type { ResourceInfo, Status } from '../types.js';
import { fieldError as fe, type FieldError } from '../validation/field.js';
import { goQuantity } from '../validation/go-quantity.js';

type List = Record<string, string>;

const ANNOTATION = 'kubernetes.io/limit-ranger';
/** resource.MaxMilliValue: beyond it quantities compare in whole units. */
const MAX_MILLI = 2 ** 63 / 1000;
const q = (v: unknown): Quantity => parseQuantity(v as string);
const text = (v: unknown) => formatQuantity(q(v));
/** Go ranges over maps in random order; these go in name order, so a refusal reads the same each time. */
const sorted = (l: unknown): [string, unknown][] => (isObject(l) ? Object.entries(l).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []);
const listOf = (l: unknown): List => (isObject(l) ? (l as List) : {});

/** requestLimitEnforcedValues: milli-units when all three fit, else whole units. */
function comparable(...qs: (Quantity | undefined)[]): number[] {
  const whole = qs.map(intValue);
  return whole.every((v) => v <= MAX_MILLI) ? qs.map(milliValue) : whole;
}

function minConstraint(type: string, name: string, enforced: unknown, request: List, limit: List): string | undefined {
  const [req, lim, min] = comparable(request[name] === undefined ? undefined : q(request[name]), limit[name] === undefined ? undefined : q(limit[name]), q(enforced));
  if (request[name] === undefined) return `minimum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  if (req < min) return `minimum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request[name])}`;
  if (limit[name] !== undefined && lim < min) return `minimum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(limit[name])}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: unknown, request: List, limit: List): string | undefined {
  const [req, lim, max] = comparable(request[name] === undefined ? undefined : q(request[name]), limit[name] === undefined ? undefined : q(limit[name]), q(enforced));
  if (limit[name] === undefined) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No limit is specified`;
  if (lim > max) return `maximum ${name} usage per ${type} is ${text(enforced)}, but limit is ${text(limit[name])}`;
  if (request[name] !== undefined && req > max) return `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request[name])}`;
  return undefined;
}

/** maxRequestConstraint: a claim's max is checked against its request only. */
function maxRequestConstraint(type: string, name: string, enforced: unknown, request: List): string | undefined {
  const [req, max] = comparable(request[name] === undefined ? undefined : q(request[name]), q(enforced));
  if (request[name] === undefined) return `maximum ${name} usage per ${type} is ${text(enforced)}.  No request is specified`;
  return req > max ? `maximum ${name} usage per ${type} is ${text(enforced)}, but request is ${text(request[name])}` : undefined;
}

function ratioConstraint(type: string, name: string, enforced: unknown, request: List, limit: List): string | undefined {
  const [req, lim] = comparable(request[name] === undefined ? undefined : q(request[name]), limit[name] === undefined ? undefined : q(limit[name]), q(enforced));
  const bound = `${name} max limit to request ratio per ${type} is ${text(enforced)}`;
  if (request[name] === undefined || req === 0) return `${bound}, but no request is specified or request is 0`;
  if (limit[name] === undefined || lim === 0) return `${bound}, but no limit is specified or limit is 0`;
  const ratio = lim / req;
  const whole = intValue(q(enforced));
  const [observed, allowed] = whole <= MAX_MILLI ? [ratio * 1000, milliValue(q(enforced))] : [ratio, whole];
  return observed > allowed ? `${bound}, but provided ratio is ${ratio.toFixed(6)}` : undefined;
}

/** addResourceList / maxResourceList over a pod's containers: the sum, raised to any init container's (plus the sidecars before it). */
function podTotal(spec: Any, field: 'requests' | 'limits'): List {
  const add = (into: Map<string, number>, l: List) => {
    for (const [k, v] of Object.entries(l)) into.set(k, (into.get(k) ?? 0) + q(v).value);
  };
  const total = new Map<string, number>();
  for (const c of spec?.containers ?? []) add(total, listOf(c?.resources?.[field]));
  const sidecars = new Map<string, number>();
  const init = new Map<string, number>();
  for (const c of spec?.initContainers ?? []) {
    const own = listOf(c?.resources?.[field]);
    const each = new Map<string, number>();
    if (c?.restartPolicy === 'Always') {
      add(total, own);
      add(sidecars, own);
      for (const [k, v] of sidecars) each.set(k, v);
    } else {
      add(each, own);
      for (const [k, v] of sidecars) each.set(k, (each.get(k) ?? 0) + v);
    }
    for (const [k, v] of each) if (v > (init.get(k) ?? -Infinity)) init.set(k, v);
  }
  for (const [k, v] of init) if (v > (total.get(k) ?? -Infinity)) total.set(k, v);
  const format = (k: string) => (k === 'cpu' ? 'DecimalSI' : 'BinarySI');
  return Object.fromEntries([...total].map(([k, v]) => [k, formatQuantity({ value: v, format: format(k) })]));
}

/** mergeContainerResources: the defaults a container lacks, and the annotation's words for them. */
function mergeDefaults(c: Any, limits: List, requests: List, prefix: string): string[] {
  const setLimits = Object.keys(limits).filter((k) => c.resources?.limits?.[k] === undefined);
  const setRequests = Object.keys(requests).filter((k) => c.resources?.requests?.[k] === undefined);
  if (!setLimits.length && !setRequests.length) return [];
  c.resources = { ...(c.resources ?? {}) };
  if (setLimits.length) c.resources.limits = { ...(c.resources.limits ?? {}), ...Object.fromEntries(setLimits.map((k) => [k, limits[k]])) };
  if (setRequests.length) c.resources.requests = { ...(c.resources.requests ?? {}), ...Object.fromEntries(setRequests.map((k) => [k, requests[k]])) };
  const words: string[] = [];
  if (setRequests.length) words.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) words.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  return words;
}

/** PodMutateLimitFunc, for each LimitRange in turn: fills `pod` in place. */
function defaultPod(pod: Any, ranges: Any[]): void {
  for (const range of ranges) {
    const limits: List = {};
    const requests: List = {};
    for (const item of range.spec?.limits ?? []) {
      if (item?.type !== 'Container') continue;
      Object.assign(requests, listOf(item.defaultRequest));
      Object.assign(limits, listOf(item.default));
    }
    const words = [
      ...(pod.spec?.containers ?? []).flatMap((c: Any) => mergeDefaults(c, limits, requests, 'container')),
      ...(pod.spec?.initContainers ?? []).flatMap((c: Any) => mergeDefaults(c, limits, requests, 'init container')),
    ];
    if (words.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${words.join('; ')}` };
  }
}

/** One item's min, max and ratio over a set of requests and limits. */
function bounds(item: Any, request: List, limit: List): string[] {
  const type = String(item.type);
  return [
    ...sorted(item.min).map(([k, v]) => minConstraint(type, k, v, request, limit)),
    ...sorted(item.max).map(([k, v]) => maxConstraint(type, k, v, request, limit)),
    ...sorted(item.maxLimitRequestRatio).map(([k, v]) => ratioConstraint(type, k, v, request, limit)),
  ].filter((e): e is string => e !== undefined);
}

/** PodValidateLimitFunc / PersistentVolumeClaimValidateLimitFunc over every range. */
function violations(resource: string, obj: Any, ranges: Any[]): string[] {
  const errs: string[] = [];
  for (const range of ranges) {
    for (const item of range.spec?.limits ?? []) {
      if (resource === 'persistentvolumeclaims') {
        if (item?.type !== 'PersistentVolumeClaim') continue;
        const request = listOf(obj.spec?.resources?.requests);
        errs.push(...sorted(item.min).flatMap(([k, v]) => minConstraint(item.type, k, v, request, {}) ?? []));
        errs.push(...sorted(item.max).flatMap(([k, v]) => maxRequestConstraint(item.type, k, v, request) ?? []));
      } else if (item?.type === 'Container') {
        for (const c of [...(obj.spec?.containers ?? []), ...(obj.spec?.initContainers ?? [])]) errs.push(...bounds(item, listOf(c?.resources?.requests), listOf(c?.resources?.limits)));
      } else if (item?.type === 'Pod') {
        errs.push(...bounds(item, podTotal(obj.spec, 'requests'), podTotal(obj.spec, 'limits')));
      }
    }
  }
  return errs;
}

/** utilerrors.NewAggregate(errs).Error(): one message alone, several (each once) in brackets. */
function aggregate(errs: string[]): string | undefined {
  const unique = [...new Set(errs)];
  if (!unique.length) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

const STANDARD_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);
/** IsOvercommitAllowed: only native resources other than hugepages may have a request below the limit. */
const overcommits = (k: string) => (!k.includes('/') || k.includes('kubernetes.io/')) && !k.startsWith('hugepages-');

/** ValidateLimitRange's checks of spec.limits (names and quantities are checked on decode). */
function validateLimitRange(lr: Any): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (Array.isArray(lr.spec?.limits) ? lr.spec.limits : []).forEach((item: Any, i: number) => {
    const path = `spec.limits[${i}]`;
    const type = String(item?.type ?? '');
    if (!type.includes('/') && !STANDARD_TYPES.has(type)) errs.push(fe.invalid(`${path}.type`, type, 'must be a standard limit type or fully qualified'));
    if (seen.has(type)) errs.push(fe.duplicate(`${path}.type`, type));
    seen.add(type);
    const [min, max, ratio] = [listOf(item?.min), listOf(item?.max), listOf(item?.maxLimitRequestRatio)];
    const defaults = type === 'Pod' ? {} : listOf(item?.default);
    const requests = type === 'Pod' ? {} : listOf(item?.defaultRequest);
    if (type === 'Pod') {
      if (Object.keys(listOf(item?.default)).length) errs.push(fe.forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
      if (Object.keys(listOf(item?.defaultRequest)).length) errs.push(fe.forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
    }
    if (type === 'PersistentVolumeClaim' && min.storage === undefined && max.storage === undefined)
      errs.push(fe.required(`${path}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
    const keys = [...new Set([...Object.keys(max), ...Object.keys(min), ...Object.keys(defaults), ...Object.keys(requests), ...Object.keys(ratio)])].sort();
    const cmp = (a: string, b: string) => q(a).value - q(b).value;
    const bad = (field: string, k: string, value: string, why: string) => errs.push(fe.invalid(`${path}.${field}[${k}]`, goQuantity(value), why));
    for (const k of keys) {
      const [mn, mx, d, dr, r] = [min[k], max[k], defaults[k], requests[k], ratio[k]];
      if (mn !== undefined && mx !== undefined && cmp(mn, mx) > 0) bad('min', k, mn, `min value ${text(mn)} is greater than max value ${text(mx)}`);
      if (dr !== undefined && mn !== undefined && cmp(mn, dr) > 0) bad('defaultRequest', k, dr, `min value ${text(mn)} is greater than default request value ${text(dr)}`);
      if (dr !== undefined && mx !== undefined && cmp(dr, mx) > 0) bad('defaultRequest', k, dr, `default request value ${text(dr)} is greater than max value ${text(mx)}`);
      if (dr !== undefined && d !== undefined && cmp(dr, d) > 0) bad('defaultRequest', k, dr, `default request value ${text(dr)} is greater than default limit value ${text(d)}`);
      if (d !== undefined && mn !== undefined && cmp(mn, d) > 0) bad('default', k, mn, `min value ${text(mn)} is greater than default value ${text(d)}`);
      if (d !== undefined && mx !== undefined && cmp(d, mx) > 0) bad('default', k, mx, `default value ${text(d)} is greater than max value ${text(mx)}`);
      if (r !== undefined && q(r).value < 1) bad('maxLimitRequestRatio', k, r, `ratio ${text(r)} is less than 1`);
      if (r !== undefined && mn !== undefined && mx !== undefined) {
        const [rv, mnv, mxv] = comparable(q(r), q(mn), q(mx));
        const limit = mxv / mnv;
        if ((intValue(q(r)) <= MAX_MILLI ? rv / 1000 : rv) > limit) bad('maxLimitRequestRatio', k, r, `ratio ${text(r)} is greater than max/min = ${limit.toFixed(6)}`);
      }
      if (!overcommits(k) && d !== undefined && dr !== undefined && cmp(d, dr) !== 0)
        bad('defaultRequest', k, dr, `default value ${text(d)} must equal to defaultRequest value ${text(dr)} in ${k}`);
    }
  });
  return errs;
}

/** Admission of a create of `obj` under the namespace's ranges: a pod's defaults applied in place, then a pod's or claim's refusal if any. */
function admit(info: ResourceInfo, obj: Any, ranges: Any[]): Status | undefined {
  if (info.group !== '' || (info.resource !== 'pods' && info.resource !== 'persistentvolumeclaims')) return undefined;
  if (info.resource === 'pods') defaultPod(obj, ranges);
  const why = aggregate(violations(info.resource, obj, ranges));
  return why === undefined ? undefined : forbidden(info.resource, String(obj.metadata?.name || obj.metadata?.generateName || ''), why);
}

export default { admit, validateLimitRange };
