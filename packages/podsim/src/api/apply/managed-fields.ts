/**
 * metadata.managedFields: who owns which fields of an object (manager, operation Apply or Update,
 * apiVersion, time, FieldsV1). Ordinary writes that name a field manager take ownership of what they
 * changed (`Update`); server-side apply (`Apply`) owns exactly the fields of its configuration, removes
 * fields it owned alone and no longer applies, and conflicts with other owners of fields whose value it
 * would change unless forced. Models k8s.io/apiserver fieldmanager over structured-merge-diff.
 *
 * Simplified: one version per kind (no conversion of field sets between apiVersions); only writes that
 * name a field manager are recorded (in-process controllers and kubelets write anonymously, so there are
 * no kube-controller-manager/kubelet entries and status is never owned); stale paths of other owners are
 * dropped only when an apply or a named write touches the object; merged lists keep the live order and
 * append new elements (structured-merge-diff may reorder); no managedFields cap (the apiserver folds old
 * Update entries beyond ten into one); owners are kept beside the object (FieldOwnership) and joined to it
 * in REST responses only.
 */
import { isObject } from '../objects.js';
import { applyConflict } from '../status.js';
import type { Status } from '../types.js';
import { changed, fieldsOf, fromFieldsV1, hasDescendant, intersects, minus, newSet, pathString, removeAt, toFieldsV1, union, valueAt, type FieldSet, type FieldsV1, type Path } from './fieldset.js';
import { mergeApplied } from './merge.js';

type Obj = Record<string, unknown>;

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldsV1;
  subresource?: string;
}

export interface Owner {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  set: FieldSet;
}

/** Whether two entries are the same manager as the apiserver keys them (appliers regardless of apiVersion). */
function sameIdentity(a: Omit<Owner, 'set' | 'time'>, b: Omit<Owner, 'set' | 'time'>): boolean {
  return a.manager === b.manager && a.operation === b.operation && (a.subresource ?? '') === (b.subresource ?? '') && (a.operation === 'Apply' || a.apiVersion === b.apiVersion);
}

/** `"kubectl-client-side-apply" using v1` (apiserver fieldmanager printManager). */
function describeOwner(o: Owner): string {
  let s = JSON.stringify(o.manager);
  if (o.subresource) s += ` with subresource ${JSON.stringify(o.subresource)}`;
  return o.operation === 'Update' ? `${s} using ${o.apiVersion}` : s;
}

/** The apiserver sorts entries by operation, time, manager, apiVersion, subresource. */
function sortOwners(owners: Owner[]): Owner[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const seconds = (t: string): number => Math.floor(Date.parse(t) / 1000);
  return [...owners].sort((a, b) => cmp(a.operation, b.operation) || seconds(a.time) - seconds(b.time) || cmp(a.manager, b.manager) || cmp(a.apiVersion, b.apiVersion) || cmp(a.subresource ?? '', b.subresource ?? ''));
}

export function encodeOwners(owners: Owner[]): ManagedFieldsEntry[] {
  return owners.map((o) => {
    const e: ManagedFieldsEntry = { manager: o.manager, operation: o.operation, apiVersion: o.apiVersion, time: o.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(o.set) };
    if (o.subresource) e.subresource = o.subresource;
    return e;
  });
}

/** Owners from managedFields a client sent; undefined when they are not a well-formed list. */
export function decodeOwners(entries: unknown): Owner[] | undefined {
  if (!Array.isArray(entries)) return undefined;
  const out: Owner[] = [];
  for (const e of entries) {
    if (!isObject(e) || typeof e.manager !== 'string' || (e.operation !== 'Apply' && e.operation !== 'Update')) return undefined;
    const o: Owner = { manager: e.manager, operation: e.operation, apiVersion: String(e.apiVersion ?? ''), time: String(e.time ?? ''), set: fromFieldsV1(e.fieldsV1) };
    if (typeof e.subresource === 'string' && e.subresource) o.subresource = e.subresource;
    out.push(o);
  }
  return out;
}

/** Drops paths the object no longer has, and owners left with nothing. */
function prune(kind: string, owners: Owner[], obj: Obj): Owner[] {
  return owners.map((o) => ({ ...o, set: new Map([...o.set].filter(([, p]) => valueAt(kind, obj, p) !== undefined)) })).filter((o) => o.set.size > 0);
}

export interface Writer {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: string;
}

/**
 * An ordinary write by `w`: it takes over every field its request (defaulted, not yet admitted) set to a
 * new value; others lose them; paths the stored object no longer has are dropped.
 */
export function recordUpdate(kind: string, owners: Owner[], before: Obj | undefined, requested: Obj, after: Obj, w: Writer): Owner[] {
  const took = changed(kind, fieldsOf(kind, requested, { maps: true }), before, requested);
  const me: Omit<Owner, 'set'> = { manager: w.manager, operation: 'Update', apiVersion: w.apiVersion, time: w.time, subresource: w.subresource };
  if (!w.subresource) delete me.subresource;
  let found = false;
  const next = owners.map((o) => {
    if (!sameIdentity(o, me)) return { ...o, set: minus(o.set, took) };
    found = true;
    return took.size ? { ...o, time: w.time, set: union(o.set, took) } : o;
  });
  if (!found && took.size) next.push({ ...me, set: took });
  return sortOwners(prune(kind, next, after));
}

