/**
 * Service-account tokens as Kubernetes signs them (pkg/serviceaccount/claims.go, jwt.go): a JWT with
 * an RS256 header naming the signing key, claims merged into one JSON object (go-jose sorts their
 * keys, nested ones too) and a 2048-bit RSA signature, each part base64url without padding. Nothing
 * verifies them here; they only have to read like the real ones.
 */
import type { Random } from '../random/random.js';

/** The issuer and default audience of a kubeadm cluster's API server (--service-account-issuer). */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** What a TokenRequest gets without spec.expirationSeconds, and the shortest it may ask for (seconds). */
export const DEFAULT_TOKEN_SECONDS = 3600;
export const MIN_TOKEN_SECONDS = 600;

const b64url = (s: string): string => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
}

/** header.claims.signature for `claims`. */
export function signedToken(claims: object, random: Random): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: random.hex(40) }));
  const payload = b64url(JSON.stringify(sorted(claims)));
  let sig = '';
  while (sig.length < 342) sig += b64url(random.hex(48));
  return `${header}.${payload}.${sig.slice(0, 342)}`;
}

interface Named {
  name: string;
  uid: string;
}

/** The claims of a legacy token Secret, as the token controller writes them (LegacyClaims). */
export function legacyClaims(namespace: string, serviceAccount: Named, secretName: string): object {
  return {
    iss: 'kubernetes/serviceaccount',
    'kubernetes.io/serviceaccount/namespace': namespace,
    'kubernetes.io/serviceaccount/secret.name': secretName,
    'kubernetes.io/serviceaccount/service-account.name': serviceAccount.name,
    'kubernetes.io/serviceaccount/service-account.uid': serviceAccount.uid,
    sub: `system:serviceaccount:${namespace}:${serviceAccount.name}`,
  };
}

/** The claims of a bound token (TokenRequest): audiences, lifetime, the object it is bound to. */
export function boundClaims(opts: { namespace: string; serviceAccount: Named; audiences: string[]; issuedAt: number; seconds: number; jti: string; bound?: { kind: 'pod' | 'secret' | 'node'; ref: Named } }): object {
  const iat = Math.floor(opts.issuedAt / 1000);
  return {
    aud: opts.audiences,
    exp: iat + opts.seconds,
    iat,
    iss: TOKEN_ISSUER,
    jti: opts.jti,
    'kubernetes.io': { namespace: opts.namespace, serviceaccount: opts.serviceAccount, ...(opts.bound ? { [opts.bound.kind]: opts.bound.ref } : {}) },
    nbf: iat,
    sub: `system:serviceaccount:${opts.namespace}:${opts.serviceAccount.name}`,
  };
}
