import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/cluster.js';
import { writeKubeconfig } from './kubeconfig.js';
import { ManualTime } from './pacing.js';
import { startServer, type PodsimServer } from './server.js';
import { withRealKubectl } from '../../test/support/real-kubectl.js';
import type { Any } from '../api/objects.js';

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

let cluster: Cluster;
let server: PodsimServer;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ code: number; json: Any; headers: Headers }> {
  const res = await fetch(server.url + path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { code: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

beforeAll(async () => {
  cluster = new Cluster({ seed: 7 });
  cluster.clock.flush();
  server = await startServer({ cluster, time: new ManualTime(cluster) });
});
afterAll(() => server.close());

describe('discovery', () => {
  it('serves /version and legacy discovery', async () => {
    expect((await call('GET', '/version')).json.gitVersion).toBe('v1.32.4');
    expect((await call('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    expect((await call('GET', '/apis')).json.groups.map((g: { name: string }) => g.name)).toEqual(['apiregistration.k8s.io', 'apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'discovery.k8s.io']);
    // autoscaling is served at v2 (preferred) and v1, as on a 1.32 API server.
    expect((await call('GET', '/apis/autoscaling')).json).toMatchObject({ versions: [{ groupVersion: 'autoscaling/v2' }, { groupVersion: 'autoscaling/v1' }], preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' } });
    expect((await call('GET', '/apis/autoscaling/v1')).json.resources.map((r: { name: string }) => r.name)).toEqual(['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
    const v1 = (await call('GET', '/api/v1')).json;
    expect(v1.resources.map((r: { name: string }) => r.name)).toContain('pods/log');
    expect(v1.resources.find((r: { name: string }) => r.name === 'pods')).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] });
  });

  it('answers aggregated discovery with its content type', async () => {
    const r = await call('GET', '/apis', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(r.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(r.json.items[0].metadata.name).toBe('apiregistration.k8s.io');
    expect(r.json.items[1].metadata.name).toBe('apps');
    expect(r.json.items[1].versions[0].resources.find((x: { resource: string }) => x.resource === 'deployments').subresources.map((s: { subresource: string }) => s.subresource)).toEqual(['scale', 'status']);
  });

  it('serves OpenAPI v3 with the fieldValidation parameter kubectl checks for', async () => {
    const index = (await call('GET', '/openapi/v3')).json;
    const url = index.paths['api/v1'].serverRelativeURL as string;
    expect(url).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]+$/);
    const doc = (await call('GET', url)).json;
    expect(doc.components.schemas['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', version: 'v1', kind: 'Pod' }]);
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
  });
});

describe('resources', () => {
  it('creates (201), refuses duplicates (409), invalid names (422) and unknown paths (404)', async () => {
    const dry = await call('POST', '/api/v1/namespaces/default/pods?dryRun=All', { ...POD, metadata: { name: 'dry' } });
    expect(dry.code).toBe(201);
    expect((await call('GET', '/api/v1/namespaces/default/pods/dry')).code).toBe(404);
    const created = await call('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', POD);
    expect(created.code).toBe(201);
    expect(created.json.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const dup = await call('POST', '/api/v1/namespaces/default/pods', POD);
    expect([dup.code, dup.json.reason, dup.json.message]).toEqual([409, 'AlreadyExists', 'pods "web" already exists']);
    const bad = await call('POST', '/api/v1/namespaces/default/pods', { ...POD, metadata: { name: 'Bad_Name' } });
    expect([bad.code, bad.json.reason]).toEqual([422, 'Invalid']);
    const strict = await call('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', { ...POD, metadata: { name: 'x' }, bogus: 1 });
    expect([strict.code, strict.json.message]).toEqual([400, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "bogus"']);
    const missing = await call('GET', '/api/v1/namespaces/default/pods/nope');
    expect([missing.code, missing.json.message]).toEqual([404, 'pods "nope" not found']);
    expect((await call('GET', '/api/v1/widgets')).code).toBe(404);
  });

  it('lists with selectors, patches (merge/strategic/json) and scales', async () => {
    expect((await call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')).json.items.map((p: Any) => p.metadata.name)).toEqual(['web']);
    expect((await call('GET', '/api/v1/pods?labelSelector=app%3Dother')).json.items).toEqual([]);
    expect((await call('GET', '/api/v1/pods?fieldSelector=metadata.name%3Dweb')).json.items).toHaveLength(1);
    const merged = await call('PATCH', '/api/v1/namespaces/default/pods/web', { metadata: { labels: { tier: 'a' } } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(merged.json.metadata.labels).toEqual({ app: 'web', tier: 'a' });
    const json = await call('PATCH', '/api/v1/namespaces/default/pods/web', [{ op: 'remove', path: '/metadata/labels/tier' }], { 'Content-Type': 'application/json-patch+json' });
    expect(json.json.metadata.labels).toEqual({ app: 'web' });
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
    expect((await call('POST', '/apis/apps/v1/namespaces/default/deployments', dep)).code).toBe(201);
    const scaled = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/d/scale', { spec: { replicas: 3 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(scaled.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { selector: 'a=b' } });
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments/d')).json.spec.replicas).toBe(3);
  });

  it('answers Table requests with the in-browser kubectl columns and PartialObjectMetadata rows', async () => {
    const t = (await call('GET', '/api/v1/namespaces/default/pods', undefined, { Accept: TABLE })).json;
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1']);
    const row = t.rows.find((r: Any) => r.object.metadata.name === 'web');
    expect(row.cells.slice(0, 5)).toEqual(['web', '0/1', 'Pending', '0', '0s']);
    expect(row.object.kind).toBe('PartialObjectMetadata');
  });

  it('streams watch events as JSON lines and stops delivering after the client leaves', async () => {
    const ac = new AbortController();
    const res = await fetch(`${server.url}/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dw1`, { signal: ac.signal });
    const reader = res.body!.getReader();
    await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1' }, data: { a: '1' } });
    await call('DELETE', '/api/v1/namespaces/default/configmaps/w1', { gracePeriodSeconds: 0 });
    let text = '';
    while (text.split('\n').length < 3) text += new TextDecoder().decode((await reader.read()).value);
    const events = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.type} ${e.object.kind} ${e.object.metadata.name}`)).toEqual(['ADDED ConfigMap w1', 'DELETED ConfigMap w1']);
    ac.abort();
    await expect.poll(() => server.activity().streams).toBe(0);
  });

  it('deletes pods gracefully with DeleteOptions', async () => {
    await call('POST', '/api/v1/namespaces/default/pods', { ...POD, metadata: { name: 'gone' } });
    cluster.advance(20_000);
    const del = await call('DELETE', '/api/v1/namespaces/default/pods/gone?gracePeriodSeconds=5', { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    expect([del.code, del.json.metadata.deletionGracePeriodSeconds]).toEqual([200, 5]);
    cluster.advance(10_000);
    expect((await call('GET', '/api/v1/namespaces/default/pods/gone')).code).toBe(404);
  });
});

describe.skipIf(!withRealKubectl('podsim serve: with the real kubectl'))('with the real kubectl', () => {
  let dir: string;
  const kubectl = (...args: string[]): Promise<{ out: string; code: number }> =>
    new Promise((resolve) => execFile('kubectl', args, { env: { ...process.env, KUBECONFIG: join(dir, 'kc'), HOME: dir } }, (err, stdout, stderr) => resolve({ out: stdout + stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 })));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'podsim-serve-'));
    writeKubeconfig(join(dir, 'kc'), server.url);
    cluster.advance(30_000);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets a server-side table', async () => {
    const r = await kubectl('get', 'pod', 'web', '-o', 'wide');
    expect(r.out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\nweb\s+1\/1\s+Running\s+0\s+/);
  });

  it('execs over the v5 WebSocket channel protocol, with exit codes', async () => {
    expect(await kubectl('exec', 'web', '--', 'cat', '/usr/share/nginx/html/index.html')).toMatchObject({ code: 0, out: expect.stringContaining('<title>Welcome to nginx!</title>') });
    expect(await kubectl('exec', 'web', '--', 'sh', '-c', 'echo oops >&2; exit 3')).toEqual({ code: 3, out: 'oops\ncommand terminated with exit code 3\n' });
  });

  it('reads logs with tailLines', async () => {
    const r = await kubectl('logs', 'web', '--tail=1');
    expect(r.out).toMatch(/start worker process \d+\n$/);
    expect(r.out.split('\n')).toHaveLength(2);
  });

  it('creates a deployment from protobuf and reports NotFound', async () => {
    expect((await kubectl('create', 'deployment', 'proto', '--image=nginx', '--replicas=2')).out).toBe('deployment.apps/proto created\n');
    expect((await kubectl('get', 'deploy', 'proto', '-o', 'jsonpath={.spec.replicas}')).out).toBe('2');
    expect(await kubectl('get', 'pod', 'nope')).toEqual({ code: 1, out: 'Error from server (NotFound): pods "nope" not found\n' });
  });
});
