/**
 * The resource routes answer like kube-apiserver 1.32: bare selector errors (kubectl adds `Unable to find …`),
 * NotFound for the object on reads in a missing namespace, and the quota and limit-range collections
 * `kubectl describe namespace` reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCluster, type Served } from '../testing.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';
import type { Any } from '../../api/objects.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
const QUOTA = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'small' }, spec: { hard: { pods: '2', 'limits.cpu': '1' } } };

let s: Served;
beforeAll(async () => {
  s = await serveCluster(11);
});
afterAll(() => s.close());

async function call(method: string, path: string, opts: { body?: unknown; accept?: string } = {}): Promise<{ code: number; json: Any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (opts.accept) headers.Accept = opts.accept;
  const res = await fetch(s.server.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return { code: res.status, json: (await res.json()) as Any };
}

/** The first line of a watch stream, parsed; the stream is closed after it. */
async function firstWatchEvent(path: string): Promise<Any> {
  const abort = new AbortController();
  const res = await fetch(s.server.url + path, { signal: abort.signal });
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('\n')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += Buffer.from(chunk.value).toString('utf8');
  }
  abort.abort();
  return JSON.parse(text.split('\n')[0]);
}

describe('over HTTP', () => {
  it('answers selector errors bare, as 400 BadRequest', async () => {
    const field = await call('GET', '/api/v1/namespaces/default/pods?fieldSelector=bogus%3D1');
    expect(field).toMatchObject({ code: 400, json: { kind: 'Status', reason: 'BadRequest', code: 400, message: 'field label not supported: bogus' } });
    const label = await call('GET', '/api/v1/namespaces/default/pods?labelSelector=a+in');
    expect(label).toMatchObject({ code: 400, json: { reason: 'BadRequest', message: "unable to parse requirement: found '', expected: '('" } });
    const watched = await call('GET', '/api/v1/pods?watch=true&fieldSelector=spec.foo%3Dbar');
    expect(watched).toMatchObject({ code: 400, json: { message: 'field label not supported: spec.foo' } });
  });

  it('misses the object, not the namespace, on reads; create misses the namespace', async () => {
    expect(await call('GET', '/api/v1/namespaces/nowhere/pods/web')).toMatchObject({ code: 404, json: { reason: 'NotFound', message: 'pods "web" not found', details: { name: 'web', kind: 'pods' } } });
    expect(await call('GET', '/apis/apps/v1/namespaces/nowhere/deployments/web')).toMatchObject({ code: 404, json: { message: 'deployments.apps "web" not found' } });
    expect(await call('GET', '/api/v1/namespaces/nowhere/pods')).toMatchObject({ code: 200, json: { kind: 'PodList', items: [] } });
    expect(await call('POST', '/api/v1/namespaces/nowhere/pods', { body: POD })).toMatchObject({ code: 404, json: { reason: 'NotFound', message: 'namespaces "nowhere" not found', details: { name: 'nowhere', kind: 'namespaces' } } });
  });

  it('serves resource quotas and limit ranges: lists, discovery, tables', async () => {
    expect(await call('GET', '/api/v1/namespaces/default/resourcequotas')).toMatchObject({ code: 200, json: { apiVersion: 'v1', kind: 'ResourceQuotaList', items: [] } });
    expect(await call('GET', '/api/v1/namespaces/default/limitranges')).toMatchObject({ code: 200, json: { apiVersion: 'v1', kind: 'LimitRangeList', items: [] } });
    expect(await call('GET', '/api/v1/limitranges')).toMatchObject({ code: 200, json: { items: [] } });
    const legacy = (await call('GET', '/api/v1')).json.resources as { name: string }[];
    expect(legacy.find((r) => r.name === 'resourcequotas')).toMatchObject({ singularName: 'resourcequota', namespaced: true, kind: 'ResourceQuota', shortNames: ['quota'] });
    expect(legacy.find((r) => r.name === 'limitranges')).toMatchObject({ singularName: 'limitrange', namespaced: true, kind: 'LimitRange', shortNames: ['limits'] });
    expect(legacy.map((r) => r.name)).toContain('resourcequotas/status');
    const aggregated = (await call('GET', '/api', { accept: AGGREGATED })).json.items[0].versions[0].resources as { resource: string; scope: string }[];
    expect(aggregated.find((r) => r.resource === 'limitranges')).toMatchObject({ scope: 'Namespaced', responseKind: { group: '', version: 'v1', kind: 'LimitRange' } });

    expect((await call('POST', '/api/v1/namespaces/default/resourcequotas', { body: QUOTA })).code).toBe(201);
    const table = (await call('GET', '/api/v1/namespaces/default/resourcequotas', { accept: TABLE })).json;
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Age', 'Request', 'Limit']);
    // The quota controller has filled status.hard and status.used (printers.go printResourceQuota: `limits.*` under LIMIT).
    expect(table.rows[0].cells).toEqual(['small', '0s', 'pods: 0/2', 'limits.cpu: 0/1']);
    expect(await firstWatchEvent('/api/v1/namespaces/default/resourcequotas?watch=true&resourceVersion=0')).toMatchObject({ type: 'ADDED', object: { kind: 'ResourceQuota', metadata: { name: 'small' } } });
    expect((await call('DELETE', '/api/v1/namespaces/default/resourcequotas/small')).code).toBe(200);
  });
});

