/**
 * kustomize's field specs: which path of which kinds a builtin transformer touches. The defaults are
 * data (fieldspecs.generated.json, from kustomize v5.5.0's builtinpluginconsts). A path walks maps by
 * key and every element of a sequence it meets (`[]` after a key says the same explicitly), creating
 * missing maps when the spec says `create`.
 */
import generated from './fieldspecs.generated.json';
import { isRecord, type Obj } from './res.js';

export interface Gvk {
  group?: string;
  version?: string;
  kind?: string;
}

export interface FieldSpec extends Gvk {
  path: string;
  create?: boolean;
}

export interface NameReference extends Gvk {
  fieldSpecs: FieldSpec[];
}

export const DEFAULT_SPECS = generated as unknown as {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  commonLabels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  namespace: FieldSpec[];
  nameReference: NameReference[];
  images: FieldSpec[];
  replicas: FieldSpec[];
};

/** resid.Gvk.IsSelected: every field the selector sets must be equal. */
export function gvkSelected(id: Gvk, sel: Gvk): boolean {
  if (sel.group && sel.group !== id.group) return false;
  if (sel.version && sel.version !== id.version) return false;
  if (sel.kind && sel.kind !== id.kind) return false;
  return true;
}

/** The group, version and kind of an object from its apiVersion. */
export function gvkOf(obj: Obj): Required<Gvk> {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.lastIndexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof obj.kind === 'string' ? obj.kind : '',
  };
}

/**
 * Calls `visit(parent, key)` for every place the path reaches in `obj` (the last segment's holder and
 * key), creating the maps on the way when `create` is set; `visit` decides what to do with the value.
 */
export function walkPath(obj: Obj, path: string, create: boolean, visit: (parent: Obj, key: string) => void): void {
  const segments = path.split('/').map((s) => s.replace(/\[\]$/, ''));
  const step = (node: unknown, i: number): void => {
    if (Array.isArray(node)) {
      for (const el of node) step(el, i);
      return;
    }
    if (!isRecord(node)) return;
    const key = segments[i];
    if (i === segments.length - 1) {
      if (key in node || create) visit(node, key);
      return;
    }
    if (!(key in node) || node[key] === null) {
      if (!create) return;
      node[key] = {};
    }
    step(node[key], i + 1);
  };
  step(obj, 0);
}

/** Applies the specs that select this object's kind. */
export function forEachSpec(obj: Obj, specs: readonly FieldSpec[], visit: (parent: Obj, key: string, spec: FieldSpec) => void): void {
  const id = gvkOf(obj);
  for (const spec of specs) {
    if (!gvkSelected(id, spec)) continue;
    walkPath(obj, spec.path, spec.create === true, (parent, key) => visit(parent, key, spec));
  }
}
