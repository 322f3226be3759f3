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

  // staging/src/k8s.io/endpointslice/utils.go podToEndpoint: `hostname` when the pod's subdomain names the Service
  // (ShouldSetHostname), `zone` only from the node's topology.kubernetes.io/zone label; setEndpointSliceLabels adds
  // service.kubernetes.io/headless to the slices of a Service without a cluster IP.
  it('names the hostname of a pod under its headless Service and the zone of a labelled node', () => {
    const { host, cluster } = hostWithCluster();
    expect(host.run(['label', 'node', 'node01', 'topology.kubernetes.io/zone=zone-a']).code).toBe(0);
    const pod = (name: string, node: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {app: db}\nspec:\n  hostname: ${name}\n  subdomain: db\n  nodeName: ${node}\n  containers:\n  - {name: c, image: nginx}\n`;
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports:\n  - {port: 80}\n';
    host.fs.writeFile('/home/learner/db.yaml', [svc, pod('db-0', 'node01'), pod('db-1', 'node02')].join('---\n'));
    expect(host.run(['apply', '-f', '/home/learner/db.yaml']).code).toBe(0);
    cluster.advance(30_000);
    const list = cluster.api.list('endpointslices', 'default', { labelSelector: 'kubernetes.io/service-name=db' });
    const slices = list.ok ? (list.value.items as Any[]) : [];
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.labels).toEqual({
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'db',
      'service.kubernetes.io/headless': '',
    });
    const byName = Object.fromEntries(slices[0].endpoints.map((e: Any) => [e.targetRef.name, e]));
    expect(byName['db-0']).toMatchObject({ hostname: 'db-0', nodeName: 'node01', zone: 'zone-a' });
    expect(byName['db-1']).toMatchObject({ hostname: 'db-1', nodeName: 'node02' });
    expect(byName['db-1']).not.toHaveProperty('zone');
  });

  it('gives no hostname to a pod whose subdomain names another Service, and no headless label to a ClusterIP one', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--port=80']);
    host.run(['expose', 'deployment', 'web', '--port=80']);
    cluster.advance(30_000);
    const list = cluster.api.list('endpointslices', 'default', { labelSelector: 'kubernetes.io/service-name=web' });
    const s = (list.ok ? (list.value.items as Any[]) : [])[0];
    expect(s.metadata.labels).not.toHaveProperty(['service.kubernetes.io/headless']);
    expect(s.endpoints[0]).not.toHaveProperty('hostname');
    expect(s.endpoints[0]).not.toHaveProperty('zone');
  });
});
