/**
 * The token controller filling service-account-token Secrets (k8s tokens_controller.go; the describe
 * shape is tasks/configure-pod-container/configure-service-account's).
 */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../kubectl/testing.js';

const SECRET = (sa: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `${sa}-secret`, annotations: { 'kubernetes.io/service-account.name': sa } },
  type: 'kubernetes.io/service-account-token',
});

describe('service-account token Secrets', () => {
  it('get the ServiceAccount UID, the cluster CA, the namespace and a legacy token', () => {
    const { host, cluster } = hostWithCluster();
    cluster.api.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build-robot' } });
    cluster.api.create('secrets', 'default', SECRET('build-robot'));
    cluster.advance(2_000);
    const sa = cluster.api.get('serviceaccounts', 'default', 'build-robot');
    const uid = sa.ok ? sa.value.metadata.uid : '';
    const out = host.run(['describe', 'secret', 'build-robot-secret']).stdout;
    expect(out).toContain(`Annotations:  kubernetes.io/service-account.name: build-robot\n              kubernetes.io/service-account.uid: ${uid}\n`);
    expect(out).toMatch(/Type: {2}kubernetes\.io\/service-account-token\n\nData\n====\nca\.crt: {5}\d+ bytes\nnamespace: {2}7 bytes\ntoken: {6}eyJ[\w-]+\.[\w-]+\.[\w-]+\n/);
    const token = host.run(['get', 'secret', 'build-robot-secret', '-o', 'jsonpath={.data.token}']).stdout;
    const claims = JSON.parse(atob(atob(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, string>;
    expect(claims).toEqual({
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': 'default',
      'kubernetes.io/serviceaccount/secret.name': 'build-robot-secret',
      'kubernetes.io/serviceaccount/service-account.name': 'build-robot',
      'kubernetes.io/serviceaccount/service-account.uid': uid,
      sub: 'system:serviceaccount:default:build-robot',
    });
  });

  it('are deleted without their ServiceAccount, and with it', () => {
    const { cluster } = hostWithCluster();
    cluster.api.create('secrets', 'default', SECRET('nobody'));
    cluster.api.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
    cluster.api.create('secrets', 'default', SECRET('robot'));
    cluster.advance(2_000);
    expect(cluster.api.get('secrets', 'default', 'nobody-secret').ok).toBe(false);
    expect(cluster.api.get('secrets', 'default', 'robot-secret').ok).toBe(true);
    cluster.api.delete('serviceaccounts', 'default', 'robot');
    cluster.advance(2_000);
    expect(cluster.api.get('secrets', 'default', 'robot-secret').ok).toBe(false);
  });
});
