/**
 * Cluster add-ons a host can turn on when it creates a sandbox, as `minikube addons enable NAME` or a
 * course page's setup would: the add-on's own release manifest, created as `kubectl apply` would.
 */
import { findResourceByKind } from '../api/resources.js';
import { yaml } from '../format/yaml-parser.js';
import type { ApiClient } from '../api/types.js';
import { METRICS_SERVER_COMPONENTS } from './web/metrics-server.js';

export const ADDONS: Readonly<Record<string, string>> = {
  'metrics-server': METRICS_SERVER_COMPONENTS,
};

export type AddonName = keyof typeof ADDONS;

/** Creates the add-on's objects; false for an add-on the sandbox does not have. */
export function installAddon(api: ApiClient, name: string): boolean {
  const manifest = Object.hasOwn(ADDONS, name) ? ADDONS[name] : undefined;
  if (manifest === undefined) return false;
  for (const doc of yaml().parseAllDocuments(manifest)) {
    const obj = doc.toJS() as { apiVersion: string; kind: string; metadata: { namespace?: string } };
    const info = findResourceByKind(obj.apiVersion, obj.kind);
    if (info) api.create(info.resource, info.namespaced ? (obj.metadata.namespace ?? 'default') : undefined, obj);
  }
  return true;
}
