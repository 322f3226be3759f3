/**
 * Field sets as server-side apply tracks them (sigs.k8s.io/structured-merge-diff fieldpath): paths of
 * tokens `f:<field>`, `k:<key json>` (an element of a list keyed by its map keys), `v:<value json>` (an
 * element of a set), walked by the Go types of decode/schema.ts and the list table of patch/list-meta.ts.
 * The FieldsV1 JSON of managedFields is this set as a tree (`.` marks a member that has children).
 */
import { structOf, type FieldType } from '../decode/schema.js';
import { isObject, jsonEqual } from '../objects.js';
import { ATOMIC_MAPS, ATOMIC_STRUCTS, STRUCT_LISTS, type ListMeta } from '../patch/list-meta.js';

export type Path = string[];
export type FieldSet = Map<string, Path>;
export interface FieldsV1 {
  [token: string]: FieldsV1;
}

/** Map-key fields the API defaults, so an applied element without them names the live one. */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };
/** Never owned: identity and bookkeeping (fieldmanager's stripMeta) and the status of the main resource. */
const UNOWNED_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields']);

const pathKey = (p: Path): string => p.join('\n');

export function newSet(paths: Path[] = []): FieldSet {
  return new Map(paths.map((p) => [pathKey(p), p]));
}

export interface Shape {
  struct?: string;
  type?: FieldType;
}

function childShape(parent: Shape, field: string): Shape {
  const t = parent.struct ? structOf(parent.struct)?.[field] : undefined;
  return t && typeof t === 'object' && 'struct' in t ? { struct: t.struct, type: t } : { type: t };
}

function listMeta(parent: Shape, field: string): ListMeta | undefined {
  return parent.struct ? STRUCT_LISTS[parent.struct]?.[field] : undefined;
}

function elementShape(parent: Shape, field: string): Shape {
  const t = parent.struct ? structOf(parent.struct)?.[field] : undefined;
  const el = t && typeof t === 'object' && 'list' in t ? t.list : undefined;
  return el && typeof el === 'object' && 'struct' in el ? { struct: el.struct, type: el } : { type: el };
}

/** `k:{"containerPort":80,"protocol":"TCP"}`: the map keys, sorted, defaults filled. */
export function keyToken(meta: ListMeta, el: unknown): string {
  const o = isObject(el) ? el : {};
  const keys = [...(meta.mapKeys ?? [])].sort();
  const parts = keys.map((k) => [k, o[k] ?? KEY_DEFAULTS[k]] as const).filter(([, v]) => v !== undefined);
  return `k:${JSON.stringify(Object.fromEntries(parts))}`;
}

const isMapType = (t: FieldType | undefined): boolean => t === 'strmap' || t === 'qtymap' || t === 'bytesmap';

/** Whether a field's value is owned and replaced as a whole. */
export function isAtomic(parentStruct: string | undefined, field: string, struct: string | undefined): boolean {
  return (!!struct && ATOMIC_STRUCTS.has(struct)) || (!!parentStruct && !!ATOMIC_MAPS[parentStruct]?.includes(field));
}

export interface WalkOptions {
  /** Maps (labels, annotations…) count as members themselves: an Update owns a map it created. */
  maps?: boolean;
}

/** Every member path of an object of `kind`. */
export function fieldsOf(kind: string, obj: Record<string, unknown>, opts: WalkOptions = {}): FieldSet {
  const out: FieldSet = new Map();
  const add = (p: Path): void => void out.set(pathKey(p), p);
  const walkObject = (o: Record<string, unknown>, shape: Shape, prefix: Path): void => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue;
      if (prefix.length === 0 && (k === 'apiVersion' || k === 'kind' || k === 'status')) continue;
      if (prefix.length === 1 && prefix[0] === 'f:metadata' && UNOWNED_META.has(k)) continue;
      walkField(v, shape, k, [...prefix, `f:${k}`]);
    }
  };
  const walkField = (v: unknown, parent: Shape, field: string, p: Path): void => {
    const shape = childShape(parent, field);
    if (Array.isArray(v)) {
      const meta = listMeta(parent, field);
      if (!meta || v.length === 0) return add(p);
      const el = elementShape(parent, field);
      for (const e of v) {
        const ep = [...p, meta.listType === 'map' ? keyToken(meta, e) : `v:${JSON.stringify(e)}`];
        add(ep);
        if (meta.listType === 'map' && isObject(e)) walkObject(e, el, ep);
      }
      return;
    }
    if (!isObject(v) || Object.keys(v).length === 0 || isAtomic(parent.struct, field, shape.struct)) return add(p);
    if (isMapType(shape.type) && opts.maps) add(p);
    walkObject(v, shape, p);
  };
  walkObject(obj, { struct: kind }, []);
  return out;
}

