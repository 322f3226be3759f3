import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failure, must, newServer } from '../testing.js';
import type { KubeObject } from '../types.js';
import { fieldsOf, fromFieldsV1, pathString, toFieldsV1 } from './fieldset.js';
import type { Any } from '../objects.js';

const MANIFEST = (image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }], ...extra }] },
});

const fieldsOfEntry = (obj: KubeObject, manager: string) => obj.metadata.managedFields?.find((e) => e.manager === manager)?.fieldsV1;

describe('field sets', () => {
  it('names list elements by their map keys (defaults filled) and prints paths like fieldpath', () => {
    const set = fieldsOf('Pod', MANIFEST('nginx'));
    expect(toFieldsV1(set)).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } } },
    });
    expect([...set.values()].map(pathString)).toContain('.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].containerPort');
  });

  it('FieldsV1 round-trips any set', () => {
    const label = fc.stringMatching(/^[a-z]{1,5}$/);
    fc.assert(
      fc.property(fc.dictionary(label, fc.oneof(label, fc.dictionary(label, label, { maxKeys: 3 }))), (labels) => {
        const set = fieldsOf('ConfigMap', { metadata: { labels: {} }, data: labels }, { maps: true });
        expect([...fromFieldsV1(toFieldsV1(set)).keys()].sort()).toEqual([...set.keys()].sort());
      }),
    );
  });
});

describe('server-side apply', () => {
  it('creates a missing object, owned by the applier alone; managedFields only show on the REST view', () => {
    const { api } = newServer();
    const p = must(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx'), { fieldManager: 'kubectl' }));
    expect(p.metadata.managedFields).toBeUndefined();
    expect(must(api.get('pods', 'default', 'web')).spec).toMatchObject({ containers: [{ image: 'nginx', imagePullPolicy: 'Always' }] });
    const view = api.withManagedFields(p);
    expect(view.metadata.managedFields).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2026-11-27T09:00:00Z', fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(fieldsOf('Pod', MANIFEST('nginx'))) },
    ]);
    expect(Object.keys(view.metadata).pop()).toBe('managedFields');
  });

  it('conflicts with a field another manager set to a different value, with the apiserver text', () => {
    const { api } = newServer();
    must(api.create('pods', 'default', MANIFEST('nginx'), { fieldManager: 'kubectl-client-side-apply' }));
    const s = failure(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx:1.27'), { fieldManager: 'kubectl' }));
    expect(s).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="nginx"].image',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using v1', field: '.spec.containers[name="nginx"].image' }] },
      code: 409,
    });
    // The same value is no conflict: both own it.
    must(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx'), { fieldManager: 'kubectl' }));
    const view = api.withManagedFields(must(api.get('pods', 'default', 'web')));
    expect(view.metadata.managedFields!.map((e) => `${e.manager} ${e.operation}`)).toEqual(['kubectl Apply', 'kubectl-client-side-apply Update']);
  });

  it('lists several conflicts grouped by manager', () => {
    const { api } = newServer();
    must(api.create('pods', 'default', MANIFEST('nginx'), { fieldManager: 'b-writer' }));
    must(api.patch('pods', 'default', 'web', 'merge', { metadata: { labels: { app: 'x' } } }, { fieldManager: 'a-writer' }));
    const s = failure(api.patch('pods', 'default', 'web', 'apply', { ...MANIFEST('nginx:1.27'), metadata: { name: 'web', labels: { app: 'y' } } }, { fieldManager: 'kubectl' }));
    expect(s.message).toBe('Apply failed with 2 conflicts: conflicts with "a-writer" using v1:\n- .metadata.labels.app\nconflicts with "b-writer" using v1:\n- .spec.containers[name="nginx"].image');
  });

  it('force takes the conflicting fields over', () => {
    const { api } = newServer();
    must(api.create('pods', 'default', MANIFEST('nginx'), { fieldManager: 'kubectl-client-side-apply' }));
    const p = must(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx:1.27'), { fieldManager: 'kubectl', force: true }));
    expect((p.spec as { containers: { image: string }[] }).containers[0].image).toBe('nginx:1.27');
    const csa = fieldsOfEntry(api.withManagedFields(p), 'kubectl-client-side-apply') as Any;
    expect(csa['f:spec']['f:containers']['k:{"name":"nginx"}']).not.toHaveProperty('f:image');
    expect(csa['f:spec']['f:containers']['k:{"name":"nginx"}']).toHaveProperty('f:imagePullPolicy');
  });

  it('removes fields the applier owned alone and no longer applies, keeps those another manager owns', () => {
    const { api } = newServer();
    const withLabels = (labels: Record<string, string>) => ({ ...MANIFEST('nginx'), metadata: { name: 'web', labels } });
    must(api.patch('pods', 'default', 'web', 'apply', withLabels({ app: 'web', tier: 'a', team: 'x' }), { fieldManager: 'kubectl' }));
    must(api.patch('pods', 'default', 'web', 'merge', { metadata: { labels: { team: 'y' } } }, { fieldManager: 'kubectl-label' }));
    const p = must(api.patch('pods', 'default', 'web', 'apply', withLabels({ app: 'web' }), { fieldManager: 'kubectl' }));
    expect(p.metadata.labels).toEqual({ app: 'web', team: 'y' });
  });

  it('merges keyed lists element by element between appliers', () => {
    const { api } = newServer();
    const deploy = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { ...extra, template: { spec: { containers: [{ name: 'app', ...container }] } } },
    });
    const full = { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }] }] } } };
    must(api.patch('deployments', 'default', 'd', 'apply', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: full }, { fieldManager: 'one' }));
    const merged = must(api.patch('deployments', 'default', 'd', 'apply', deploy({ env: [{ name: 'B', value: '2' }] }), { fieldManager: 'two' }));
    const spec = merged.spec as { template: { spec: { containers: { image: string; env: unknown[] }[] } } };
    expect(spec.template.spec.containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(spec.template.spec.containers[0].image).toBe('nginx');
  });

  it('owns and replaces atomic maps as a whole (a Service selector)', () => {
    const { api } = newServer();
    const svc = (selector: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector, ports: [{ port: 80 }] } });
    const first = must(api.patch('services', 'default', 's', 'apply', svc({ app: 'a', tier: 'x' }), { fieldManager: 'k' }));
    expect((fieldsOfEntry(api.withManagedFields(first), 'k') as Any)['f:spec']).toEqual({ 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } }, 'f:selector': {} });
    const second = must(api.patch('services', 'default', 's', 'apply', svc({ app: 'b' }), { fieldManager: 'other', force: true }));
    expect((second.spec as { selector: unknown }).selector).toEqual({ app: 'b' });
  });

  it('needs a field manager, a matching name, and validates the configuration strictly', () => {
    const { api } = newServer();
    expect(failure(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx'))).message).toBe('fieldManager is required for apply requests');
    expect(failure(api.patch('pods', 'default', 'other', 'apply', MANIFEST('nginx'), { fieldManager: 'k' })).message).toBe('the name of the object (web) does not match the name on the URL (other)');
    const undeclared = MANIFEST('nginx', { bogus: 1 });
    expect(failure(api.patch('pods', 'default', 'web', 'apply', { ...undeclared, metadata: { ...undeclared.metadata, namespace: 'default' } }, { fieldManager: 'k', fieldValidation: 'Ignore' }))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'failed to create typed patch object (default/web; /v1, Kind=Pod): .spec.containers[name="nginx"].bogus: field not declared in schema',
      code: 500,
    });
    must(api.patch('pods', 'default', 'web', 'apply', MANIFEST('nginx'), { fieldManager: 'k', dryRun: true }));
    expect(failure(api.get('pods', 'default', 'web')).reason).toBe('NotFound');
  });
});

