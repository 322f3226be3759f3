/** Test helpers: a fresh server on a virtual clock, and unwrapping results. */
import { Clock } from '../clock/clock.js';
import { Random } from '../random/random.js';
import { ApiServer } from './server.js';
import type { FeatureGates } from './feature-gates.js';
import type { ApiResult, Status } from './types.js';

export function newServer(seed = 1, gates?: FeatureGates): { api: ApiServer; clock: Clock } {
  const clock = new Clock();
  return { api: new ApiServer({ clock, random: new Random(seed), gates }), clock };
}

export function must<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`unexpected failure: ${r.status.message}`);
  return r.value;
}

export function failure<T>(r: ApiResult<T>): Status {
  if (r.ok) throw new Error('expected a failure');
  return r.status;
}

export const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  ...extra,
});
