import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failure, must, newServer } from '../testing.js';
import type { Any } from '../objects.js';

describe('decoding', () => {
  it('rejects unknown fields under Strict with the apiserver text, sorted as kubectl sends them', () => {
    const { api } = newServer();
    const s = failure(api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'c', imagee: 'nginx' }] } }));
    expect(s).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect(s.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"');
    const two = failure(api.create('pods', 'default', { metadata: { name: 'x', labelz: {} }, spec: { containers: [{ name: 'c', image: 'n', imagee: 'nginx' }], restartpolicy: 'Never' } }));
    expect(two.message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.labelz", unknown field "spec.containers[0].imagee", unknown field "spec.restartpolicy"',
    );
  });

  it('warns under Warn and drops silently under Ignore; unknown fields are never stored', () => {
    const { api } = newServer();
    const body = { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'nginx', imagee: 'nginx' }] } };
    const warned = api.create('pods', 'default', body, { fieldValidation: 'Warn' });
    expect(warned.ok && warned.warnings).toEqual(['unknown field "spec.containers[0].imagee"']);
    expect(must(warned).spec).not.toHaveProperty('containers.0.imagee');
    const ignored = api.create('pods', 'default', { ...body, metadata: { name: 'y' } }, { fieldValidation: 'Ignore' });
    expect(ignored.ok && ignored.warnings).toBeUndefined();
  });

  it('reports wrong types like encoding/json', () => {
    const { api } = newServer();
    const d = failure(api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 'three' } }));
    expect(d.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    const p = failure(api.create('pods', 'default', { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'n', ports: [{ containerPort: '80' }] }] } }));
    expect(p.message).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(failure(api.create('pods', 'default', { metadata: { name: 'x', labels: { a: 1 } } })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(failure(api.create('pods', 'default', { metadata: { name: 'x' }, spec: { containers: {} } })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(failure(api.create('pods', 'default', { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'n', resources: { limits: { cpu: 'lots' } } }] } })).message).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it('refuses bodies of another kind or version', () => {
    const { api } = newServer();
    expect(failure(api.create('pods', 'default', { apiVersion: 'v1', kind: 'Podd', metadata: { name: 'x' } })).message).toBe(
      'no kind "Podd" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
    expect(failure(api.create('pods', 'default', '"pod"')).reason).toBe('BadRequest');
    expect(failure(api.create('widgets', 'default', {})).message).toBe('the server could not find the requested resource');
  });

  it('refuses huge and deeply nested bodies without crashing', () => {
    const { api } = newServer();
    expect(failure(api.create('configmaps', 'default', { metadata: { name: 'big' }, data: { a: 'x'.repeat(4 * 1024 * 1024) } }))).toMatchObject({
      code: 413,
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728',
    });
    let deep: Any = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = deep.x = {};
    expect(failure(api.create('pods', 'default', { metadata: { name: 'deep' }, spec: root })).reason).toBe('BadRequest');
    const cyclic: Any = { metadata: { name: 'c' } };
    cyclic.spec = cyclic;
    expect(api.create('pods', 'default', cyclic).ok).toBe(false);
    expect(failure(api.create('configmaps', 'default', { metadata: { name: 'big' }, data: { a: 'x'.repeat(1024 * 1024 + 1) } })).message).toBe(
      'ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes',
    );
  });

  it('never throws: arbitrary JSON to create/update/patch gives a result or a Status', () => {
    const { api } = newServer();
    const resources = ['pods', 'deployments', 'services', 'configmaps', 'secrets', 'events', 'namespaces', 'nodes', 'replicasets', 'persistentvolumeclaims'];
    const podish = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', undefined),
      metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('a', 'b-1'), fc.string()), labels: fc.dictionary(fc.string(), fc.jsonValue()) }), fc.jsonValue()),
      spec: fc.oneof(fc.jsonValue(), fc.record({ containers: fc.array(fc.record({ name: fc.string(), image: fc.jsonValue(), ports: fc.jsonValue() }), { maxLength: 3 }) })),
      data: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...resources), fc.oneof(fc.jsonValue(), podish), fc.constantFrom('strategic', 'merge', 'json') as fc.Arbitrary<'strategic' | 'merge' | 'json'>, (resource, body, type) => {
        const results = [
          api.create(resource, 'default', body),
          api.update(resource, 'default', body),
          api.patch(resource, 'default', 'a', type, body),
          api.patch('namespaces', undefined, 'default', type, body),
        ];
        for (const r of results) expect(r.ok || typeof r.status.message === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
