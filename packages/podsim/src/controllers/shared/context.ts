/** What every controller is built from; the Cluster makes one and hands it to all of them. */
import type { ApiClient } from '../../api/types.js';
import type { Clock } from '../../clock/clock.js';
import type { Random } from '../../random/random.js';
import type { Informers } from './informer.js';

export interface ControllerContext {
  api: ApiClient;
  clock: Clock;
  random: Random;
  informers: Informers;
}

/** metav1.Time as the API server stores it (second precision). */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
