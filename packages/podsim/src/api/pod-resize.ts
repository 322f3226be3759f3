/**
 * The pods/resize subresource (InPlacePodVerticalScaling, 1.32; k8s pkg/registry/core/pod/strategy.go
 * podResizeStrategy): of the body, only each regular container's resources and resize policy are taken
 * (dropNonResizeUpdates); the QoS class may not change (ValidatePodResize); a change of resources marks the
 * pod's status.resize Proposed for its kubelet (podutil.MarkPodProposedForResize).
 */
import { podQOSClass } from './defaults/pod.js';
import type { Obj } from './kinds/strategy.js';
import { isObject, jsonEqual, mutableCopy, type Any } from './objects.js';
import { invalid } from './status.js';
import type { ApiResult } from './types.js';

export function withResize(old: Obj, body: Obj): ApiResult<Obj> {
  const next = mutableCopy(old) as Obj;
  const wanted = new Map<string, Any>();
  for (const c of Array.isArray(body.spec?.containers) ? body.spec.containers : []) if (isObject(c) && typeof c.name === 'string') wanted.set(c.name, c);
  let changed = false;
  for (const c of next.spec?.containers ?? []) {
    const w = wanted.get(c.name);
    if (!w) continue;
    if (w.resources === undefined) delete c.resources;
    else c.resources = w.resources;
    if (w.resizePolicy === undefined) delete c.resizePolicy;
    else c.resizePolicy = w.resizePolicy;
    // Requests follow limits when only limits are given, as on create (SetDefaults_Pod).
    if (isObject(c.resources?.limits)) c.resources.requests = { ...c.resources.limits, ...(c.resources.requests ?? {}) };
    if (!jsonEqual(c.resources, old.spec.containers.find((o: Any) => o.name === c.name)?.resources)) changed = true;
  }
  const qos = podQOSClass(next.spec);
  if (qos !== old.status?.qosClass) return { ok: false, status: invalid('Pod', String(old.metadata.name), [{ type: 'FieldValueInvalid', field: 'metadata', value: qos, hasValue: true, detail: 'Pod QoS is immutable' }]) };
  if (changed) next.status = { ...(next.status ?? {}), resize: 'Proposed' };
  return { ok: true, value: next };
}
