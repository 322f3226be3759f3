import { STRATEGIES } from './kinds/index.js';
import type { KindStrategy } from './kinds/strategy.js';
import { findResource } from './resources.js';
import type { ResourceInfo } from './types.js';

/** What a request's resource path names: a kind, maybe its status or ephemeral-containers subresource. */
export interface Target {
  info: ResourceInfo;
  strategy: KindStrategy;
  status: boolean;
  /** pods/ephemeralcontainers: only spec.ephemeralContainers is taken. */
  ephemeral?: boolean;
}

/** `pods`, `pods/status`, `pods/ephemeralcontainers`; undefined for anything else the server does not serve. */
export function requestTarget(resource: string): Target | undefined {
  if (typeof resource !== 'string') return undefined;
  const [name, sub, extra] = resource.split('/');
  const ephemeral = sub === 'ephemeralcontainers';
  if (extra !== undefined || (sub !== undefined && sub !== 'status' && !ephemeral)) return undefined;
  const info = findResource(name);
  if (ephemeral && info?.resource !== 'pods') return undefined;
  return info && { info, strategy: STRATEGIES[info.resource], status: sub === 'status', ephemeral };
}
