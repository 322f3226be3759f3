import { describe, expect, it } from 'vitest';
import { decodeKubeProtobuf } from './protobuf.js';

/** Minimal protobuf writer for test inputs: [fieldNo, value] with strings/buffers length-delimited, numbers as varints. */
type Field = [number, string | number | Buffer | Field[]];
function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}
function encode(fields: Field[]): Buffer {
  return Buffer.concat(
    fields.map(([no, v]) => {
      if (typeof v === 'number') return Buffer.concat([varint(no * 8), varint(v)]);
      const body = Array.isArray(v) ? encode(v) : Buffer.from(v);
      return Buffer.concat([varint(no * 8 + 2), varint(body.length), body]);
    }),
  );
}
function envelope(apiVersion: string, kind: string, raw: Field[]): Buffer {
  return Buffer.concat([Buffer.from('k8s\0', 'binary'), encode([[1, [[1, apiVersion], [2, kind]]], [2, encode(raw)]])]);
}

describe('decodeKubeProtobuf', () => {
  it('decodes a Deployment as `kubectl create deployment` sends it, dropping Go zero values but keeping pointer zeros', () => {
    const meta: Field[] = [[1, 'web'], [2, ''], [8, []], [11, [[1, 'app'], [2, 'web']]]];
    const container: Field[] = [[1, 'nginx'], [2, 'nginx'], [8, []]];
    const body = envelope('apps/v1', 'Deployment', [
      [1, meta],
      [2, [[1, 0], [2, [[1, [[1, 'app'], [2, 'web']]]]], [3, [[1, [[8, []], [11, [[1, 'app'], [2, 'web']]]]], [2, [[2, container]]]]], [4, []]]],
      [3, []],
    ]);
    const r = decodeKubeProtobuf(body);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
          strategy: {},
        },
        status: {},
      },
    });
  });

  it('decodes Secret data as base64 and service targetPort int-or-string', () => {
    const secret = decodeKubeProtobuf(envelope('v1', 'Secret', [[1, [[1, 's']]], [2, [[1, 'p'], [2, Buffer.from('pw')]]], [3, 'Opaque']]));
    expect(secret.ok && secret.value).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' }, data: { p: 'cHc=' }, type: 'Opaque' });
    const svc = decodeKubeProtobuf(envelope('v1', 'Service', [[2, [[1, [[3, 80], [4, [[1, 0], [2, 8080]]]]], [4, 'ClusterIP']]]]));
    expect(svc.ok && svc.value.spec).toEqual({ ports: [{ port: 80, targetPort: 8080 }], type: 'ClusterIP' });
  });

  it('decodes a ResourceQuota as `kubectl create quota` sends it', () => {
    const hard: Field[] = [[1, [[1, 'pods'], [2, [[1, '3']]]]], [1, [[1, 'limits.cpu'], [2, [[1, '1']]]]]];
    const quota = decodeKubeProtobuf(envelope('v1', 'ResourceQuota', [[1, [[1, 'q'], [8, []]]], [2, [...hard, [2, 'BestEffort']]], [3, []]]));
    expect(quota).toEqual({
      ok: true,
      value: { kind: 'ResourceQuota', apiVersion: 'v1', metadata: { name: 'q', creationTimestamp: null }, spec: { hard: { pods: '3', 'limits.cpu': '1' }, scopes: ['BestEffort'] }, status: {} },
    });
  });

  it('rejects bodies without the k8s envelope or of unmapped kinds', () => {
    expect(decodeKubeProtobuf(Buffer.from('{}'))).toMatchObject({ ok: false });
    expect(decodeKubeProtobuf(envelope('apps/v1', 'DaemonSet', []))).toEqual({ ok: false, message: 'podsim cannot decode protobuf DaemonSet objects yet; send JSON' });
  });
  it('decodes the ClusterRole `kubectl create clusterrole` sends: rules and an aggregation rule', () => {
    const rule: Field[] = [[1, 'use'], [2, 'policy'], [3, 'podsecuritypolicies'], [4, 'privileged']];
    const r = decodeKubeProtobuf(envelope('rbac.authorization.k8s.io/v1', 'ClusterRole', [[1, [[1, 'privileged-psp']]], [2, rule], [3, [[1, [[1, [[1, 'a'], [2, 'b']]]]]]]]));
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'ClusterRole',
        apiVersion: 'rbac.authorization.k8s.io/v1',
        metadata: { name: 'privileged-psp' },
        rules: [{ verbs: ['use'], apiGroups: ['policy'], resources: ['podsecuritypolicies'], resourceNames: ['privileged'] }],
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] },
      },
    });
  });
});
