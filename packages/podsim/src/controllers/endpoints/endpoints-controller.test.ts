import { describe, expect, it } from 'vitest';
import type { Endpoints, KubeObject } from '../../api/types.js';
import { NetNamespace, Network } from '../../kernel/net.js';
import { controllerTestbed, pods, setPodRunning, startAll } from '../shared/testing.js';
import { EndpointsController } from './endpoints-controller.js';

function setup() {
  const ctx = controllerTestbed();
  const network = new Network();
  startAll(ctx, [new EndpointsController(ctx, network)]);
  for (const n of ['a', 'b', 'c']) {
    ctx.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: n, labels: { app: 'web' } }, spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] } });
  }
  ctx.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } });
  ctx.clock.advance(0);
  return { ctx, network };
}

const endpoints = (ctx: ReturnType<typeof setup>['ctx']) => {
  const r = ctx.api.get<Endpoints & KubeObject>('endpoints', 'default', 'web');
  return r.ok ? r.value : undefined;
};

describe('EndpointsController', () => {
  it('publishes ready pods as addresses, unready as notReadyAddresses, resolving named ports', () => {
    const { ctx } = setup();
    expect(endpoints(ctx)?.subsets).toBeUndefined();
    expect(endpoints(ctx)?.metadata.labels).toEqual({ tier: 'front' });
    const [a, b] = pods(ctx);
    setPodRunning(ctx, a, true);
    setPodRunning(ctx, b, false);
    ctx.clock.advance(0);
    const s = endpoints(ctx)?.subsets;
    expect(s).toHaveLength(1);
    expect(s?.[0].addresses?.map((x) => x.targetRef?.name)).toEqual(['a']);
    expect(s?.[0].addresses?.[0]).toMatchObject({ nodeName: 'node01', targetRef: { kind: 'Pod', namespace: 'default', name: 'a' } });
    expect(s?.[0].notReadyAddresses?.map((x) => x.targetRef?.name)).toEqual(['b']);
    expect(s?.[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it('routes the ClusterIP and DNS names round-robin to ready pods; removes them with the service', () => {
    const { ctx, network } = setup();
    for (const p of pods(ctx)) setPodRunning(ctx, p, true);
    ctx.clock.advance(0);
    const ips = endpoints(ctx)?.subsets?.[0].addresses?.map((x) => x.ip) ?? [];
    const seen: string[] = [];
    for (const ip of ips) {
      const ns = new NetNamespace(ip, network);
      network.attach(ns);
      ns.listen({ port: 8080, owner: ip, http: () => ({ status: 200, body: ip }) });
    }
    const svc = ctx.api.get('services', 'default', 'web');
    const clusterIP = svc.ok ? (svc.value.spec as { clusterIP: string }).clusterIP : '';
    expect(network.lookup('web.default.svc.cluster.local')).toBe(clusterIP);
    // Short names are the resolver's search list at work, not records of the cluster DNS.
    expect(network.lookup('web')).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const l = network.connect(clusterIP, 80);
      if (typeof l !== 'string') seen.push(String((l.http?.({ method: 'GET', path: '/', headers: {}, remoteAddr: 'x' }) as { body: string }).body));
    }
    expect(new Set(seen)).toEqual(new Set(ips));
    ctx.api.delete('services', 'default', 'web');
    ctx.clock.advance(0);
    expect(network.lookup('web.default.svc.cluster.local')).toBeUndefined();
    expect(network.connect(clusterIP, 80)).toBe('EHOSTUNREACH');
    expect(endpoints(ctx)).toBeUndefined();
  });
});
