import { describe, expect, it } from 'vitest';
import { failure, must, newServer, pod } from './testing.js';
import type { KubeObject, WatchEvent } from './types.js';

describe('ApiServer CRUD', () => {
  it('creates with uid, resourceVersion, creationTimestamp and returns frozen objects', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.metadata.creationTimestamp).toBe('2026-11-27T09:00:00Z');
    expect(p.metadata.namespace).toBe('default');
    expect(Object.isFrozen(p.spec)).toBe(true);
    expect(Object.keys(p)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(p.metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']);
    expect(must(api.get('pods', 'default', 'web'))).toBe(p);
  });

  it('hands out increasing resourceVersions across resources', () => {
    const { api } = newServer();
    const a = Number(must(api.create('pods', 'default', pod('a'))).metadata.resourceVersion);
    const b = Number(must(api.create('configmaps', 'default', { metadata: { name: 'c' } })).metadata.resourceVersion);
    const c = Number(must(api.create('pods', 'default', pod('b'))).metadata.resourceVersion);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(must(api.list('pods', 'default')).metadata.resourceVersion).toBe(String(c));
  });

  it('reports NotFound, AlreadyExists and missing namespaces like the real server', () => {
    const { api } = newServer();
    expect(failure(api.get('pods', 'default', 'x')).message).toBe('pods "x" not found');
    expect(failure(api.get('deployments', 'default', 'x')).message).toBe('deployments.apps "x" not found');
    must(api.create('pods', 'default', pod('x')));
    const dup = failure(api.create('pods', 'default', pod('x')));
    expect(dup).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'pods "x" already exists' });
    expect(failure(api.create('pods', 'nope', pod('y')))).toMatchObject({ reason: 'NotFound', message: 'namespaces "nope" not found' });
    // Reads in a missing namespace miss the object, not the namespace (only create is admitted against namespaces).
    expect(failure(api.get('pods', 'nope', 'web'))).toMatchObject({ reason: 'NotFound', code: 404, message: 'pods "web" not found', details: { name: 'web', kind: 'pods' } });
    expect(must(api.list('pods', 'nope')).items).toEqual([]);
  });

  it('serves resource quotas and limit ranges: empty lists, and stored as sent', () => {
    const { api } = newServer();
    expect(must(api.list('resourcequotas', 'default'))).toMatchObject({ apiVersion: 'v1', kind: 'ResourceQuotaList', items: [] });
    expect(must(api.list('limitranges', 'default'))).toMatchObject({ apiVersion: 'v1', kind: 'LimitRangeList', items: [] });
    const q = must(api.create('resourcequotas', 'default', { metadata: { name: 'q' }, spec: { hard: { pods: '2' } }, status: { used: { pods: '9' } } }));
    expect(Object.keys(q)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(q).toMatchObject({ kind: 'ResourceQuota', spec: { hard: { pods: '2' } }, status: {} });
    expect(q.status).toEqual({});
    const l = must(api.create('limitranges', 'default', { metadata: { name: 'l' }, spec: { limits: [{ default: { cpu: '100m' }, type: 'Container', max: { memory: '1Gi' } }, { type: 'Pod', max: { cpu: '2' } }] } }));
    expect(must(api.get('limitranges', 'default', 'l'))).toBe(l);
    // Defaulted (SetDefaults_LimitRangeItem) and in the Go struct's field order.
    expect(JSON.stringify(l.spec)).toBe(
      '{"limits":[{"type":"Container","max":{"memory":"1Gi"},"default":{"cpu":"100m","memory":"1Gi"},"defaultRequest":{"cpu":"100m","memory":"1Gi"}},{"type":"Pod","max":{"cpu":"2"}}]}',
    );
    expect(failure(api.create('limitranges', 'default', { metadata: { name: 'bad' }, spec: { limits: [{ type: 'Container', max: 3 }] } })).message).toMatch(/^LimitRange in version "v1" cannot be handled as a LimitRange: json: cannot unmarshal number into Go struct field LimitRangeItem\.spec\.limits\.max of type /);
    expect(failure(api.get('resourcequotas', 'default', 'x')).message).toBe('resourcequotas "x" not found');
  });

  it('starts with the system namespaces, default service accounts, root CA config maps and the kubernetes service', () => {
    const { api } = newServer();
    expect(must(api.list('namespaces', undefined)).items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const ns of ['default', 'kube-system']) {
      expect(api.get('serviceaccounts', ns, 'default').ok).toBe(true);
      expect(api.get('configmaps', ns, 'kube-root-ca.crt').ok).toBe(true);
    }
    const svc = must(api.get('services', 'default', 'kubernetes'));
    expect((svc.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    must(api.create('namespaces', undefined, { metadata: { name: 'team' } }));
    expect(api.get('serviceaccounts', 'team', 'default').ok).toBe(true);
  });

  it('generates names from generateName with a 5-character suffix and a base cut to 58 characters', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', { ...pod(''), metadata: { generateName: 'web-7c9d8b5f4-' } }));
    expect(p.metadata.name).toMatch(/^web-7c9d8b5f4-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = 'a'.repeat(70);
    const q = must(api.create('pods', 'default', { ...pod(''), metadata: { generateName: long } }));
    expect(q.metadata.name).toHaveLength(63);
  });

  it('lists in namespace/name order and filters by selectors', () => {
    const { api } = newServer();
    must(api.create('namespaces', undefined, { metadata: { name: 'a' } }));
    must(api.create('pods', 'default', pod('zeta', { metadata: { name: 'zeta', labels: { app: 'web' } } })));
    must(api.create('pods', 'default', pod('alpha', { metadata: { name: 'alpha', labels: { app: 'db' } } })));
    must(api.create('pods', 'a', pod('mid')));
    expect(must(api.list('pods', undefined)).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['a/mid', 'default/alpha', 'default/zeta']);
    expect(must(api.list('pods', 'default', { labelSelector: 'app=web' })).items.map((p) => p.metadata.name)).toEqual(['zeta']);
    expect(must(api.list('pods', undefined, { fieldSelector: 'metadata.namespace=a' })).items.map((p) => p.metadata.name)).toEqual(['mid']);
    // Bare, as the apiserver's list handler answers: kubectl's EnhanceListError adds `Unable to find "/v1, Resource=pods" …`.
    expect(failure(api.list('pods', undefined, { fieldSelector: 'spec.foo=bar' }))).toMatchObject({ code: 400, reason: 'BadRequest', message: 'field label not supported: spec.foo' });
    expect(failure(api.list('deployments', undefined, { labelSelector: 'a=b', fieldSelector: 'spec.replicas=1' })).message).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(failure(api.list('pods', undefined, { labelSelector: 'a in' }))).toMatchObject({ code: 400, reason: 'BadRequest', message: "unable to parse requirement: found '', expected: '('" });
    expect(must(api.list('pods', 'default')).kind).toBe('PodList');
  });

  it('updates with optimistic concurrency and keeps status on the main endpoint', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const labelled = structuredClone(p);
    labelled.metadata.labels = { a: 'b' };
    labelled.status = { phase: 'Running' };
    const u = must(api.update('pods', 'default', labelled));
    expect(u.metadata.labels).toEqual({ a: 'b' });
    expect((u.status as { phase: string }).phase).toBe('Pending');
    expect(Number(u.metadata.resourceVersion)).toBeGreaterThan(Number(p.metadata.resourceVersion));
    const stale = failure(api.update('pods', 'default', labelled));
    expect(stale).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(stale.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('does not bump the resourceVersion for a no-op update', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    expect(must(api.update('pods', 'default', p))).toBe(p);
  });

  it('updateStatus changes only status', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const next = structuredClone(p) as KubeObject & { spec: { restartPolicy: string } };
    next.status = { phase: 'Running' };
    next.spec.restartPolicy = 'Never';
    const u = must(api.updateStatus('pods', 'default', next));
    expect(u.status).toEqual({ phase: 'Running' });
    expect((u.spec as { restartPolicy: string }).restartPolicy).toBe('Always');
    expect(must(api.update('pods/status', 'default', { ...structuredClone(u), status: { phase: 'Failed' } })).status).toEqual({ phase: 'Failed' });
  });

  it('bumps generation on spec changes of deployments only', () => {
    const { api } = newServer();
    const d = must(api.create('deployments', 'default', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    }));
    expect(d.metadata.generation).toBe(1);
    const scaled = structuredClone(d) as KubeObject & { spec: { replicas: number } };
    scaled.spec.replicas = 3;
    expect(must(api.update('deployments', 'default', scaled)).metadata.generation).toBe(2);
    const labelled = structuredClone(must(api.get('deployments', 'default', 'web')));
    labelled.metadata.labels = { x: 'y' };
    expect(must(api.update('deployments', 'default', labelled)).metadata.generation).toBe(2);
  });

  it('dry-run writes return the would-be object without storing it', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web'), { dryRun: true }));
    expect(p.metadata.name).toBe('web');
    expect(api.get('pods', 'default', 'web').ok).toBe(false);
  });

  it('binds pods to nodes, recording PodScheduled', () => {
    const { api } = newServer();
    must(api.create('pods', 'default', pod('web')));
    const b = must(api.bind('default', 'web', 'node01'));
    expect((b.spec as { nodeName: string }).nodeName).toBe('node01');
    expect((b.status as { conditions: unknown[] }).conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-27T09:00:00Z' }]);
    expect(failure(api.bind('default', 'web', 'node02')).reason).toBe('Conflict');
  });
});

