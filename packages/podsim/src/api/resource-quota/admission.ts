/**
 * The ResourceQuota admission plugin on the API server's create path: an object created in a namespace with
 * quotas is charged to each quota that tracks it, or refused when one has no room. A namespace without
 * quotas (every namespace of a fresh cluster) never loads the plugin's chunk (a lazy part).
 */
import { LazyPart } from '../../lazy/part.js';
import type { Any } from '../objects.js';
import type { ObjectStore } from '../store.js';
import type { ResourceInfo } from '../types.js';
import part, { type QuotaVerdict } from './quota.lazy.js';

export const RESOURCE_QUOTA = new LazyPart('resource-quota', part);

export function admitQuota(store: ObjectStore, info: ResourceInfo, obj: Any, now: number): QuotaVerdict | undefined {
  const quotas = info.namespaced ? store.list('resourcequotas', String(obj.metadata?.namespace ?? '')) : [];
  return quotas.length ? RESOURCE_QUOTA.get().admit(info, obj, quotas, now) : undefined;
}
