import { STRATEGIES } from './kinds/index.js';
import type { KindStrategy } from './kinds/strategy.js';
import { findResource } from './resources.js';
import type { ResourceInfo } from './types.js';

/** What a request's resource path names: a kind, maybe its status, ephemeral-containers or resize subresource. */
export interface Target {
  info: ResourceInfo;
  strategy: KindStrategy;
  status: boolean;
  /** pods/ephemeralcontainers: only spec.ephemeralContainers is taken. */
  ephemeral?: boolean;
  /** pods/resize: only the containers' resources and resize policies are taken. */
  resize?: boolean;
}

/** `pods`, `pods/status`, `pods/ephemeralcontainers`, `pods/resize`; undefined for anything else the server does not serve. */
export function requestTarget(resource: string): Target | undefined {
  if (typeof resource !== 'string') return undefined;
  const [name, sub, extra] = resource.split('/');
  const ephemeral = sub === 'ephemeralcontainers';
  const resize = sub === 'resize';
  if (extra !== undefined || (sub !== undefined && sub !== 'status' && !ephemeral && !resize)) return undefined;
  const info = findResource(name);
  if ((ephemeral || resize) && info?.resource !== 'pods') return undefined;
  return info && { info, strategy: STRATEGIES[info.resource], status: sub === 'status', ephemeral, resize };
}