describe('watch', () => {
  it('delivers events asynchronously, in write order, and only those after subscribing', () => {
    const { api, clock } = newServer();
    must(api.create('pods', 'default', pod('before')));
    const seen: string[] = [];
    api.watch('pods', 'default', (ev: WatchEvent) => seen.push(`${ev.type} ${ev.object.metadata.name}`));
    const a = must(api.create('pods', 'default', pod('a')));
    must(api.update('pods', 'default', { ...structuredClone(a), metadata: { ...structuredClone(a.metadata), labels: { x: 'y' } } }));
    must(api.delete('pods', 'default', 'a'));
    expect(seen).toEqual([]);
    clock.flush();
    // A pod's delete first writes its deletion mark (registry two-phase delete), hence the second MODIFIED.
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'MODIFIED a', 'DELETED a']);
  });

  it('does not deliver writes made before subscribing even if not yet flushed', () => {
    const { api, clock } = newServer();
    must(api.create('pods', 'default', pod('early')));
    const seen: string[] = [];
    api.watch('pods', undefined, (ev) => seen.push(ev.object.metadata.name!));
    clock.flush();
    expect(seen).toEqual([]);
  });

  it('turns selector transitions into ADDED/DELETED', () => {
    const { api, clock } = newServer();
    const seen: string[] = [];
    api.watch('pods', 'default', (ev) => seen.push(`${ev.type} ${ev.object.metadata.name}`), { labelSelector: 'app=web' });
    const p = must(api.create('pods', 'default', pod('p')));
    const on = must(api.patch('pods', 'default', 'p', 'merge', { metadata: { labels: { app: 'web' } } }));
    must(api.patch('pods', 'default', 'p', 'merge', { metadata: { labels: { app: 'db' } } }));
    clock.flush();
    expect(p).toBeDefined();
    expect(on.metadata.labels).toEqual({ app: 'web' });
    expect(seen).toEqual(['ADDED p', 'DELETED p']);
  });

  it('replays from a resourceVersion and lists on resourceVersion 0; stops after unsubscribe', () => {
    const { api, clock } = newServer();
    const a = must(api.create('pods', 'default', pod('a')));
    must(api.create('pods', 'default', pod('b')));
    const replay: string[] = [];
    api.watch('pods', 'default', (ev) => replay.push(`${ev.type} ${ev.object.metadata.name}`), { resourceVersion: a.metadata.resourceVersion });
    const initial: string[] = [];
    const stop = api.watch('pods', 'default', (ev) => initial.push(`${ev.type} ${ev.object.metadata.name}`), { resourceVersion: '0' });
    clock.flush();
    expect(replay).toEqual(['ADDED b']);
    expect(initial).toEqual(['ADDED a', 'ADDED b']);
    stop();
    must(api.create('pods', 'default', pod('c')));
    clock.flush();
    expect(initial).toHaveLength(2);
  });
});

