/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac/rbac.go, rbac/v1 helpers): a request is allowed
 * when a ClusterRoleBinding, or a RoleBinding of the request's namespace, names the user, one of its
 * groups or its service account, and the role it refers to has a rule for the verb, group, resource
 * (subresource included) and name, or for the non-resource URL. Roles and bindings are the store's,
 * then the bootstrap policy's.
 */
import type { ApiClient, KubeObject } from '../types.js';
import type { UserInfo } from '../token-authn.js';
import { BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES, type PolicyRule, type RoleBinding, type Subject } from './bootstrap-policy.js';

/** What a request asks (k8s.io/apiserver authorizer.Attributes). */
export interface RequestAttributes {
  verb: string;
  /** Absent for a non-resource request. */
  resource?: { group: string; resource: string; subresource?: string; namespace?: string; name?: string };
  path: string;
}

type RoleObj = KubeObject & { rules?: PolicyRule[] };
type BindingObj = KubeObject & RoleBinding;

const has = (list: string[] | undefined, value: string): boolean => !!list && (list.includes('*') || list.includes(value));

function resourceMatches(rule: PolicyRule, resource: string, subresource?: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some((r) => r === '*' || r === combined || (!!subresource && r === `*/${subresource}`));
}

function urlMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

function ruleAllows(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  const r = a.resource;
  if (!r) return urlMatches(rule, a.path);
  if (!has(rule.apiGroups, r.group) || !resourceMatches(rule, r.resource, r.subresource)) return false;
  return !rule.resourceNames?.length || (!!r.name && rule.resourceNames.includes(r.name));
}

function names(user: UserInfo, s: Subject, bindingNamespace: string | undefined): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return user.groups.includes(s.name);
  return s.kind === 'ServiceAccount' && user.username === `system:serviceaccount:${s.namespace ?? bindingNamespace ?? ''}:${s.name}`;
}

export class RbacAuthorizer {
  constructor(private readonly api: Pick<ApiClient, 'get' | 'list'>) {}

  private items<T extends KubeObject>(resource: string, namespace?: string): T[] {
    const r = this.api.list<T>(resource, namespace);
    return r.ok ? r.value.items : [];
  }

  private roleRules(ref: RoleBinding['roleRef'], namespace: string | undefined): PolicyRule[] {
    const stored = this.api.get<RoleObj>(ref.kind === 'Role' ? 'roles' : 'clusterroles', ref.kind === 'Role' ? namespace : undefined, ref.name);
    if (stored.ok) return stored.value.rules ?? [];
    return ref.kind === 'ClusterRole' ? (BOOTSTRAP_CLUSTER_ROLES[ref.name] ?? []) : [];
  }

  /** The bindings that can apply to a request in `namespace`, each with the namespace it grants in. */
  private bindings(namespace: string | undefined): [RoleBinding, string | undefined][] {
    const stored = this.items<BindingObj>('clusterrolebindings');
    const named = new Set(stored.map((b) => b.metadata.name));
    const boot = Object.entries(BOOTSTRAP_CLUSTER_ROLE_BINDINGS).filter(([name]) => !named.has(name)).map(([, b]) => b);
    const cluster: [RoleBinding, string | undefined][] = [...stored, ...boot].map((b) => [b, undefined]);
    const local: [RoleBinding, string | undefined][] = namespace ? this.items<BindingObj>('rolebindings', namespace).map((b) => [b, namespace]) : [];
    return [...cluster, ...local];
  }

  allowed(user: UserInfo, a: RequestAttributes): boolean {
    const namespace = a.resource?.namespace;
    for (const [binding, grantedIn] of this.bindings(namespace)) {
      if (!(binding.subjects ?? []).some((s) => names(user, s, grantedIn))) continue;
      if (this.roleRules(binding.roleRef, grantedIn).some((rule) => ruleAllows(rule, a))) return true;
    }
    return false;
  }
}
