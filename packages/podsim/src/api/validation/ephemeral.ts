/**
 * The pods/ephemeralcontainers subresource (k8s ValidatePodEphemeralContainersUpdate and
 * validateEphemeralContainers): ephemeral containers are only ever added, named uniquely among all
 * containers, and may target a regular or init container.
 */
import { jsonEqual, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from './field.js';
import { dns1123Label } from './names.js';

/** Fields a debugging container may not have (they make no sense for a container that is never restarted). */
const FORBIDDEN = ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resources', 'restartPolicy'];

export function validateEphemeralUpdate(next: Any[], old: Any[], spec: Any): FieldError[] {
  const errs: FieldError[] = [];
  const others = new Set([...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c: Any) => c.name));
  const seen = new Set<string>();
  next.forEach((c, i) => {
    const f = `spec.ephemeralContainers[${i}]`;
    if (!c.name) errs.push(fe.required(`${f}.name`, ''));
    else {
      errs.push(...dns1123Label(c.name).map((m) => fe.invalid(`${f}.name`, c.name, m)));
      if (others.has(c.name) || seen.has(c.name)) errs.push(fe.duplicate(`${f}.name`, c.name));
      seen.add(c.name);
    }
    if (!c.image) errs.push(fe.required(`${f}.image`, ''));
    for (const k of FORBIDDEN) {
      const v = c[k];
      const empty = v === undefined || (k === 'resources' && typeof v === 'object' && v !== null && Object.keys(v).length === 0);
      if (!empty) errs.push(fe.forbidden(`${f}.${k}`, 'cannot be set for an Ephemeral Container'));
    }
    if (c.targetContainerName && !others.has(c.targetContainerName)) errs.push(fe.notFound(`${f}.targetContainerName`, c.targetContainerName));
  });
  const byName = new Map(next.map((c) => [c.name, c]));
  for (const o of old) {
    const now = byName.get(o.name);
    if (!now) errs.push(fe.forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(o.name)} may not be removed\n`));
    else if (!jsonEqual(now, o)) errs.push(fe.forbidden(`spec.ephemeralContainers[${next.indexOf(now)}]`, `existing ephemeral containers ${JSON.stringify(o.name)} may not be changed\n`));
  }
  return errs;
}
