/**
 * Who the reader is to the API server: kubeadm's admin.conf user, whose client certificate puts it in
 * `kubeadm:cluster-admins` (bound to cluster-admin since kubeadm 1.29). Every request is allowed.
 */
export const ADMIN_USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** The RBAC authorizer's reason for allowing the admin anything. */
export const ADMIN_ALLOWED_REASON = 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"';
