/** Parses Kubernetes REST paths: `/api/v1[/namespaces/NS]/RESOURCE[/NAME[/SUB]]` and the `/apis/GROUP/VERSION/…` twin. */
import { RESOURCES } from '../resources.js';
import type { ResourceInfo } from '../types.js';

export interface ResourcePath {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The group/version the path names (`autoscaling/v1`), which may be other than the storage version. */
  apiVersion: string;
}

export function parseResourcePath(path: string): ResourcePath | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') {
    group = '';
    version = 'v1';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  // `/namespaces/NS/<resource>…` addresses inside a namespace; `/namespaces[/NAME[/status]]` the namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(group === '' && rest.length === 3 && rest[2] === 'status') && rest[2] !== 'finalize') {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, extra] = rest;
  if (!resource || extra !== undefined) return undefined;
  const info = RESOURCES.find((r) => r.group === group && r.resource === resource && (r.version === version || r.otherVersions?.includes(version)));
  if (!info) return undefined;
  if (namespace !== undefined && !info.namespaced) return undefined;
  return { info, namespace, name, subresource, apiVersion: group ? `${group}/${version}` : version };
}
