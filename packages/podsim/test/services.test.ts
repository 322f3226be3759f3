/** Services: Endpoints list only ready pods, and the ClusterIP/DNS name reach them round-robin. */
import { describe, expect, it } from 'vitest';
import type { Endpoints, KubeObject } from '../src/api/types.js';
import { helloDeployment } from './support/manifests.js';
import { apply, bootCluster, get, isReady, listPods, waitFor } from './support/harness.js';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;

describe('service endpoints', () => {
  it('lists ready pods as addresses and unready ones as notReadyAddresses', () => {
    const c = bootCluster();
    apply(c, helloDeployment('web', 2));
    apply(c, SERVICE);
    c.advance(3_000);
    expect(waitFor(c, () => listPods(c, 'default', 'app=web').every(isReady) && listPods(c).length === 2, 60_000)).toBe(true);
    c.advance(0);
    const ep = get<Endpoints & KubeObject>(c, 'endpoints', 'web');
    const ips = listPods(c, 'default', 'app=web').map((p) => p.status?.podIP).sort();
    expect(ep?.subsets).toHaveLength(1);
    expect(ep?.subsets?.[0].addresses?.map((a) => a.ip).sort()).toEqual(ips);
    expect(ep?.subsets?.[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(ep?.subsets?.[0].addresses?.[0].targetRef).toMatchObject({ kind: 'Pod', namespace: 'default' });

    const svc = get(c, 'services', 'web') as KubeObject & { spec: { clusterIP: string } };
    expect(c.network.lookup('web.default.svc.cluster.local')).toBe(svc.spec.clusterIP);
    const hit = c.network.connect('web.default.svc.cluster.local', 80);
    expect(typeof hit).not.toBe('string');

    // A pod whose readiness fails moves to notReadyAddresses.
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: unready
  labels:
    app: web
spec:
  containers:
  - name: app
    image: gcr.io/google-samples/hello-app:1.0
    readinessProbe:
      httpGet:
        port: 9999
`);
    expect(waitFor(c, () => getPodIp(c) !== undefined, 60_000)).toBe(true);
    c.advance(5_000);
    const after = get<Endpoints & KubeObject>(c, 'endpoints', 'web');
    expect(after?.subsets?.[0].notReadyAddresses?.map((a) => a.targetRef?.name)).toEqual(['unready']);
    expect(after?.subsets?.[0].addresses).toHaveLength(2);
  });
});

function getPodIp(c: ReturnType<typeof bootCluster>): string | undefined {
  return listPods(c).find((p) => p.metadata.name === 'unready')?.status?.podIP;
}
