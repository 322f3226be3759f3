/**
 * The simulated kube-apiserver: every component reads and writes cluster state through it.
 *
 * Request pipeline (as the real server): decode (types, unknown fields) → defaults → admission/status
 * initialisation → validation → storage (resourceVersion, watch). Stored objects are deep-frozen and returned
 * without copying; clone before changing (`mutableCopy`). `pods/status`-style names address the status
 * subresource in update and patch.
 */
import { Aggregator, type AggregatedGroup, type ProxiedText } from './aggregator.js';
import type { HttpRequest, Network } from '../kernel/net.js';
import { proxySubresource, type ProxyOutcome } from './proxy-subresource.js';
import type { Clock } from '../clock/clock.js';
import type { Random } from '../random/random.js';
import { serverSideApply } from './apply/apply-request.js';
import { FieldOwnership, type ManagedFieldsEntry, type Writer } from './apply/managed-fields.js';
import { bootstrap } from './bootstrap.js';
import { decodeObject } from './decode/decode.js';
import { marksBeforeRemoval, planDeletion } from './deletion.js';
import { orderBySchema } from './decode/order.js';
import { applyPatch } from './patch/apply.js';
import { STRATEGIES } from './kinds/index.js';
import type { KindStrategy, Obj, StrategyContext } from './kinds/strategy.js';
import { deepFreeze, isObject, jsonCopy, jsonEqual, mutableCopy, orderKeys, rfc3339 } from './objects.js';
import { apiVersionOf, findResource, RESOURCES } from './resources.js';
import { requestTarget, type Target } from './request-target.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import { withEphemeralContainers } from './ephemeral-update.js';
import { asVersion } from './versions/index.js';
import { boundPod } from './binding.js';
import { preconditionFailure } from './preconditions.js';
import { requestToken, type TokenRequest, type TokenRequestSpec } from './token-request.js';
import { admitPodSecurity } from './pod-security/admission.js';
import { admitQuota } from './resource-quota/admission.js';
import { admitLimits } from './limit-ranger/admission.js';
import { alreadyExists, badRequest, forbidden, invalid, notFound, resourceNotFound } from './status.js';
import { generateName } from './generate-name.js';
import { NamespaceLifecycle } from './namespace-lifecycle.js';
import { ObjectTtl } from './object-ttl.js';
import { ObjectStore } from './store.js';
import type { ApiClient, ApiResult, DeleteOptions, KubeObject, ListOptions, ObjectList, PatchType, ResourceInfo, Status, WatchEvent, WriteOptions } from './types.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './validation/meta.js';
import { WatchHub } from './watch.js';
import { DEFAULT_GATES, type FeatureGates } from './feature-gates.js';
import { dropDisabledPodFields, podSpecsOf } from './defaults/disabled-fields.js';
import { LazyPart } from '../lazy/part.js';
import gatedPart from './gated-fields.lazy.js';


/** Pod defaults and pods/resize of gates that are off by default: only a cluster started with them on runs them. */
const GATED = new LazyPart('gated-pod-fields', gatedPart);

const fail = (status: Status): { ok: false; status: Status } => ({ ok: false, status });

export class ApiServer implements ApiClient {
  readonly clock: Clock;
  readonly random: Random;
  private readonly hub: WatchHub;
  private readonly store: ObjectStore;
  private readonly ctx: StrategyContext;
  private readonly fields = new FieldOwnership();
  private readonly ttl: ObjectTtl;
  private readonly namespaces: NamespaceLifecycle;
  /** Where UIDs and generated names come from (see withIdentities). */
  private ids: Random;
  private aggregator: Aggregator | undefined;
  private network: Network | undefined;

  readonly gates: FeatureGates;

