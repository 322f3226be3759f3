/**
 * Which pods a ReplicaSet (or a Job) deletes first when it has too many. The ranking is a lazy part:
 * nothing scales down before the reader's first command.
 */
import type { Pod } from '../../api/types.js';
import { LazyPart } from '../../lazy/part.js';
import part from './deletion-order.lazy.js';

const DELETION_ORDER = new LazyPart('pod-deletion-order', part);

/**
 * The `count` pods to delete from `pods`. `related` are the pods that count for "doubled up"
 * (the set's own active pods): a pod's rank is how many of them share its node.
 */
export function podsToDelete(pods: Pod[], related: Pod[], count: number, now: number): Pod[] {
  return count <= 0 ? [] : DELETION_ORDER.get().podsToDelete(pods, related, count, now);
}