export type ApplyPlan = { ok: true; merged: Obj; owners(final: Obj): Owner[] } | { ok: false; status: Status };

function conflictStatus(conflicts: { owner: Owner; path: Path }[]): Status {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeOwner(c.owner)}`, field: pathString(c.path) }));
  if (conflicts.length === 1) return applyConflict(causes, `Apply failed with 1 conflict: conflict with ${describeOwner(conflicts[0].owner)}: ${pathString(conflicts[0].path)}`);
  const identity = (o: Owner): string => JSON.stringify({ manager: o.manager, operation: o.operation, ...(o.operation === 'Update' ? { apiVersion: o.apiVersion } : {}), ...(o.subresource ? { subresource: o.subresource } : {}) });
  const byOwner = new Map<string, { owner: Owner; paths: string[] }>();
  for (const c of conflicts) {
    const g = byOwner.get(identity(c.owner)) ?? { owner: c.owner, paths: [] };
    g.paths.push(pathString(c.path));
    byOwner.set(identity(c.owner), g);
  }
  const lines = [...byOwner.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([, g]) => [`conflicts with ${describeOwner(g.owner)}:`, ...g.paths.map((p) => `- ${p}`)]);
  return applyConflict(causes, `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`);
}

/**
 * Server-side apply of `config` by `w` onto `live` (absent when the apply creates the object): the
 * merged object to store, and, once stored with defaults, the new owners; or the 409 for conflicts.
 */
export function planApply(kind: string, owners: Owner[], live: Obj | undefined, config: Obj, w: Writer, force: boolean): ApplyPlan {
  const mine = fieldsOf(kind, config);
  const me: Omit<Owner, 'set'> = { manager: w.manager, operation: 'Apply', apiVersion: w.apiVersion, time: w.time };
  const previous = owners.find((o) => sameIdentity(o, me));
  const others = owners.filter((o) => o !== previous);
  const merged = live ? mergeApplied(kind, live, config) : { ...config };
  const conflicts: { owner: Owner; path: Path }[] = [];
  const differs = changed(kind, mine, live, merged);
  for (const o of others) for (const [, p] of differs) if (p[p.length - 1].startsWith('f:') && intersects(o.set, p)) conflicts.push({ owner: o, path: p });
  if (conflicts.length && !force) return { ok: false, status: conflictStatus(conflicts) };
  const taken = newSet(conflicts.map((c) => c.path));
  const othersAfter = others.map((o) => ({ ...o, set: minus(o.set, taken) }));
  // Fields this manager applied before, dropped now and owned by nobody else, leave the object.
  const kept = othersAfter.reduce((acc, o) => union(acc, o.set), mine);
  const dropped = [...minus(previous?.set ?? newSet(), kept).values()].filter((p) => !hasDescendant(kept, p)).sort((a, b) => b.length - a.length);
  for (const p of dropped) removeAt(kind, merged, p);
  return { ok: true, merged, owners: (final) => sortOwners(prune(kind, [...othersAfter, { ...me, set: mine }], final)) };
}

/** The owners of every stored object, by uid (the objects themselves stay free of them; see FieldOwnership.view). */
export class FieldOwnership {
  private readonly owners = new Map<string, { owners: Owner[]; encoded: ManagedFieldsEntry[] }>();

  of(uid: string | undefined): Owner[] {
    return (uid && this.owners.get(uid)?.owners) || [];
  }

  set(uid: string | undefined, owners: Owner[]): void {
    if (!uid) return;
    if (owners.length) this.owners.set(uid, { owners, encoded: encodeOwners(owners) });
    else this.owners.delete(uid);
  }

  forget(uid: string | undefined): void {
    if (uid) this.owners.delete(uid);
  }

  /** metadata.managedFields of an object, as the API returns them. */
  entries(uid: string | undefined): ManagedFieldsEntry[] | undefined {
    return uid ? this.owners.get(uid)?.encoded : undefined;
  }

  /**
   * After a stored write: managedFields the client sent that differ from the current ones replace them
   * (an empty list resets them, as kubectl's client-side-apply migration relies on); otherwise a write
   * that names its field manager records an Update.
   */
  afterWrite(kind: string, before: Obj | undefined, after: Obj & { metadata: { uid?: string } }, sent: unknown, w: Writer | undefined, requested: Obj = after): void {
    const uid = after.metadata.uid;
    if (Array.isArray(sent) && JSON.stringify(sent) !== JSON.stringify(this.entries(uid) ?? [])) {
      const decoded = decodeOwners(sent);
      if (decoded) return this.set(uid, sortOwners(decoded));
    }
    if (w) this.set(uid, recordUpdate(kind, this.of(uid), before, requested, after, w));
  }
}
