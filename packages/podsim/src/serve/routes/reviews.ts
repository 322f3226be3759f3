/**
 * The review APIs kubectl auth posts to: SelfSubjectReview (`auth whoami`) and
 * SelfSubjectAccessReview (`auth can-i`), SelfSubjectRulesReview (`auth can-i --list`), answered for
 * the admin user every request runs as.
 */
import { ADMIN_RULES } from '../../api/admin-rules.js';
import { ADMIN_ALLOWED_REASON, ADMIN_USER } from '../../api/identity.js';
import { rfc3339 } from '../../api/objects.js';
import type { Reply } from '../http.js';

export function reviews(method: string, path: string, now: number): Reply | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/apis/authentication.k8s.io/v1/selfsubjectreviews') {
    return { code: 201, body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: rfc3339(now) }, status: { userInfo: ADMIN_USER } } };
  }
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
    // can-i reads only the status; the request (often protobuf) need not be decoded to answer it.
    return { code: 201, body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: {}, status: { allowed: true, reason: ADMIN_ALLOWED_REASON } } };
  }
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews') {
    return { code: 201, body: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: {}, status: ADMIN_RULES } };
  }
  return undefined;
}
