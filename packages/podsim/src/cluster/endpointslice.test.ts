/** EndpointSlices kept by their controller beside Endpoints (shape from k8s endpointslice utils.go, 1.32). */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../kubectl/testing.js';
import type { Any } from '../api/objects.js';

describe('EndpointSlice', () => {
  it('follows the ready pods of a Service, owned by it and labelled with its name', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80']);
    host.run(['expose', 'deployment', 'web', '--port=8080', '--target-port=80']);
    cluster.advance(30_000);
    const list = cluster.api.list('endpointslices', 'default', { labelSelector: 'kubernetes.io/service-name=web' });
    const slices = list.ok ? (list.value.items as Any[]) : [];
    expect(slices).toHaveLength(1);
    const s = slices[0];
    expect(s.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(s.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(s.metadata.ownerReferences[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.endpoints).toHaveLength(2);
    expect(s.endpoints[0]).toMatchObject({ conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod' } });
    const ips = s.endpoints.map((e: Any) => e.addresses[0]).join(',');
    const out = host.run(['get', 'endpointslices']).stdout.split('\n');
    expect(out[0]).toMatch(/^NAME +ADDRESSTYPE +PORTS +ENDPOINTS +AGE$/);
    expect(out[1]).toMatch(/^kubernetes +IPv4 +6443 +172\.18\.0\.2 +\d+s$/);
    expect(out[2]).toMatch(new RegExp(`^${s.metadata.name} +IPv4 +80 +${ips.replace(/\./g, '\\.')} +\\d+s$`));
    host.run(['delete', 'service', 'web']);
    cluster.advance(5_000);
    const after = cluster.api.list('endpointslices', 'default', { labelSelector: 'kubernetes.io/service-name=web' });
    expect(after.ok && after.value.items).toHaveLength(0);
  });
});
