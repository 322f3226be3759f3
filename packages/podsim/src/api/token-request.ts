/**
 * The serviceaccounts/NAME/token subresource (k8s pkg/registry/core/serviceaccount/storage/token.go):
 * a TokenRequest for an existing ServiceAccount, defaulted (audience: the issuer; one hour), checked
 * (at least ten minutes, at most 2^32 s), optionally bound to a Pod, Secret or Node that must exist
 * (and carry the UID given), answered with a signed token and its expiry.
 */
import type { Random } from '../random/random.js';
import { rfc3339 } from './objects.js';
import { boundClaims, DEFAULT_TOKEN_SECONDS, MIN_TOKEN_SECONDS, signedToken, TOKEN_ISSUER } from './service-account-token.js';
import { badRequest, conflict, invalid } from './status.js';
import type { ApiClient, ApiResult, KubeObject } from './types.js';
import { fieldError } from './validation/field.js';

export interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind: string; apiVersion?: string; name: string; uid?: string };
}

export interface TokenRequest extends KubeObject {
  spec: { audiences: string[]; expirationSeconds: number; boundObjectRef: TokenRequestSpec['boundObjectRef'] | null };
  status: { token: string; expirationTimestamp: string };
}

const BINDABLE: Record<string, { resource: string; claim: 'pod' | 'secret' | 'node'; namespaced: boolean }> = {
  Pod: { resource: 'pods', claim: 'pod', namespaced: true },
  Secret: { resource: 'secrets', claim: 'secret', namespaced: true },
  Node: { resource: 'nodes', claim: 'node', namespaced: false },
};

export function requestToken(api: Pick<ApiClient, 'get'>, now: number, random: Random, namespace: string, name: string, spec: TokenRequestSpec): ApiResult<TokenRequest> {
  const sa = api.get('serviceaccounts', namespace, name);
  if (!sa.ok) return sa;
  const seconds = spec.expirationSeconds ?? DEFAULT_TOKEN_SECONDS;
  if (seconds < MIN_TOKEN_SECONDS) return { ok: false, status: invalid('TokenRequest', '', [fieldError.invalid('spec.expirationSeconds', seconds, 'may not specify a duration less than 10 minutes')], 'authentication.k8s.io') };
  if (seconds > 2 ** 32) return { ok: false, status: invalid('TokenRequest', '', [fieldError.invalid('spec.expirationSeconds', seconds, 'may not specify a duration larger than 2^32 seconds')], 'authentication.k8s.io') };
  const ref = spec.boundObjectRef;
  let bound: { kind: 'pod' | 'secret' | 'node'; ref: { name: string; uid: string } } | undefined;
  if (ref) {
    const kind = BINDABLE[ref.kind];
    if (!kind) return { ok: false, status: badRequest(`cannot bind token for object of type ${ref.kind}`) };
    const obj = api.get(kind.resource, kind.namespaced ? namespace : undefined, ref.name);
    if (!obj.ok) return obj;
    const uid = obj.value.metadata.uid ?? '';
    if (ref.uid && ref.uid !== uid) {
      const why = `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`;
      return { ok: false, status: conflict(ref.kind, ref.name, undefined, why) };
    }
    bound = { kind: kind.claim, ref: { name: ref.name, uid } };
  }
  const audiences = spec.audiences?.length ? spec.audiences : [TOKEN_ISSUER];
  const account = { name, uid: sa.value.metadata.uid ?? '' };
  const token = signedToken(boundClaims({ namespace, serviceAccount: account, audiences, issuedAt: now, seconds, jti: random.uuid(), bound }), random);
  return {
    ok: true,
    value: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace, creationTimestamp: null } as unknown as KubeObject['metadata'],
      spec: { audiences, boundObjectRef: ref ?? null, expirationSeconds: seconds },
      status: { token, expirationTimestamp: rfc3339(Math.floor(now / 1000) * 1000 + seconds * 1000) },
    },
  };
}
