/**
 * The PodSecurity admission plugin in the API server's write path (k8s `plugin/pkg/admission/security/podsecurity`):
 * it sees namespaces, pods (and their ephemeral containers) and the workloads that carry a pod template, after
 * validation and before storage, and may refuse the write or add warnings. A namespace without pod-security
 * labels has the default privileged policy, so nothing there loads the plugin (a lazy part).
 */
import { LazyPart } from '../../lazy/part.js';
import { isObject, type Any } from '../objects.js';
import type { ObjectStore } from '../store.js';
import type { ResourceInfo } from '../types.js';
import part, { type Admitted } from './pod-security.lazy.js';

export const POD_SECURITY = new LazyPart('pod-security', part);

const hasPolicyLabels = (o: Any | undefined) => isObject(o?.metadata?.labels) && Object.keys(o.metadata.labels).some((k) => k.startsWith('pod-security.kubernetes.io/'));

/** The plugin's verdict on writing `obj` (over `old` on update) of a resource; undefined when it lets it pass untouched. */
export function admitPodSecurity(store: ObjectStore, info: ResourceInfo, obj: Any, old?: Any): Admitted | undefined {
  if (info.resource === 'namespaces') {
    if (!hasPolicyLabels(obj) && !hasPolicyLabels(old)) return undefined;
    return POD_SECURITY.get().admit(info, obj, old, undefined, store.list('pods', String(obj.metadata?.name ?? '')));
  }
  const ns = store.get('namespaces', '', String(obj.metadata?.namespace ?? ''));
  return hasPolicyLabels(ns) ? POD_SECURITY.get().admit(info, obj, old, ns, []) : undefined;
}
