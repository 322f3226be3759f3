/**
 * Picking the pod and container a streaming command talks to: `pod`, `pod/x`, `deploy/x`, `rs/x`,
 * `svc/x` (a pod of the selector, as kubectl's AttachablePodForObject does), and the default
 * container with its `Defaulted container …` notice (kubectl pkg/cmd/util/podcmd/podcmd.go).
 */
import type { KubeObject, Pod } from '../api/types.js';
import type { Invocation } from './command.js';
import { statusErrorText } from './errors.js';
import { findResource } from '../api/resources.js';
import { missingNamespace } from './objects.js';

/** `among`: how many pods the controller or service selected (1 for a pod named directly). */
export type PodLookup = { ok: true; pod: Pod; among: number } | { ok: false; error: string };

function selectorOf(obj: KubeObject): Record<string, string> | undefined {
  const spec = obj.spec as { selector?: Record<string, unknown> } | undefined;
  const sel = spec?.selector;
  if (!sel) return undefined;
  if (obj.kind === 'Service') return sel as Record<string, string>;
  return (sel.matchLabels as Record<string, string> | undefined) ?? undefined;
}

/** Resolves `name` or `type/name` to a pod (the first by name among those a controller selects). */
export function podFor(inv: Invocation, ref: string): PodLookup {
  const slash = ref.indexOf('/');
  const typeName = slash < 0 ? 'pods' : ref.slice(0, slash);
  const name = slash < 0 ? ref : ref.slice(slash + 1);
  const info = findResource(typeName);
  if (!info) return { ok: false, error: `error: the server doesn't have a resource type ${JSON.stringify(typeName)}\n` };
  const got = inv.api.get(info.resource, inv.namespace, name);
  if (!got.ok) return { ok: false, error: statusErrorText(missingNamespace(inv, inv.namespace, got.status) ?? got.status) };
  if (info.resource === 'pods') return { ok: true, pod: got.value as unknown as Pod, among: 1 };
  const sel = selectorOf(got.value);
  const selector = sel ? Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',') : '';
  const list = inv.api.list('pods', inv.namespace, { labelSelector: selector });
  const pods = list.ok ? [...(list.value.items as unknown as Pod[])].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')) : [];
  if (pods.length === 0) return { ok: false, error: `error: no pods found for ${JSON.stringify(name)}\n` };
  return { ok: true, pod: pods[0], among: pods.length };
}

/** `podFor`, printing kubectl's error when there is no such pod (exec, port-forward). */
export function podOrError(inv: Invocation, ref: string): Pod | undefined {
  const found = podFor(inv, ref);
  if (found.ok) return found.pod;
  inv.err(found.error);
  return undefined;
}

/**
 * The container to use: `-c`, else the default-container annotation, else the first. Prints the
 * `Defaulted container` notice when the pod has more than one container to choose from.
 */
export function containerFor(inv: Invocation, pod: Pod, requested: string): { ok: true; name: string } | { ok: false; missing: string } {
  const spec = pod.spec ?? { containers: [] };
  const names = spec.containers.map((c) => c.name);
  if (requested) {
    const all = [...names, ...(spec.initContainers ?? []).map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => c.name)];
    return all.includes(requested) ? { ok: true, name: requested } : { ok: false, missing: requested };
  }
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = annotated && names.includes(annotated) ? annotated : names[0];
  const choices = [...names, ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  if (choices.length > 1) inv.err(`Defaulted container ${JSON.stringify(chosen)} out of: ${choices.join(', ')}\n`);
  return { ok: true, name: chosen };
}
