/**
 * Service-account tokens as Kubernetes signs them (pkg/serviceaccount/claims.go, jwt.go): a JWT with
 * an RS256 header naming the signing key, claims merged into one JSON object (go-jose sorts their
 * keys, nested ones too) and a 2048-bit RSA signature, each part base64url without padding. The
 * signature's last 32 bytes are an HMAC of header.claims under the cluster's key, so that the API
 * server knows its own tokens from edited or made-up ones, as RSA verification does for the real one.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Random } from '../random/random.js';
import { CLUSTER_CERTS } from './cluster-certs.js';

/** The issuer and default audience of a kubeadm cluster's API server (--service-account-issuer). */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** What a TokenRequest gets without spec.expirationSeconds, and the shortest it may ask for (seconds). */
export const DEFAULT_TOKEN_SECONDS = 3600;
export const MIN_TOKEN_SECONDS = 600;

const b64url = (s: string): string => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const SIGNATURE_CHARS = 342;
const SIGNING_KEY = sha256(new TextEncoder().encode(`sa.key:${CLUSTER_CERTS.ca}`));

function mac(signed: string): string {
  return b64url(String.fromCharCode(...hmac(sha256, SIGNING_KEY, new TextEncoder().encode(signed))));
}

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
  while (sig.length < SIGNATURE_CHARS) sig += b64url(random.hex(48));
  const tag = mac(`${header}.${payload}`);
  return `${header}.${payload}.${sig.slice(0, SIGNATURE_CHARS - tag.length)}${tag}`;
}

/** The claims of a token this cluster signed, or undefined (not a JWT, not ours, edited). */
export function verifiedClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2].length !== SIGNATURE_CHARS) return undefined;
  const tag = mac(`${parts[0]}.${parts[1]}`);
  if (!parts[2].endsWith(tag)) return undefined;
  try {
    const claims: unknown = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