describe('Update ownership of ordinary writes', () => {
  it('owns what the request set (defaults included), not what admission added, and only for named managers', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', MANIFEST('nginx'), { fieldManager: 'kubectl-create' }));
    const spec = (fieldsOfEntry(api.withManagedFields(p), 'kubectl-create') as Any)['f:spec'];
    expect(Object.keys(spec)).toEqual(['f:containers', 'f:dnsPolicy', 'f:enableServiceLinks', 'f:restartPolicy', 'f:schedulerName', 'f:securityContext', 'f:terminationGracePeriodSeconds']);
    expect((fieldsOfEntry(api.withManagedFields(p), 'kubectl-create') as Any)['f:metadata']).toEqual({ 'f:labels': { '.': {}, 'f:app': {} } });
    const q = must(api.create('pods', 'default', { ...MANIFEST('nginx'), metadata: { name: 'anon' } }));
    expect(api.withManagedFields(q).metadata.managedFields).toBeUndefined();
  });

  it('takes managedFields a client sends in a JSON patch (kubectl migrating client-side apply)', () => {
    const { api } = newServer();
    must(api.create('pods', 'default', MANIFEST('nginx'), { fieldManager: 'kubectl-client-side-apply' }));
    const entries = api.withManagedFields(must(api.get('pods', 'default', 'web'))).metadata.managedFields!;
    const moved = [{ ...entries[0], manager: 'kubectl', operation: 'Apply' }];
    must(api.patch('pods', 'default', 'web', 'json', [{ op: 'replace', path: '/metadata/managedFields', value: moved }]));
    expect(api.withManagedFields(must(api.get('pods', 'default', 'web'))).metadata.managedFields!.map((e) => `${e.manager} ${e.operation}`)).toEqual(['kubectl Apply']);
  });

  it('forgets owners with the object', () => {
    const { api } = newServer();
    must(api.create('configmaps', 'default', { metadata: { name: 'c' }, data: { a: '1' } }, { fieldManager: 'k' }));
    must(api.delete('configmaps', 'default', 'c'));
    const again = must(api.create('configmaps', 'default', { metadata: { name: 'c' }, data: { a: '1' } }));
    expect(api.withManagedFields(again).metadata.managedFields).toBeUndefined();
  });
});
