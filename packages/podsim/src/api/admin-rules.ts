/**
 * What the RBAC authorizer lists for the admin user (SelfSubjectRulesReview, `kubectl auth can-i
 * --list`): the rules of the bootstrap ClusterRoles bound to its groups on a kubeadm cluster:
 * cluster-admin (via `kubeadm:cluster-admins`), and system:basic-user, system:discovery and
 * system:public-info-viewer (via `system:authenticated`). Rules as Kubernetes 1.32's bootstrap policy
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go) defines them.
 */
export interface ResourceRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs: string[];
}

export interface SubjectRulesReviewStatus {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
}

export const ADMIN_RULES: SubjectRulesReviewStatus = {
  resourceRules: [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  ],
  nonResourceRules: [
    { verbs: ['*'], nonResourceURLs: ['*'] },
    { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
    { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
  ],
  incomplete: false,
};