  constructor(opts: { clock: Clock; random: Random; gates?: FeatureGates }) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.gates = opts.gates ?? DEFAULT_GATES;
    this.ids = opts.random;
    this.hub = new WatchHub(this.clock);
    this.store = new ObjectStore(this.hub);
    this.ctx = { clock: this.clock, random: this.random, store: this.store };
    this.ttl = new ObjectTtl(this.clock, (resource, obj) => this.expire(resource, obj));
    this.namespaces = new NamespaceLifecycle({ client: this, store: this.store, commit: (info, obj) => this.commit(info, obj, false), removeNow: (info, obj) => this.removeNow(info, obj) });
    bootstrap(this);
  }

  /** Lets APIServices backed by a Service reach it over the cluster network (kube-aggregator). */
  attachNetwork(network: Network): void {
    this.aggregator = new Aggregator(this, network);
    this.network = network;
  }

  proxySubresource(req: HttpRequest): ProxyOutcome | undefined {
    return this.network && proxySubresource(this, this.network, req);
  }

  aggregated(): AggregatedGroup[] {
    return this.aggregator?.groups() ?? [];
  }

  proxyGet(pathAndQuery: string): ProxiedText | undefined {
    return this.aggregator?.proxyGet(pathAndQuery);
  }

  /**
   * Runs `fn` with UIDs and generated names drawn from `random`: for the objects a cluster ships with
   * (kube-system add-ons), so adding one does not shift the identifiers a seed gives everything else.
   */
  withIdentities<T>(random: Random, fn: () => T): T {
    const prev = this.ids;
    this.ids = random;
    try {
      return fn();
    } finally {
      this.ids = prev;
    }
  }

  /**
   * What the server's feature gates disable goes from every pod spec the object carries (PrepareForCreate/Update);
   * what they enable gets a pod its gated defaults.
   */
  private dropDisabled(obj: Obj): void {
    for (const spec of podSpecsOf(obj.kind, obj)) dropDisabledPodFields(spec, this.gates);
    if (obj.kind === 'Pod' && (this.gates.enabled('InPlacePodVerticalScaling') || this.gates.enabled('PodLevelResources'))) GATED.get().defaultGatedPodFields(obj, this.gates);
  }

  resources(): ResourceInfo[] {
    return RESOURCES;
  }

  private ns(info: ResourceInfo, namespace: string | undefined): string {
    return info.namespaced ? namespace || 'default' : '';
  }

  private notFound(info: ResourceInfo, name: string): { ok: false; status: Status } {
    return fail(notFound(info.resource, name, info.group || undefined));
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): ApiResult<T> {
    const t = requestTarget(resource);
    if (!t) return fail(resourceNotFound());
    const obj = this.store.get(t.info.resource, this.ns(t.info, namespace), String(name));
    return obj ? { ok: true, value: obj as T } : this.notFound(t.info, String(name));
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, opts: ListOptions = {}): ApiResult<ObjectList<T>> {
    const t = requestTarget(resource);
    if (!t) return fail(resourceNotFound());
    const match = this.matcher(t.info, opts);
    if (!match.ok) return match;
    const all = this.store.list(t.info.resource, t.info.namespaced ? namespace || undefined : undefined);
    const items = (match.value ? all.filter(match.value) : all) as T[];
    return { ok: true, value: { apiVersion: apiVersionOf(t.info), kind: `${t.info.kind}List`, metadata: { resourceVersion: this.store.resourceVersion() }, items } };
  }

  private matcher(info: ResourceInfo, opts: ListOptions): ApiResult<((o: KubeObject) => boolean) | undefined> {
    const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
    if (labels && !labels.ok) return fail(badRequest(labels.message));
    const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, info.resource) : undefined;
    // The bare parse/conversion error, as the apiserver's list handler answers it; kubectl adds `Unable to find …`.
    if (fields && !fields.ok) return fail(badRequest(fields.message));
    if ((!labels || labels.empty) && (!fields || fields.empty)) return { ok: true, value: undefined };
    return { ok: true, value: (o) => (!labels || labels.matches(o.metadata.labels)) && (!fields || fields.matches(o)) };
  }

  watch<T extends KubeObject = KubeObject>(
    resource: string,
    namespace: string | undefined,
    handler: (ev: WatchEvent<T>) => void,
    opts: ListOptions & { resourceVersion?: string } = {},
  ): () => void {
    const t = requestTarget(resource);
    const match = t && this.matcher(t.info, opts);
    if (!t || !match || !match.ok) return () => {};
    const ns = t.info.namespaced && namespace ? namespace : undefined;
    const sel = match.value;
    const matches = (o: KubeObject) => (ns === undefined || o.metadata.namespace === ns) && (!sel || sel(o));
    const rv = opts.resourceVersion;
    const initial = rv === '0' ? this.store.list(t.info.resource, ns).filter(matches) : undefined;
    const sinceRv = rv && rv !== '0' && /^\d+$/.test(rv) ? Number(rv) : undefined;
    return this.hub.subscribe(t.info.resource, matches, handler as (ev: WatchEvent) => void, { initial, sinceRv });
  }

  create<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): ApiResult<T> {
    const t = requestTarget(resource);
    if (!t || t.status) return fail(resourceNotFound());
    const { info, strategy } = t;
    const decoded = decodeObject(info, body, opts.fieldValidation);
    if (!decoded.ok) return decoded;
    const obj = decoded.value;
    const meta = obj.metadata;
    const ns = this.resolveNamespace(info, namespace, meta.namespace);
    if (!ns.ok) return ns;
    if (info.namespaced) meta.namespace = ns.value;
    else delete meta.namespace;
    if (meta.resourceVersion) return fail(badRequest('resourceVersion should not be set on objects to be created'));
    if (!meta.name && meta.generateName) meta.name = generateName(this.ids, meta.generateName, (n) => !!this.store.get(info.resource, ns.value, n));
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'] as const) delete meta[k];
    const sentFields = meta.managedFields;
    delete meta.managedFields;
    if (info.namespaced && meta.name) {
      const nsObj = this.store.get('namespaces', '', ns.value);
      if (!nsObj) return fail(notFound('namespaces', ns.value));
      if (nsObj.metadata.deletionTimestamp)
        return fail(forbidden(info.resource, meta.name, `unable to create new content in namespace ${ns.value} because it is being terminated`, info.group || undefined));
    }
    strategy.defaults?.(obj);
    this.dropDisabled(obj);
    // Field ownership is decided before admission: what admission adds belongs to nobody.
    const requested = this.writer(info, opts) && mutableCopy(obj);
    // LimitRanger mutates here and refuses only after validation, as its Admit and Validate phases do.
    const outOfRange = admitLimits(this.store, info, obj);
    const admitted = strategy.prepareForCreate?.(obj, this.ctx);
    if (admitted) return fail(admitted);
    const errs = [...validateObjectMeta(meta, strategy.nameRule, info.namespaced), ...(strategy.validate?.(obj) ?? [])];
    if (errs.length) return fail(invalid(info.kind, meta.name ?? '', errs, info.group || undefined));
    if (outOfRange) return fail(outOfRange);
    const admission = admitPodSecurity(this.store, info, obj);
    if (admission?.refused) return fail(admission.refused);
    if (this.store.get(info.resource, ns.value, meta.name!)) return fail(alreadyExists(info.resource, meta.name!, info.group || undefined));
    const quota = admitQuota(this.store, info, obj, this.clock.now());
    if (quota?.refused) return fail(quota.refused);
    meta.uid ??= this.ids.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    if (strategy.generation) meta.generation = 1;
    const warnings = [...decoded.warnings, ...(strategy.warnings?.(obj) ?? []), ...(admission?.warnings ?? [])];
    if (opts.dryRun) return this.ok(this.finish(info, obj, false), warnings);
    const stored = this.commit(info, obj);
    for (const q of quota?.charged ?? []) this.updateStatus('resourcequotas', ns.value, q);
    this.fields.afterWrite(info.kind, undefined, stored, sentFields, this.writer(info, opts), requested || undefined);
    if (info.resource === 'namespaces') this.namespaces.created(stored);
    return this.ok(stored, warnings);
  }

  private ok<T>(value: Obj, warnings: string[] = []): ApiResult<T> {
    return warnings.length ? { ok: true, value: value as unknown as T, warnings } : { ok: true, value: value as unknown as T };
  }

  private resolveNamespace(info: ResourceInfo, requested: string | undefined, inBody: unknown): ApiResult<string> {
    if (!info.namespaced) return { ok: true, value: '' };
    if (requested && typeof inBody === 'string' && inBody && inBody !== requested)
      return fail(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
    return { ok: true, value: requested || (typeof inBody === 'string' && inBody) || 'default' };
  }

  /**
   * Orders keys like the real server (skipped for writes that only swap parts of an already ordered object),
   * sets the resourceVersion when storing, and freezes. Unchanged parts are shared, already frozen, with the
   * previous version of the object.
   */
  private finish(info: ResourceInfo, obj: Obj, store: boolean, reorder = true): Obj {
    if (store) obj.metadata.resourceVersion = this.store.nextResourceVersion();
    if (!reorder) return deepFreeze(obj);
    const ordered = orderKeys(orderBySchema(info.kind, obj), ['apiVersion', 'kind', 'metadata', ...STRATEGIES[info.resource].topLevel]);
    ordered.metadata = orderBySchema('ObjectMeta', ordered.metadata);
    return deepFreeze(ordered);
  }

  private commit(info: ResourceInfo, obj: Obj, reorder = true): Obj {
    const stored = this.finish(info, obj, true, reorder);
    this.store.put(info.resource, stored);
    const ttlMs = STRATEGIES[info.resource].ttlMs;
    if (ttlMs) this.ttl.written(info.resource, stored, ttlMs);
    return stored;
  }

  update<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): ApiResult<T> {
    const t = requestTarget(resource);
    if (!t || (t.resize && !this.gates.enabled('InPlacePodVerticalScaling'))) return fail(resourceNotFound());
    if (t.status) return this.updateStatus(resource, namespace, body);
    if (t.ephemeral) return this.replaceEphemeral<T>(t.info, namespace, body as Obj, opts);
    if (t.resize) return this.replaceResources<T>(t.info, namespace, body as Obj, opts);
    const decoded = decodeObject(t.info, body, opts.fieldValidation);
    if (!decoded.ok) return decoded;
    return this.replace<T>(t, namespace, decoded.value, opts, decoded.warnings);
  }

  private replace<T>(t: Target, namespace: string | undefined, obj: Obj, opts: WriteOptions, warnings: string[]): ApiResult<T> {
    const { info, strategy } = t;
    const meta = obj.metadata;
    const ns = this.resolveNamespace(info, namespace, meta.namespace);
    if (!ns.ok) return ns;
    if (!meta.name) return fail(badRequest('name is required'));
    const old = this.store.get(info.resource, ns.value, meta.name) as Obj | undefined;
    if (!old) return this.notFound(info, meta.name);
    const stale = preconditionFailure(info, meta, old);
    if (stale) return fail(stale);
    if (info.namespaced) meta.namespace = ns.value;
    else delete meta.namespace;
    const sentFields = meta.managedFields;
    delete meta.managedFields;
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      if (old.metadata[k] === undefined) delete meta[k];
      else (meta as Record<string, unknown>)[k] = old.metadata[k];
    }
    if (strategy.statusSubresource) {
      if (old.status === undefined) delete obj.status;
      else obj.status = old.status; // frozen, shared with the previous version
    }
    strategy.defaults?.(obj);
    this.dropDisabled(obj);
    const requested = this.writer(info, opts) && mutableCopy(obj);
    strategy.prepareForUpdate?.(obj, old, this.ctx);
    const errs = [
      ...validateObjectMeta(meta, strategy.nameRule, info.namespaced),
      ...validateObjectMetaUpdate(meta, old.metadata),
      ...(strategy.validate?.(obj) ?? []),
      ...(strategy.validateUpdate?.(obj, old) ?? []),
    ];
    if (errs.length) return fail(invalid(info.kind, meta.name, errs, info.group || undefined));
    const admission = admitPodSecurity(this.store, info, obj, old);
    if (admission?.refused) return fail(admission.refused);
    if (strategy.generation && !jsonEqual(obj.spec, old.spec)) meta.generation = (old.metadata.generation ?? 0) + 1;
    const r = this.write<T>(info, obj, old, opts, [...warnings, ...(strategy.warnings?.(obj) ?? []), ...(admission?.warnings ?? [])]);
    if (r.ok && !opts.dryRun) this.fields.afterWrite(info.kind, old, r.value as Obj, sentFields, this.writer(info, opts), requested || undefined);
    return r;
  }

  /** Who an ordinary write is recorded as in managedFields: only writes that name their field manager. */
  private writer(info: ResourceInfo, opts: WriteOptions): Writer | undefined {
    if (!opts.fieldManager) return undefined;
    const w: Writer = { manager: opts.fieldManager, apiVersion: apiVersionOf(info), time: rfc3339(this.clock.now()) };
    if (opts.subresource) w.subresource = opts.subresource;
    return w;
  }

  /** metadata.managedFields of a stored object (kept beside it, so in-process readers never see them). */
  managedFields(obj: KubeObject): ManagedFieldsEntry[] | undefined {
    return this.fields.entries(obj.metadata.uid);
  }

  /** The object as the REST API shows it: with its managedFields, the last field of metadata. */
  withManagedFields<T extends KubeObject>(obj: T): T {
    const entries = this.managedFields(obj);
    return entries ? { ...obj, metadata: { ...obj.metadata, managedFields: entries } } : obj;
  }

  /** Stores an update unless nothing changed (then, as etcd, no new resourceVersion); finalises deletions. */
  private write<T>(info: ResourceInfo, obj: Obj, old: Obj, opts: WriteOptions, warnings: string[] = [], reorder = true): ApiResult<T> {
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(obj, old)) return this.ok(old, warnings);
    if (opts.dryRun) return this.ok(this.finish(info, obj, false, reorder), warnings);
    const m = obj.metadata;
    if (m.deletionTimestamp && !(m.finalizers ?? []).length && !m.deletionGracePeriodSeconds) return this.ok(this.removeNow(info, obj), warnings);
    return this.ok(this.commit(info, obj, reorder), warnings);
  }

  updateStatus<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, body: unknown): ApiResult<T> {
    const t = requestTarget(resource.split('/')[0]);
    if (!t) return fail(resourceNotFound());
    const copy = jsonCopy(body);
    if (!copy.ok || !isObject(copy.value)) return fail(badRequest('the body of the request was in an unknown format'));
    return this.replaceStatus<T>(t.info, namespace, copy.value as Obj, {}, t.strategy);
  }

  private replaceStatus<T>(info: ResourceInfo, namespace: string | undefined, body: Obj, opts: WriteOptions = {}, strategy?: KindStrategy): ApiResult<T> {
    const meta = isObject(body.metadata) ? body.metadata : {};
    const name = String(meta.name ?? '');
    const old = this.store.get(info.resource, this.ns(info, namespace || (meta.namespace as string | undefined)), name) as Obj | undefined;
    if (!old) return this.notFound(info, name);
    const stale = preconditionFailure(info, meta, old);
    if (stale) return fail(stale);
    const next: Obj = { ...old, metadata: { ...old.metadata } };
    if (body.status === undefined) delete next.status;
    else next.status = body.status;
    strategy?.defaultStatus?.(next);
    return this.write<T>(info, next, old, opts, [], false);
  }

  private replaceEphemeral<T>(info: ResourceInfo, namespace: string | undefined, body: Obj, opts: WriteOptions): ApiResult<T> {
    const name = String(body?.metadata?.name ?? '');
    const old = this.store.get(info.resource, this.ns(info, namespace || body?.metadata?.namespace), name) as Obj | undefined;
    if (!old) return this.notFound(info, name);
    const next = withEphemeralContainers(info.kind, old, body);
    if (!next.ok) return next;
    const admission = admitPodSecurity(this.store, info, next.value, old);
    return admission?.refused ? fail(admission.refused) : this.write<T>(info, next.value, old, opts, admission?.warnings, false);
  }

  /** pods/resize, served only with InPlacePodVerticalScaling on (the subresource is not registered without it). */
  private replaceResources<T>(info: ResourceInfo, namespace: string | undefined, body: Obj, opts: WriteOptions): ApiResult<T> {
    const name = String(body?.metadata?.name ?? '');
    const old = this.store.get(info.resource, this.ns(info, namespace || body?.metadata?.namespace), name) as Obj | undefined;
    if (!old) return this.notFound(info, name);
    const next = GATED.get().withResize(old, body);
    return next.ok ? this.write<T>(info, next.value, old, opts, [], false) : next;
  }

  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): ApiResult<T> {
    const t = requestTarget(resource);
    if (!t || (t.resize && !this.gates.enabled('InPlacePodVerticalScaling'))) return fail(resourceNotFound());
    const { info } = t;
    if (type === 'apply' && !t.status) return serverSideApply<T>(this, this.fields, info, namespace, String(name), patch, opts);
    const old = this.store.get(info.resource, this.ns(info, namespace), String(name));
    if (!old) return this.notFound(info, String(name));
    // JSON patches may address metadata.managedFields (kubectl's client-side-apply migration does).
    const base = asVersion(info.resource, opts.apiVersion, type === 'json' ? this.withManagedFields(old) : old);
    const patched = applyPatch(info, base, type, patch);
    if (!patched.ok) return patched;
    if (t.status) return this.replaceStatus<T>(info, namespace, patched.value as Obj, opts, t.strategy);
    if (t.ephemeral) return this.replaceEphemeral<T>(info, namespace, patched.value as Obj, opts);
    if (t.resize) return this.replaceResources<T>(info, namespace, patched.value as Obj, opts);
    const decoded = decodeObject(info, patched.value, opts.fieldValidation, true);
    if (!decoded.ok) return decoded;
    decoded.value.metadata.name = old.metadata.name;
    return this.replace<T>(t, namespace, decoded.value, opts, decoded.warnings);
  }

  delete<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult<T> {
    const t = requestTarget(resource);
    if (!t || t.status) return fail(resourceNotFound());
    const { info } = t;
    const old = this.store.get(info.resource, this.ns(info, namespace), String(name)) as Obj | undefined;
    if (!old) return this.notFound(info, String(name));
    const refused = info.resource === 'namespaces' ? this.namespaces.refuseDeletion(old) : undefined;
    if (refused) return fail(refused);
    const plan = planDeletion(info, old, opts, this.clock.now());
    if (plan.kind === 'unchanged') return { ok: true, value: old as unknown as T };
    const next = plan.next;
    if (opts.dryRun) return { ok: true, value: this.finish(info, next, false, false) as unknown as T };
    if (info.resource === 'namespaces') return this.namespaces.delete(next) as ApiResult<T>;
    if (plan.kind === 'remove') {
      const last = marksBeforeRemoval(old, next) ? mutableCopy(this.commit(info, next, false)) : next;
      return { ok: true, value: this.removeNow(info, last) as unknown as T };
    }
    return { ok: true, value: this.commit(info, next, false) as unknown as T };
  }

  private removeNow(info: ResourceInfo, obj: Obj): Obj {
    const last = this.finish(info, obj, true, false);
    this.store.remove(info.resource, last);
    this.fields.forget(last.metadata.uid);
    if (STRATEGIES[info.resource].ttlMs) this.ttl.removed(info.resource, last);
    const ns = last.metadata.namespace;
    if (ns) this.namespaces.contentRemoved(ns);
    return last;
  }

  /** A TTL ran out: the object goes as it is now, without a deletion of its own. */
  private expire(resource: string, obj: KubeObject): void {
    const info = findResource(resource)!;
    const cur = this.store.get(info.resource, obj.metadata.namespace ?? '', obj.metadata.name!);
    if (cur) this.removeNow(info, { ...cur, metadata: { ...cur.metadata } });
  }

  createToken(namespace: string, name: string, spec: TokenRequestSpec): ApiResult<TokenRequest> {
    return requestToken(this, this.clock.now(), this.random, namespace, name, spec);
  }

  bind(namespace: string, pod: string, node: string): ApiResult<KubeObject> {
    const info = findResource('pods')!;
    const old = this.store.get('pods', namespace || 'default', String(pod)) as Obj | undefined;
    if (!old) return this.notFound(info, String(pod));
    const next = boundPod(old, String(node), this.clock.now());
    return next.ok ? { ok: true, value: this.commit(info, next.value, false) } : next;
  }
}
