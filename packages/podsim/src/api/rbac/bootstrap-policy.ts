/**
 * The cluster roles and bindings the API server reconciles at start (plugin/pkg/auth/authorizer/rbac/
 * bootstrappolicy/policy.go) and kubeadm's binding of its admins, for the authorizer to fall back on:
 * the sandbox's store does not list them, and a reader's own object of the same name replaces one.
 * view, edit and admin are aggregated upstream; here they carry the rules their aggregation gives for
 * the kinds this cluster serves.
 */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export interface RoleBinding {
  roleRef: { kind: string; name: string };
  subjects?: Subject[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const VIEWABLE: [string, string[]][] = [
  ['', ['bindings', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'namespaces/status', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'pods/log', 'pods/status', 'replicationcontrollers', 'replicationcontrollers/scale', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status', 'serviceaccounts', 'services', 'services/status']],
  ['apps', ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']],
  ['autoscaling', ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']],
  ['batch', ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']],
  ['discovery.k8s.io', ['endpointslices']],
  ['networking.k8s.io', ['ingresses', 'ingresses/status', 'networkpolicies']],
  ['policy', ['poddisruptionbudgets', 'poddisruptionbudgets/status']],
];

const view: PolicyRule[] = VIEWABLE.map(([group, resources]) => ({ verbs: READ, apiGroups: [group], resources }));
const edit: PolicyRule[] = [
  ...view,
  ...VIEWABLE.map(([group, resources]) => ({ verbs: WRITE, apiGroups: [group], resources: resources.filter((r) => !r.endsWith('/status') && r !== 'pods/log' && r !== 'bindings' && !r.startsWith('namespaces')) })),
  { verbs: [...READ, ...WRITE], apiGroups: [''], resources: ['secrets', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'services/proxy'] },
  { verbs: ['create'], apiGroups: [''], resources: ['serviceaccounts/token'] },
];
const admin: PolicyRule[] = [
  ...edit,
  { verbs: [...READ, ...WRITE], apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'] },
];

export const BOOTSTRAP_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] },
  ],
  admin,
  edit,
  view,
  'system:discovery': [{ verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] }],
  'system:public-info-viewer': [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }],
  'system:basic-user': [
    { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  ],
  'system:service-account-issuer-discovery': [{ verbs: ['get'], nonResourceURLs: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'] }],
};

const group = (name: string): Subject => ({ kind: 'Group', name });
const bind = (role: string, ...subjects: Subject[]): [string, RoleBinding] => [role, { roleRef: { kind: 'ClusterRole', name: role }, subjects }];

export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: Record<string, RoleBinding> = Object.fromEntries([
  bind('cluster-admin', group('system:masters')),
  bind('system:discovery', group('system:authenticated')),
  bind('system:basic-user', group('system:authenticated')),
  bind('system:public-info-viewer', group('system:authenticated'), group('system:unauthenticated')),
  bind('system:service-account-issuer-discovery', group('system:serviceaccounts')),
  ['kubeadm:cluster-admins', { roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [group('kubeadm:cluster-admins')] }],
]);
