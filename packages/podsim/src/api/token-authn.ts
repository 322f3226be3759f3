/**
 * Who a bearer token names, as the API server's service-account authenticator decides
 * (pkg/serviceaccount/jwt.go, legacy.go, claims.go): a token this cluster signed whose account still
 * exists with the same UID; a legacy token also needs its Secret, still holding that very token; a
 * bound token must be for the API server's audience, within its lifetime, and its Pod, Secret or
 * Node must still exist. Anything else is not a user (the server answers 401 Unauthorized).
 */
import { TOKEN_ISSUER, verifiedClaims } from './service-account-token.js';
import type { ApiClient } from './types.js';

export interface UserInfo {
  username: string;
  groups: string[];
}

const LEGACY_ISSUER = 'kubernetes/serviceaccount';
const LEGACY = 'kubernetes.io/serviceaccount/';

type Claims = Record<string, unknown>;
type Ref = { name?: string; uid?: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function exists(api: Pick<ApiClient, 'get'>, resource: string, namespace: string | undefined, ref: Ref | undefined): boolean {
  if (!ref?.name) return false;
  const r = api.get(resource, namespace, ref.name);
  return r.ok && (!ref.uid || r.value.metadata.uid === ref.uid) && (resource !== 'pods' || !r.value.metadata.deletionTimestamp);
}

function legacyAccount(api: Pick<ApiClient, 'get'>, token: string, c: Claims): { namespace: string; name: string } | undefined {
  const namespace = str(c[`${LEGACY}namespace`]);
  const name = str(c[`${LEGACY}service-account.name`]);
  const secret = api.get('secrets', namespace, str(c[`${LEGACY}secret.name`]));
  if (!secret.ok) return undefined;
  const stored = (secret.value as { data?: Record<string, string> }).data?.token;
  if (!stored || atob(stored) !== token) return undefined;
  return exists(api, 'serviceaccounts', namespace, { name, uid: str(c[`${LEGACY}service-account.uid`]) }) ? { namespace, name } : undefined;
}

function boundAccount(api: Pick<ApiClient, 'get'>, c: Claims, nowSec: number): { namespace: string; name: string } | undefined {
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (!aud.includes(TOKEN_ISSUER)) return undefined;
  if (typeof c.exp !== 'number' || c.exp < nowSec || (typeof c.nbf === 'number' && c.nbf > nowSec)) return undefined;
  const k = (c['kubernetes.io'] ?? {}) as { namespace?: string; serviceaccount?: Ref; pod?: Ref; secret?: Ref; node?: Ref };
  const namespace = k.namespace ?? '';
  if (!exists(api, 'serviceaccounts', namespace, k.serviceaccount)) return undefined;
  if (k.pod && !exists(api, 'pods', namespace, k.pod)) return undefined;
  if (k.secret && !exists(api, 'secrets', namespace, k.secret)) return undefined;
  if (k.node && !exists(api, 'nodes', undefined, { name: k.node.name })) return undefined;
  return { namespace, name: k.serviceaccount?.name ?? '' };
}

/** The service account a token authenticates as, or undefined. */
export function authenticateToken(api: Pick<ApiClient, 'get'>, token: string, nowMs: number): UserInfo | undefined {
  const claims = verifiedClaims(token);
  if (!claims) return undefined;
  const account = claims.iss === LEGACY_ISSUER ? legacyAccount(api, token, claims) : claims.iss === TOKEN_ISSUER ? boundAccount(api, claims, Math.floor(nowMs / 1000)) : undefined;
  if (!account) return undefined;
  return {
    username: `system:serviceaccount:${account.namespace}:${account.name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${account.namespace}`, 'system:authenticated'],
  };
}
