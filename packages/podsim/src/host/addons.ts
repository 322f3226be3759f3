/**
 * Cluster add-ons a host can turn on when it creates a sandbox, as `minikube addons enable NAME` or a
 * course page's setup would: the add-on's own release manifest, created as `kubectl apply` would.
 * Manifests no course page boots with are a lazy part (addons.lazy.ts).
 */
import { findResourceByKind } from '../api/resources.js';
import { yaml } from '../format/yaml-parser.js';
import type { ApiClient } from '../api/types.js';
import { LazyPart } from '../lazy/part.js';
import part from './addons.lazy.js';
import { METRICS_SERVER_COMPONENTS } from './web/metrics-server.js';

const MANIFESTS = new LazyPart('addons', part);

export interface Addon {
  manifest(): string;
  /**
   * Ports of the reader's machine that reach the add-on on whichever node serves them (a hostPort):
   * what `minikube tunnel` opens on 127.0.0.1 for an ingress, and kind's extraPortMappings in its ingress guide.
   */
  readerPorts?: readonly number[];
}

export const ADDONS: Readonly<Record<string, Addon>> = {
  'metrics-server': { manifest: () => METRICS_SERVER_COMPONENTS },
  ingress: { manifest: () => MANIFESTS.get().ingress, readerPorts: [80, 443] },
};

/** Creates the add-on's objects; undefined for an add-on the sandbox does not have. */
export function installAddon(api: ApiClient, name: string): Addon | undefined {
  const addon = Object.hasOwn(ADDONS, name) ? ADDONS[name] : undefined;
  if (addon === undefined) return undefined;
  for (const doc of yaml().parseAllDocuments(addon.manifest())) {
    const obj = doc.toJS() as { apiVersion: string; kind: string; metadata: { namespace?: string } };
    // A kind the sandbox's API does not serve (admissionregistration's webhook configurations) is left out.
    const info = findResourceByKind(obj.apiVersion, obj.kind);
    if (info) api.create(info.resource, info.namespaced ? (obj.metadata.namespace ?? 'default') : undefined, obj);
  }
  return addon;
}