describe('cost of reads and writes', () => {
  it('shares unchanged frozen parts between versions instead of copying them', () => {
    const { api } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    must(api.bind('default', 'web', 'node01'));
    const bound = must(api.get('pods', 'default', 'web'));
    expect((bound.spec as { containers: unknown }).containers).toBe((p.spec as { containers: unknown }).containers);
    const next = { ...bound, status: { phase: 'Running' } };
    const running = must(api.updateStatus('pods', 'default', next));
    expect(running.spec).toBe(bound.spec);
    expect(must(api.list('pods', 'default')).items[0]).toBe(running);
  });

  it('keeps 1,000 pods with status history compact', () => {
    const { api, clock } = newServer();
    for (let i = 0; i < 1000; i++) {
      must(api.create('pods', 'default', pod(`p${i}`)));
      must(api.bind('default', `p${i}`, 'node01'));
    }
    for (let i = 0; i < 1000; i++) {
      const cur = must(api.get('pods', 'default', `p${i}`));
      must(api.updateStatus('pods', 'default', { ...cur, status: { ...(cur.status as object), phase: 'Running' } }));
    }
    clock.flush();
    const bytes = must(api.list('pods', undefined)).items.reduce((n, p) => n + JSON.stringify(p).length, 0);
    expect(bytes).toBeLessThan(2_500_000);
  });
});

describe('preconditions', () => {
  it('refuses status written for a deleted namesake (uid precondition)', () => {
    const { api } = newServer();
    const old = must(api.create('pods', 'default', pod('web')));
    must(api.delete('pods', 'default', 'web'));
    must(api.create('pods', 'default', pod('web')));
    const s = failure(api.updateStatus('pods', 'default', { metadata: { name: 'web', namespace: 'default', uid: old.metadata.uid }, status: { phase: 'Running' } }));
    expect(s.reason).toBe('Conflict');
    expect(s.message).toMatch(/^Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: [0-9a-f-]{36}, UID in object meta: [0-9a-f-]{36}$/);
  });
});
