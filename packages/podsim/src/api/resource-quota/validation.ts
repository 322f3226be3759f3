/**
 * ResourceQuota's own validation (k8s pkg/apis/core/validation ValidateResourceQuotaSpec, release-1.32): hard
 * limits on quota resources, non-negative and whole where the resource counts objects, and scopes the quota
 * knows that fit its resources. Part of the resource-quota chunk: it runs only when a quota is written.
 */
import { parseQuantity } from '../../format/quantity.js';
import { isObject, type Any } from '../objects.js';
import { fieldError as fe, GoValue, type FieldError } from '../validation/field.js';
import { goQuantity } from '../validation/go-quantity.js';

const COUNTS = ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
const COMPUTE = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];
/** standardQuotaResources (helper.IsStandardQuotaResourceName), hugepages besides. */
const STANDARD = new Set([...COUNTS, ...COMPUTE, 'ephemeral-storage', 'requests.storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage']);
const isStandard = (name: string) => STANDARD.has(name) || /^(requests\.)?hugepages-/.test(name);
/** IsExtendedResourceName: not native (unprefixed or under kubernetes.io/) and not a `requests.` name; `count/pods` is one. */
const isExtended = (name: string) => name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
const SCOPES = ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'];
/** IsResourceQuotaScopeValidForResource: BestEffort counts pods only; the other pod scopes pods and their compute. */
function scopeFits(scope: string, name: string): boolean {
  if (scope === 'BestEffort') return name === 'pods';
  return !SCOPES.includes(scope) || name === 'pods' || COMPUTE.includes(name);
}

export function validateQuota(rq: Any): FieldError[] {
  const errs: FieldError[] = [];
  const hard: Record<string, unknown> = isObject(rq.spec?.hard) ? rq.spec.hard : {};
  for (const [name, value] of Object.entries(hard).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = `spec.hard[${name}]`;
    if (!name.includes('/') && !isStandard(name)) errs.push(fe.invalid(path, name, 'must be a standard resource for quota'));
    const q = parseQuantity(value as string);
    if (q.value < 0) errs.push(fe.invalid(path, String(value), 'must be greater than or equal to 0'));
    if ((COUNTS.includes(name) || isExtended(name)) && !Number.isInteger(Math.round(q.value * 1e9) / 1e9))
      errs.push(fe.invalid(path, goQuantity(value), 'must be an integer'));
  }
  const scopes: string[] = Array.isArray(rq.spec?.scopes) ? rq.spec.scopes : [];
  const shown = new GoValue(`[]core.ResourceQuotaScope{${scopes.map((s) => JSON.stringify(s)).join(', ')}}`);
  for (const scope of scopes) {
    if (!SCOPES.includes(scope)) errs.push(fe.invalid('spec.scopes', shown, 'unsupported scope'));
    for (const name of Object.keys(hard).sort()) if (isStandard(name) && !scopeFits(scope, name)) errs.push(fe.invalid('spec.scopes', shown, 'unsupported scope applied to resource'));
  }
  for (const pair of [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']]) if (pair.every((s) => scopes.includes(s))) errs.push(fe.invalid('spec.scopes', shown, 'conflicting scopes'));
  return errs;
}
