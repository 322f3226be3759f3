/**
 * The LimitRanger admission plugin on the API server's create path: pods (defaults, then bounds) and claims
 * (bounds) in a namespace with LimitRanges. A namespace without one (every namespace of a fresh cluster) never
 * loads the plugin's chunk (a lazy part); nor does a LimitRange's own validation run before one is written.
 */
import { LazyPart } from '../../lazy/part.js';
import type { Any } from '../objects.js';
import type { ObjectStore } from '../store.js';
import type { ResourceInfo, Status } from '../types.js';
import part from './limit-ranger.lazy.js';

export const LIMIT_RANGER = new LazyPart('limit-ranger', part);

/** Applies the namespace's defaults to a pod being created; the Forbidden status when a range refuses it or a claim. */
export function admitLimits(store: ObjectStore, info: ResourceInfo, obj: Any): Status | undefined {
  const ranges = info.namespaced ? store.list('limitranges', String(obj.metadata?.namespace ?? '')) : [];
  return ranges.length ? LIMIT_RANGER.get().admit(info, obj, ranges) : undefined;
}
