/**
 * `create token`; client-side texts are the real kubectl 1.32's (checked against it below), the
 * server's are token.go's (pkg/registry/core/serviceaccount/storage) and the claims claims.go's.
 */
import { describe, expect, it } from 'vitest';
import { normalize, realKubectl } from '../../real-kubectl.js';
import { hostWithCluster, hostWithoutCluster } from '../../testing.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const CLIENT_ERRORS: string[][] = [
  ['create', 'token'],
  ['create', 'token', 'a', 'b'],
  ['create', 'token', 'a', '--duration=-1s'],
  ['create', 'token', 'a', '--duration=1500ms'],
  ['create', 'token', 'a', '--audience='],
  ['create', 'token', 'a', '--bound-object-name=x'],
  ['create', 'token', 'a', '--bound-object-uid=x'],
  ['create', 'token', 'a', '--bound-object-kind=Foo'],
  ['create', 'token', 'a', '--bound-object-kind=Pod'],
];

const claimsOf = (token: string): Record<string, unknown> => JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

describe('kubectl create token', () => {
  it('prints a JWT for the ServiceAccount, an hour long for the API server by default (tasks/configure-pod-container/configure-service-account)', () => {
    const { host, cluster } = hostWithCluster({});
    cluster.api.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build-robot' } });
    const sa = cluster.api.get('serviceaccounts', 'default', 'build-robot');
    const r = host.run(['create', 'token', 'build-robot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^eyJhbGciOiJSUzI1NiIsImtpZCI6[\w-]+\.[\w-]+\.[\w-]{342}\n$/);
    const c = claimsOf(r.stdout.trim());
    expect(Object.keys(c)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(c).toMatchObject({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:build-robot' });
    expect(c['kubernetes.io']).toEqual({ namespace: 'default', serviceaccount: { name: 'build-robot', uid: sa.ok ? sa.value.metadata.uid : '' } });
    expect((c.exp as number) - (c.iat as number)).toBe(3600);
    const long = claimsOf(host.run(['create', 'token', 'build-robot', '--duration=48h', '--audience=vault', '--audience=api']).stdout.trim());
    expect([(long.exp as number) - (long.iat as number), long.aud]).toEqual([172800, ['vault', 'api']]);
  });

  it('binds the token to an existing object, and relays the server\'s refusals', () => {
    const { host, cluster } = hostWithCluster({});
    const node = cluster.api.get('nodes', undefined, 'node01');
    const bound = claimsOf(host.run(['create', 'token', 'default', '--bound-object-kind', 'Node', '--bound-object-name', 'node01']).stdout.trim());
    expect((bound['kubernetes.io'] as { node: unknown }).node).toEqual({ name: 'node01', uid: node.ok ? node.value.metadata.uid : '' });
    expect(host.run(['create', 'token', 'nope']).stderr).toBe('error: failed to create token: serviceaccounts "nope" not found\n');
    expect(host.run(['create', 'token', 'default', '--bound-object-kind', 'Node', '--bound-object-name', 'node-001', '--bound-object-uid', '123...456']).stderr).toBe(
      'error: failed to create token: nodes "node-001" not found\n',
    );
    expect(host.run(['create', 'token', 'default', '--bound-object-kind', 'Node', '--bound-object-name', 'node01', '--bound-object-uid', '123']).stderr).toBe(
      'error: failed to create token: Operation cannot be fulfilled on Node "node01": the UID in the bound object reference (123) does not match the UID in record. The object might have been deleted and then recreated\n',
    );
    expect(host.run(['create', 'token', 'default', '--duration=5m']).stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
    );
  });
});

describe.skipIf(!withRealKubectl('create token: the client-side checks of the real kubectl'))('create token: the client-side checks of the real kubectl', () => {
  for (const args of CLIENT_ERRORS) {
    it(args.join(' '), () => {
      const real = realKubectl(args);
      const mine = hostWithoutCluster().run(args);
      expect(mine.stderr).toBe(normalize(real.stderr));
      expect(mine.code).toBe(real.code);
    });
  }
});
