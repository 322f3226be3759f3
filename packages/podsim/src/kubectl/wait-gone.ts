/** Waits in virtual time until an object (by UID) is gone from the API: `delete --wait`, `wait --for=delete`. */
import type { ApiClient } from '../api/types.js';
import { Deferred, type Waitable } from '../kernel/waitable.js';

export function untilGone(api: ApiClient, resource: string, namespace: string | undefined, name: string, uid: string | undefined): Waitable<void> {
  const gone = new Deferred<void>();
  const isGone = () => {
    const r = api.get(resource, namespace, name);
    return !r.ok || (uid !== undefined && r.value.metadata.uid !== uid);
  };
  if (isGone()) {
    gone.resolve();
    return gone;
  }
  const stop = api.watch(resource, namespace, (ev) => {
    if (ev.object.metadata.name !== name) return;
    if (ev.type === 'DELETED' || isGone()) gone.resolve();
  });
  // Subscribed after watch() returns, so a watch that reports the deletion at once is still stopped.
  gone.subscribe(stop);
  return {
    subscribe(resume) {
      const off = gone.subscribe(resume);
      return () => {
        off();
        stop();
      };
    },
  };
}
