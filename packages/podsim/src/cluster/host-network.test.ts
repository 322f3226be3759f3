/**
 * hostNetwork pods on real kubelets: the node's network namespace is theirs (podIP is the node's
 * InternalIP from the first status on, as generateAPIPodStatus sets it), probes dial from the node
 * (127.0.0.1 is the node's loopback), and two such pods wanting one port on one node collide.
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../api/objects.js';
import { Cluster } from './cluster.js';

function pod(c: Cluster, name: string, spec: Any): void {
  const r = c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { hostNetwork: true, nodeName: 'node01', ...spec } });
  if (!r.ok) throw new Error(r.status.message);
}

const get = (c: Cluster, name: string): Any => {
  const r = c.api.get('pods', 'default', name);
  return r.ok ? r.value : {};
};

describe('hostNetwork pods', () => {
  it('have the node address as podIP while the container is still being created, and are probed on the node loopback', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const readinessProbe = { httpGet: { host: '127.0.0.1', path: '/', port: 80 }, periodSeconds: 2 };
    pod(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], readinessProbe }] });
    c.advance(100);
    const creating = get(c, 'web');
    expect(creating.status.containerStatuses?.[0]?.state?.waiting?.reason ?? 'none').toBe('ContainerCreating');
    expect(creating.status.podIP).toBe('172.18.0.3');
    expect(creating.status.podIPs).toEqual([{ ip: '172.18.0.3' }]);
    expect(creating.spec.containers[0].ports).toEqual([{ containerPort: 80, hostPort: 80, protocol: 'TCP' }]);
    c.advance(30_000);
    const running = get(c, 'web');
    expect(running.status.conditions.find((x: Any) => x.type === 'Ready').status).toBe('True');
    expect(c.kubelet('node01')?.hostNet?.listener(80)).toBeDefined();
  });

  it('collide on a port of the same node, and leave the node its address when they go', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const nginx = { name: 'nginx', image: 'nginx:1.27' };
    pod(c, 'first', { containers: [nginx] });
    c.advance(10_000);
    pod(c, 'second', { containers: [nginx] });
    c.advance(60_000);
    expect(get(c, 'first').status.containerStatuses[0].ready).toBe(true);
    const second = get(c, 'second').status.containerStatuses[0];
    expect(second.restartCount).toBeGreaterThan(0);
    expect(second.ready).toBe(false);
    const logs = c.kubelet('node01')!.logs('default', 'second', 'nginx', { previous: true });
    expect(logs.ok ? logs.log.lines().map((l) => l.text).join('') : '').toMatch(/Address already in use/);
    c.api.delete('pods', 'default', 'first', { gracePeriodSeconds: 0 });
    c.api.delete('pods', 'default', 'second', { gracePeriodSeconds: 0 });
    c.advance(5_000);
    const node = c.kubelet('node01')!;
    expect(c.network.namespaceOf('172.18.0.3')).toBe(node.hostNet);
    expect(node.hostNet?.listener(10250)).toBeDefined();
    expect(node.hostNet?.listener(80)).toBeUndefined();
  });

  it('declaring a container port take it as their host port, so a second one wanting it waits for another node', () => {
    const c = new Cluster({ workers: 1 });
    c.advance(0);
    const nginx = { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] };
    for (const name of ['first', 'second']) c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { hostNetwork: true, containers: [nginx] } });
    c.advance(30_000);
    expect(get(c, 'first').status.phase).toBe('Running');
    const second = get(c, 'second');
    expect(second.status.phase).toBe('Pending');
    expect(second.status.conditions.find((x: Any) => x.type === 'PodScheduled').message).toMatch(/didn't have free ports for the requested pod ports/);
  });
});