describe.skipIf(!withRealKubectl('serve routes: resources with the real kubectl'))('with the real kubectl', () => {
  it('prints selector errors wrapped once', async () => {
    expect(await s.kubectl(['get', 'pods', '--field-selector=bogus=1'])).toMatchObject({
      code: 1,
      err: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus=1": field label not supported: bogus\n',
    });
    expect((await s.kubectl(['get', 'pods', '-l', 'a in'])).err).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in", field selector "": unable to parse requirement: found '', expected: '('\n`,
    );
  });

  it('reports a missing namespace after the object is not found (kubectl asks for the namespace itself)', async () => {
    expect((await s.kubectl(['get', 'pod', 'web', 'nope', '-n', 'nowhere'])).err).toBe('Error from server (NotFound): namespaces "nowhere" not found\nError from server (NotFound): namespaces "nowhere" not found\n');
    expect((await s.kubectl(['get', 'pod', 'web'])).err).toBe('Error from server (NotFound): pods "web" not found\n');
  });

  it('describes a namespace with its quota and limit-range sections', async () => {
    const r = await s.kubectl(['describe', 'ns', 'default']);
    expect(r.out).toBe('Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
  });

  it('gets quotas and limit ranges', async () => {
    expect(await s.kubectl(['get', 'quota'])).toMatchObject({ code: 0, out: '', err: 'No resources found in default namespace.\n' });
    expect((await s.kubectl(['get', 'limits', '-A'])).err).toBe('No resources found\n');
    expect(await s.kubectl(['create', 'quota', 'small', '--hard=pods=3,limits.cpu=1'])).toMatchObject({ code: 0, out: 'resourcequota/small created\n' });
    expect((await s.kubectl(['get', 'quota'])).out).toBe('NAME    AGE   REQUEST     LIMIT\nsmall   0s    pods: 0/3   limits.cpu: 0/1\n');
    expect((await s.kubectl(['get', 'quota', 'small', '-o', 'jsonpath={.spec.hard}'])).out).toBe('{"limits.cpu":"1","pods":"3"}');
    expect((await s.kubectl(['delete', 'quota', 'small'])).out).toBe('resourcequota "small" deleted\n');
    const rows = (await s.kubectl(['api-resources'])).out.split('\n');
    expect(rows).toContain('limitranges                limits       v1                             true         LimitRange');
    expect(rows).toContain('resourcequotas             quota        v1                             true         ResourceQuota');
    expect(rows).toContain('horizontalpodautoscalers   hpa          autoscaling/v2                 true         HorizontalPodAutoscaler');
  });
});
