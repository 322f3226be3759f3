/**
 * The PodSecurity admission plugin's decisions (k8s.io/pod-security-admission `admission/admission.go`, release-1.32)
 * for the requests that reach it: a namespace whose policy labels change, a pod, a workload's pod template.
 * Only a cluster whose namespaces carry pod-security labels runs it (lazy/part.ts).
 */
import { isObject, type Any } from '../objects.js';
import { forbidden, invalid } from '../status.js';
import type { ResourceInfo, Status } from '../types.js';
import type { FieldError } from '../validation/field.js';
import { compareLevels, evaluatePod, forbiddenDetail, forbiddenReason, levelVersionText, policyOf, sameLevelVersion } from './policy.js';

interface PodSecurityVerdict {
  /** The request is refused: Invalid with these label errors. */
  invalid?: FieldError[];
  /** The request is refused: Forbidden with this reason. */
  forbidden?: string;
  warnings: string[];
}

const ALLOWED: PodSecurityVerdict = { warnings: [] };
const labelsOf = (o: Any | undefined) => (isObject(o?.metadata?.labels) ? (o.metadata.labels as Record<string, string>) : undefined);

/**
 * A namespace written: labels that do not parse are refused (on update only when they changed); a stricter
 * enforce level is tried on the namespace's pods, whose violations come back as warnings, one per distinct
 * reason, naming the first pod by name and how many others share it.
 */
function admitNamespace(ns: Any, old: Any | undefined, pods: Any[]): PodSecurityVerdict {
  const next = policyOf(labelsOf(ns));
  if (!old) return next.errors.length ? { invalid: next.errors, warnings: [] } : ALLOWED;
  const prev = policyOf(labelsOf(old));
  if (next.errors.length && (!prev.errors.length || JSON.stringify(next.errors) !== JSON.stringify(prev.errors))) return { invalid: next.errors, warnings: [] };
  const enforce = next.policy.enforce;
  const before = prev.policy.enforce;
  if (sameLevelVersion(enforce, before) || enforce.level === 'privileged') return ALLOWED;
  if (enforce.minor === before.minor && compareLevels(enforce.level, before.level) < 1) return ALLOWED;
  const byReason = new Map<string, { first: string; count: number }>();
  for (const pod of pods) {
    const failed = evaluatePod(enforce, pod.metadata, pod.spec);
    if (!failed.length) continue;
    const reason = forbiddenReason(failed);
    const seen = byReason.get(reason);
    const name = String(pod.metadata?.name ?? '');
    if (!seen) byReason.set(reason, { first: name, count: 1 });
    else {
      seen.count++;
      if (name < seen.first) seen.first = name;
    }
  }
  if (byReason.size === 0) return ALLOWED;
  const others = (n: number) => (n === 1 ? '' : n === 2 ? ' (and 1 other pod)' : ` (and ${n - 1} other pods)`);
  const perReason = [...byReason].map(([reason, { first, count }]) => `${first}${others(count)}: ${reason}`).sort();
  return { warnings: [`existing pods in namespace ${JSON.stringify(ns.metadata.name)} violate the new PodSecurity enforce level ${JSON.stringify(levelVersionText(enforce))}`, ...perReason] };
}

/**
 * A pod (enforce, then warn) or a workload's pod template (warn only: its pods meet enforce when created).
 * A refused pod gets no warnings; audit annotations go to an audit log the sandbox does not keep.
 */
function admitPodSpec(nsLabels: Record<string, string> | undefined, meta: Any, spec: Any, enforce: boolean): PodSecurityVerdict {
  const { policy } = policyOf(nsLabels);
  if (enforce) {
    const failed = evaluatePod(policy.enforce, meta, spec);
    if (failed.length) return { forbidden: `violates PodSecurity ${JSON.stringify(levelVersionText(policy.enforce))}: ${forbiddenDetail(failed)}`, warnings: [] };
  }
  const failed = evaluatePod(policy.warn, meta, spec);
  return failed.length ? { warnings: [`would violate PodSecurity ${JSON.stringify(levelVersionText(policy.warn))}: ${forbiddenDetail(failed)}`] } : ALLOWED;
}

/** The pod template the plugin's default PodSpecExtractor finds in a workload. */
function podTemplate(resource: string, obj: Any): Any | undefined {
  switch (resource) {
    case 'podtemplates':
      return obj.template;
    case 'cronjobs':
      return obj.spec?.jobTemplate?.spec?.template;
    case 'replicationcontrollers':
    case 'replicasets':
    case 'deployments':
    case 'statefulsets':
    case 'daemonsets':
    case 'jobs':
      return obj.spec?.template;
    default:
      return undefined;
  }
}

/** A pod update matters only when it adds or changes a container's image, or adds an ephemeral container (isSignificantPodUpdate). */
function significantPodUpdate(pod: Any, old: Any): boolean {
  const images = (list: unknown) => (Array.isArray(list) ? list.map((c: Any) => c?.image) : []);
  const same = (k: string) => JSON.stringify(images(pod.spec?.[k])) === JSON.stringify(images(old.spec?.[k]));
  const oldEphemeral = new Map((old.spec?.ephemeralContainers ?? []).map((c: Any) => [c?.name, c?.image]));
  return !same('containers') || !same('initContainers') || (pod.spec?.ephemeralContainers ?? []).some((c: Any) => oldEphemeral.get(c?.name) !== c?.image);
}

export interface Admitted {
  refused?: Status;
  warnings: string[];
}

/** The plugin on one write: `ns` is the object's namespace (one with pod-security labels), `pods` a namespace's pods. */
function admit(info: ResourceInfo, obj: Any, old: Any | undefined, ns: Any | undefined, pods: Any[]): Admitted | undefined {
  const name = String(obj.metadata?.name ?? '');
  if (info.resource === 'namespaces') {
    const v = admitNamespace(obj, old, pods);
    return { refused: v.invalid && invalid(info.kind, name, v.invalid), warnings: v.warnings };
  }
  const labels = ns?.metadata?.labels as Record<string, string>;
  if (info.resource === 'pods') {
    if (old && !significantPodUpdate(obj, old)) return undefined;
    const v = admitPodSpec(labels, obj.metadata, obj.spec, true);
    return { refused: v.forbidden ? forbidden('pods', name, v.forbidden) : undefined, warnings: v.warnings };
  }
  const template = podTemplate(info.resource, obj);
  return isObject(template) ? admitPodSpec(labels, template.metadata ?? {}, template.spec ?? {}, false) : undefined;
}

export default { admit };
