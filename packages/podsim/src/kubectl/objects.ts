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
      else errors.push(missingNamespace(inv, ns, r.status) ?? r.status);
    }
    return { info, objects, errors };
  }
  const opts = { labelSelector: sel.labelSelector || undefined, fieldSelector: sel.fieldSelector || undefined };
  const r = inv.api.list(info.resource, ns, opts);
  if (!r.ok) return { info, objects: [], errors: [enhanceListError(r.status, info, opts)] };
  return { info, objects: r.value.items, errors: [] };
}

/**
 * cli-runtime `Info.Get`: an object missing from a namespace other than `default` makes kubectl ask for the
 * namespace, and report the namespace instead when that is missing too.
 */
export function missingNamespace(inv: Invocation, ns: string | undefined, status: Status): Status | undefined {
  if (status.reason !== 'NotFound' || !ns || ns === 'default') return undefined;
  const got = inv.api.get('namespaces', undefined, ns);
  return !got.ok && got.status.reason === 'NotFound' ? got.status : undefined;
}

/**
 * cli-runtime `EnhanceListError`: kubectl names the list it asked for in a list's BadRequest or NotFound
 * (`Unable to find "/v1, Resource=pods" that match label selector "a in", field selector "": …`).
 */
export function enhanceListError(status: Status, info: ResourceInfo, opts: { labelSelector?: string; fieldSelector?: string }): Status {
  if (status.reason !== 'BadRequest' && status.reason !== 'NotFound') return status;
  const subject = JSON.stringify(`${info.group}/${info.version}, Resource=${info.resource}`);
  const label = opts.labelSelector ?? '';
  const field = opts.fieldSelector ?? '';
  const message =
    label || field
      ? `Unable to find ${subject} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${status.message ?? ''}`
      : `Unable to list ${subject}: ${status.message ?? ''}`;
  return { ...status, message };
}

/** `No resources found in default namespace.` / `No resources found` (all namespaces, cluster-scoped). */
export function noResourcesMessage(inv: Invocation, namespaced: boolean, all: boolean): string {
  return namespaced && !all ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n';
}
