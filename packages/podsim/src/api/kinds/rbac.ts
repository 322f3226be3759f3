/**
 * rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding, ClusterRoleBinding: stored as given
 * (the sandbox's one user is cluster-admin, so nothing is enforced); names are path segments, which
 * allows the `system:` prefix.
 */
import type { KindStrategy } from './strategy.js';

const base = { statusSubresource: false, generation: false, nameRule: 'path' } as const;

export const roleStrategy: KindStrategy = { ...base, topLevel: ['rules'] };
export const clusterRoleStrategy: KindStrategy = { ...base, topLevel: ['rules', 'aggregationRule'] };
export const bindingStrategy: KindStrategy = { ...base, topLevel: ['subjects', 'roleRef'] };
