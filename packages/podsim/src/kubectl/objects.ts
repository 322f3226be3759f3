/**
 * Reading the objects a command names: by name (collecting NotFound errors like kubectl does, after
 * the objects that were found) or by listing with label/field selectors.
 */
import type { KubeObject, ResourceInfo, Status } from '../api/types.js';
import type { Invocation } from './command.js';

export interface Fetched {
  info: ResourceInfo;
  objects: KubeObject[];
  errors: Status[];
}

export interface SelectorOptions {
  labelSelector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
}

/** Namespace argument for the API: undefined lists all namespaces; cluster-scoped resources ignore it. */
export function namespaceFor(inv: Invocation, info: ResourceInfo, all = false): string | undefined {
  if (!info.namespaced) return undefined;
  return all ? undefined : inv.namespace;
}

export function fetchObjects(inv: Invocation, info: ResourceInfo, names: readonly string[], sel: SelectorOptions = {}): Fetched {
  const ns = namespaceFor(inv, info, sel.allNamespaces && names.length === 0);
  if (names.length > 0) {
    const objects: KubeObject[] = [];
    const errors: Status[] = [];
    for (const n of names) {
      const r = inv.api.get(info.resource, ns, n);
      if (r.ok) objects.push(r.value);
      else errors.push(r.status);
    }
    return { info, objects, errors };
  }
  const r = inv.api.list(info.resource, ns, { labelSelector: sel.labelSelector || undefined, fieldSelector: sel.fieldSelector || undefined });
  if (!r.ok) return { info, objects: [], errors: [r.status] };
  return { info, objects: r.value.items, errors: [] };
}

/** `No resources found in default namespace.` / `No resources found` (all namespaces, cluster-scoped). */
export function noResourcesMessage(inv: Invocation, namespaced: boolean, all: boolean): string {
  return namespaced && !all ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n';
}