/** Fields of an applied configuration that its Go types do not declare (structured-merge-diff refuses them). */
export function undeclaredFields(kind: string, obj: Record<string, unknown>): Path[] {
  const out: Path[] = [];
  const walkObject = (o: Record<string, unknown>, shape: Shape, prefix: Path): void => {
    const fields = shape.struct ? structOf(shape.struct) : undefined;
    if (!fields) return;
    for (const [k, v] of Object.entries(o)) {
      const p = [...prefix, `f:${k}`];
      if (!(k in fields)) out.push(p);
      else if (Array.isArray(v)) {
        const meta = listMeta(shape, k);
        const el = elementShape(shape, k);
        v.forEach((e, i) => isObject(e) && walkObject(e, el, [...p, meta?.listType === 'map' ? keyToken(meta, e) : `i:${i}`]));
      } else if (isObject(v)) walkObject(v, childShape(shape, k), p);
    }
  };
  walkObject(obj, { struct: kind }, []);
  return out;
}

/** The value a path names, or undefined. */
export function valueAt(kind: string, obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  let shape: Shape = { struct: kind };
  let field = '';
  let parent: Shape = shape;
  for (const t of path) {
    if (t.startsWith('f:')) {
      if (!isObject(cur)) return undefined;
      field = t.slice(2);
      parent = shape;
      shape = childShape(parent, field);
      cur = cur[field];
    } else {
      if (!Array.isArray(cur)) return undefined;
      const meta = listMeta(parent, field);
      cur = t.startsWith('k:') && meta ? cur.find((e) => keyToken(meta, e) === t) : cur.find((e) => `v:${JSON.stringify(e)}` === t);
      shape = elementShape(parent, field);
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Removes what a path names from a writable object (no-op if absent). */
export function removeAt(kind: string, obj: Record<string, unknown>, path: Path): void {
  if (path.length === 0) return;
  const parentValue = valueAt(kind, obj, path.slice(0, -1));
  const last = path[path.length - 1];
  if (last.startsWith('f:')) {
    if (isObject(parentValue)) delete parentValue[last.slice(2)];
    return;
  }
  if (!Array.isArray(parentValue)) return;
  const target = valueAt(kind, obj, path);
  const i = parentValue.indexOf(target);
  if (i >= 0) parentValue.splice(i, 1);
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  return new Map([...a, ...b]);
}

export function minus(a: FieldSet, b: FieldSet): FieldSet {
  return new Map([...a].filter(([k]) => !b.has(k)));
}

/** Whether the set has a path below `p` (a map or element that still has owned fields inside). */
export function hasDescendant(a: FieldSet, p: Path): boolean {
  const prefix = `${pathKey(p)}\n`;
  for (const k of a.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

export function intersects(a: FieldSet, p: Path): boolean {
  return a.has(pathKey(p));
}

/** Paths whose value differs between two versions (absent on one side counts). */
export function changed(kind: string, paths: FieldSet, before: unknown, after: unknown): FieldSet {
  return new Map([...paths].filter(([, p]) => !jsonEqual(valueAt(kind, before, p), valueAt(kind, after, p))));
}

/** `.spec.containers[name="nginx"].image`, as fieldpath.Path.String prints it. */
export function pathString(p: Path): string {
  return p
    .map((t) => {
      if (t.startsWith('f:')) return `.${t.slice(2)}`;
      if (t.startsWith('v:')) return `[=${t.slice(2)}]`;
      if (t.startsWith('i:')) return `[${t.slice(2)}]`;
      const key = JSON.parse(t.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

const tokenRank = (t: string): number => (t === '.' ? 0 : t.startsWith('f:') ? 1 : t.startsWith('k:') ? 2 : 3);

function sortTree(node: FieldsV1): FieldsV1 {
  const keys = Object.keys(node).sort((a, b) => tokenRank(a) - tokenRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, sortTree(node[k])]));
}

/** The FieldsV1 tree of a set. */
export function toFieldsV1(set: FieldSet): FieldsV1 {
  const root: FieldsV1 = {};
  for (const p of set.values()) {
    let node = root;
    for (const t of p) node = node[t] ??= {};
  }
  // A member with children carries `.`; a childless node is a member by being there.
  for (const p of set.values()) {
    let node = root;
    for (const t of p) node = node[t];
    if (Object.keys(node).some((k) => k !== '.')) node['.'] = {};
  }
  return sortTree(root);
}

/** The set a FieldsV1 tree describes. */
export function fromFieldsV1(tree: unknown): FieldSet {
  const out: FieldSet = new Map();
  const visit = (node: unknown, prefix: Path): void => {
    if (!isObject(node)) return;
    const children = Object.keys(node).filter((k) => k !== '.');
    if (prefix.length && (children.length === 0 || '.' in node)) out.set(pathKey(prefix), prefix);
    for (const k of children) visit(node[k], [...prefix, k]);
  };
  visit(tree, []);
  return out;
}
