/**
 * The simpler core kinds: Namespace, ConfigMap, Secret, ServiceAccount, Node, Event,
 * Endpoints, ResourceQuota, LimitRange. Each strategy holds only what differs from plain storage.
 */
import { isObject, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from '../validation/field.js';
import type { KindStrategy, Obj } from './strategy.js';
import { LIMIT_RANGER } from '../limit-ranger/admission.js';
import { RESOURCE_QUOTA } from '../resource-quota/admission.js';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_CONFIG_BYTES = 1024 * 1024;

function validateConfigKeys(data: Any | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(data ?? {})) {
    if (k.length > 253) errs.push(fe.invalid(`${field}[${k}]`, k, 'must be no more than 253 characters'));
    if (!CONFIG_KEY.test(k))
      errs.push(
        fe.invalid(
          `${field}[${k}]`,
          k,
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ),
      );
    else if (k === '.' || k === '..' || k.startsWith('..')) errs.push(fe.invalid(`${field}[${k}]`, k, k === '.' || k === '..' ? `must not be '${k}'` : "must not start with '..'"));
  }
  return errs;
}

function dataSize(...maps: (Any | undefined)[]): number {
  let n = 0;
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) n += k.length + String(v).length;
  return n;
}

const base = { statusSubresource: false, generation: false, nameRule: 'subdomain' } as const;

export const namespaceStrategy: KindStrategy = {
  ...base,
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  nameRule: 'label',
  prepareForCreate(ns) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
  },
  prepareForUpdate(ns, old) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
    ns.spec = old.spec;
  },
};

export const configMapStrategy: KindStrategy = {
  ...base,
  topLevel: ['data', 'binaryData', 'immutable'],
  validate(cm) {
    const errs = [...validateConfigKeys(cm.data, 'data'), ...validateConfigKeys(cm.binaryData, 'binaryData')];
    if (dataSize(cm.data, cm.binaryData) > MAX_CONFIG_BYTES) errs.push(fe.tooLong('[]', MAX_CONFIG_BYTES));
    return errs;
  },
  validateUpdate: immutableData(),
};

function immutableData() {
  return (o: Obj, old: Obj): FieldError[] => {
    if (old.immutable !== true) return [];
    const errs: FieldError[] = [];
    if (o.immutable !== true) errs.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(o.data) !== JSON.stringify(old.data) || JSON.stringify(o.binaryData) !== JSON.stringify(old.binaryData))
      errs.push(fe.forbidden('data', 'field is immutable when `immutable` is set'));
    return errs;
  };
}

/** base64 of the UTF-8 bytes, as Go's []byte JSON encoding. */
export function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const secretStrategy: KindStrategy = {
  ...base,
  topLevel: ['data', 'immutable', 'type'],
  defaults(s) {
    if (!s.type) s.type = 'Opaque';
    // stringData is write-only: merged into data on every write (k8s core/v1 conversion).
    if (isObject(s.stringData)) {
      const data: Any = isObject(s.data) ? s.data : {};
      for (const [k, v] of Object.entries(s.stringData)) data[k] = base64Utf8(String(v));
      s.data = data;
    }
    delete s.stringData;
  },
  validate(s) {
    const errs = validateConfigKeys(s.data, 'data');
    if (dataSize(s.data) > MAX_CONFIG_BYTES) errs.push(fe.tooLong('data', MAX_CONFIG_BYTES));
    return errs;
  },
  validateUpdate(s, old) {
    const errs = immutableData()(s, old);
    if (s.type !== old.type) errs.push(fe.invalid('type', s.type, 'field is immutable'));
    return errs;
  },
};

export const serviceAccountStrategy: KindStrategy = { ...base, topLevel: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'] };

/** Nodes are registered by the kubelet with their status (NodeStrategy keeps status on create). */
export const nodeStrategy: KindStrategy = { ...base, topLevel: ['spec', 'status'], statusSubresource: true };

/** Events live one hour after their last write (kube-apiserver `--event-ttl`). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

export const eventStrategy: KindStrategy = {
  ttlMs: EVENT_TTL_MS,
  ...base,
  nameRule: 'path',
  topLevel: ['involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
  defaults(ev) {
    // Non-omitempty fields of core/v1 Event serialise even when empty.
    if (!isObject(ev.involvedObject)) ev.involvedObject = {};
    ev.source ??= {};
    ev.firstTimestamp ??= null;
    ev.lastTimestamp ??= null;
    ev.eventTime ??= null;
    ev.reportingComponent ??= '';
    ev.reportingInstance ??= '';
  },
  validate(ev) {
    const errs: FieldError[] = [];
    const io: Any = ev.involvedObject ?? {};
    if (io.namespace && io.namespace !== ev.metadata.namespace) errs.push(fe.invalid('involvedObject.namespace', io.namespace, 'does not match event.namespace'));
    if (!ev.reason && !ev.eventTime) errs.push(fe.required('reason', ''));
    if (ev.type && ev.type !== 'Normal' && ev.type !== 'Warning') errs.push(fe.notSupported('type', ev.type, ['Normal', 'Warning']));
    return errs;
  },
};

export const endpointsStrategy: KindStrategy = {
  ...base,
  topLevel: ['subsets'],
  defaults(ep) {
    for (const s of Array.isArray(ep.subsets) ? ep.subsets : []) for (const p of s?.ports ?? []) if (isObject(p) && !p.protocol) p.protocol = 'TCP';
  },
};

/**
 * Quotas are created with an empty status, as the real strategy's PrepareForCreate sets it (the quota
 * controller fills it); their spec is checked by the resource-quota part.
 */
export const resourceQuotaStrategy: KindStrategy = {
  ...base,
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  validate: (rq) => RESOURCE_QUOTA.get().validateQuota(rq),
  prepareForCreate(rq) {
    rq.status = {};
  },
};

/**
 * Limit ranges are stored with the scheme's defaults (SetDefaults_LimitRangeItem: a Container item's default
 * limit falls back to max, its default request to the default limit, then to min); the LimitRanger admission
 * plugin (limit-ranger/) applies them to pods and checks the ranges' own consistency.
 */
export const limitRangeStrategy: KindStrategy = {
  ...base,
  topLevel: ['spec'],
  validate: (lr) => LIMIT_RANGER.get().validateLimitRange(lr),
  defaults(lr) {
    for (const item of Array.isArray(lr.spec?.limits) ? lr.spec.limits : []) {
      if (!isObject(item) || item.type !== 'Container') continue;
      const limit: Any = { ...(isObject(item.default) ? item.default : {}) };
      const request: Any = { ...(isObject(item.defaultRequest) ? item.defaultRequest : {}) };
      for (const [k, v] of Object.entries(isObject(item.max) ? item.max : {})) limit[k] ??= v;
      for (const [k, v] of [...Object.entries(limit), ...Object.entries(isObject(item.min) ? item.min : {})]) request[k] ??= v;
      // Empty maps are omitted (omitempty), as the real object shows them.
      if (Object.keys(limit).length) item.default = limit;
      if (Object.keys(request).length) item.defaultRequest = request;
    }
  },
};

/** discovery.k8s.io/v1 EndpointSlice (k8s pkg/registry/discovery/endpointslice): stored as written, addressType required. */
export const endpointSliceStrategy: KindStrategy = {
  ...base,
  topLevel: ['addressType', 'endpoints', 'ports'],
  generation: true,
  validate(es) {
    const types = ['FQDN', 'IPv4', 'IPv6'];
    if (!es.addressType) return [fe.required('addressType', '')];
    return types.includes(es.addressType) ? [] : [fe.notSupported('addressType', es.addressType, types)];
  },
};
