/**
 * `kubectl debug --profile`: what each profile changes in the debugging container and, for
 * --copy-to, in the copied pod. Facts from kubectl pkg/cmd/debug/profiles.go (ephemeral and podCopy
 * styles; the node style is in node.ts).
 */

import type { Any } from '../../../api/objects.js';

export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'] as const;
export type Profile = (typeof PROFILES)[number];

export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

function security(c: Any): Any {
  c.securityContext ??= {};
  return c.securityContext;
}

function addCapability(c: Any, cap: string): void {
  const sc = security(c);
  sc.capabilities ??= {};
  sc.capabilities.add = [...(sc.capabilities.add ?? []), cap];
}

/** Changes the container `c` (inside `pod`) as `profile` does; `copy` for --copy-to. */
export function applyProfile(profile: Profile, pod: Any, c: Any, copy: boolean, keep: KeepFlags): void {
  const spec = pod.spec;
  const copyRules = (removeAnnotationsToo: boolean) => {
    if (!keep.labels) delete pod.metadata.labels;
    if (removeAnnotationsToo && !keep.annotations) delete pod.metadata.annotations;
    for (const x of spec.containers ?? []) {
      if (!keep.liveness) delete x.livenessProbe;
      if (!keep.readiness) delete x.readinessProbe;
      if (!keep.startup) delete x.startupProbe;
    }
    if (!keep.initContainers) delete spec.initContainers;
    spec.shareProcessNamespace ??= true;
  };
  switch (profile) {
    case 'legacy':
      if (copy) delete pod.metadata.labels;
      return;
    case 'general':
      if (copy) copyRules(true);
      addCapability(c, 'SYS_PTRACE');
      return;
    case 'baseline':
      delete c.securityContext;
      if (copy) copyRules(true);
      return;
    case 'restricted': {
      delete c.securityContext;
      const sc = security(c);
      sc.runAsNonRoot = true;
      sc.capabilities = { drop: ['ALL'] };
      sc.allowPrivilegeEscalation = false;
      sc.seccompProfile = { type: 'RuntimeDefault' };
      if (copy) copyRules(true);
      return;
    }
    case 'netadmin':
      addCapability(c, 'NET_ADMIN');
      addCapability(c, 'NET_RAW');
      if (copy) spec.shareProcessNamespace ??= true;
      return;
    case 'sysadmin':
      security(c).privileged = true;
      if (copy) spec.shareProcessNamespace ??= true;
      return;
  }
}
