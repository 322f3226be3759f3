/**
 * What the kubelet makes of a container's securityContext: the pod's values under the container's
 * (securitycontext.DetermineEffectiveSecurityContext), fsGroup and supplementalGroups as extra groups,
 * and the runAsNonRoot check against the image's USER (kuberuntime verifyRunAsNonRoot, with the
 * image user as containerd's ImageStatus reports it: a numeric uid, else a name, else root).
 */
import type { Container, Pod } from '../api/types.js';
import type { ContainerSecurity } from '../runtime/types.js';
import { RUNTIME_HAS_SUPPLEMENTAL_GROUPS_POLICY } from './node.js';

interface SecurityFields {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  fsGroup?: number;
  supplementalGroups?: number[];
  supplementalGroupsPolicy?: string;
}

function effective(pod: Pod, c: Container): SecurityFields {
  const p = (pod.spec?.securityContext ?? {}) as SecurityFields;
  const own = (c.securityContext ?? {}) as SecurityFields;
  return {
    ...own,
    runAsUser: own.runAsUser ?? p.runAsUser,
    runAsGroup: own.runAsGroup ?? p.runAsGroup,
    runAsNonRoot: own.runAsNonRoot ?? p.runAsNonRoot,
  };
}

export function containerSecurity(pod: Pod, c: Container): ContainerSecurity {
  const sc = effective(pod, c);
  const p = (pod.spec?.securityContext ?? {}) as SecurityFields;
  const extraGroups = [...(p.supplementalGroups ?? []), ...(p.fsGroup !== undefined ? [p.fsGroup] : [])];
  return {
    runAsUser: sc.runAsUser,
    runAsGroup: sc.runAsGroup,
    extraGroups,
    strictGroups: RUNTIME_HAS_SUPPLEMENTAL_GROUPS_POLICY && p.supplementalGroupsPolicy === 'Strict',
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem ?? false,
    privileged: sc.privileged ?? false,
    capabilities: { add: sc.capabilities?.add ?? [], drop: sc.capabilities?.drop ?? [] },
    noNewPrivs: sc.allowPrivilegeEscalation === false,
  };
}

/** The kubelet's refusal (CreateContainerConfigError) of a runAsNonRoot container that would run as root. */
export function runAsNonRootError(pod: Pod, c: Container, imageUser: string, podName: string): string | undefined {
  const sc = effective(pod, c);
  if (!sc.runAsNonRoot) return undefined;
  const where = `(pod: ${JSON.stringify(podName)}, container: ${c.name})`;
  if (sc.runAsUser !== undefined) return sc.runAsUser === 0 ? `container's runAsUser breaks non-root policy ${where}` : undefined;
  const user = imageUser.split(':')[0] ?? '';
  if (user === '' || (/^\d+$/.test(user) && Number(user) === 0)) return `container has runAsNonRoot and image will run as root ${where}`;
  if (!/^\d+$/.test(user)) return `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root ${where}`;
  return undefined;
}
