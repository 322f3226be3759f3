/**
 * Services reached from outside the cluster: the MetalLB-style load-balancer provider and kube-proxy's
 * NodePort rules. Expected texts: MetalLB's events (controller/service.go `Assigned IP %q` of the address
 * list, speaker/main.go `announcing from node %q with protocol %q`), kube-proxy's metrics server
 * (`/proxyMode` prints the mode, iptables on kubeadm) and its service health check body
 * (pkg/proxy/healthcheck/service_health.go, 200 with local endpoints, 503 without), the API server's
 * LoadBalancerIPMode defaulting (VIP) and kubectl 1.32's describe (`LoadBalancer Ingress: IP (VIP)`).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

async function echoserver(sb: Sandbox, type: string): Promise<void> {
  await sb.run('kubectl create deployment source-ip-app --image=registry.k8s.io/echoserver:1.10');
  sb.advance(30_000);
  await sb.run(`kubectl expose deployment source-ip-app --name=lb --port=80 --target-port=8080 --type=${type}`);
  sb.advance(2_000);
}

const clientAddress = (out: string) => /client_address=(\S+)/.exec(out)?.[1];

describe('a LoadBalancer Service on the playground cluster', () => {
  it('gets the first address of the pool, announced by a worker, and answers the reader with the node as client (Cluster policy)', async () => {
    const sb = new Sandbox();
    await echoserver(sb, 'LoadBalancer');
    const get = (await sb.run('kubectl get svc lb')).output.split('\n')[1];
    expect(get).toMatch(/^lb +LoadBalancer +10\.\d+\.\d+\.\d+ +172\.18\.255\.200 +80:3\d{4}\/TCP +\d+s$/);
    const describe = (await sb.run('kubectl describe svc lb')).output;
    expect(describe).toContain('LoadBalancer Ingress:     172.18.255.200 (VIP)\n');
    expect(describe).toMatch(/Normal {2}IPAllocated +\d+s +metallb-controller +Assigned IP \["172\.18\.255\.200"\]\n/);
    expect(describe).toMatch(/Normal {2}nodeAssigned +\d+s +metallb-speaker +announcing from node "node0\d" with protocol "layer2"\n/);
    const node = /announcing from node "(node0\d)"/.exec(describe)?.[1];
    const nodeIP = (await sb.run(`kubectl get node ${node} -o jsonpath='{.status.addresses[0].address}'`)).output;
    const curl = await sb.run('curl -s 172.18.255.200');
    expect(curl.exitCode).toBe(0);
    expect(clientAddress(curl.output)).toBe(nodeIP);
    // curl --resolve: the name given for that port goes to the address without DNS, and is the Host header.
    const named = (await sb.run('curl -s --resolve hello-world.example:80:172.18.255.200 http://hello-world.example/v2')).output;
    expect(named).toContain('\thost=hello-world.example\n'.replace('\t', '        '));
    expect(named).toContain('real path=/v2\n');
    // A second Service gets the next address; a Service that stops being a load balancer gives its address back.
    await sb.run('kubectl expose deployment source-ip-app --name=lb2 --port=80 --target-port=8080 --type=LoadBalancer');
    sb.advance(1_000);
    expect((await sb.run(`kubectl get svc lb2 -o jsonpath='{.status.loadBalancer.ingress}'`)).output).toBe('[{"ip":"172.18.255.201","ipMode":"VIP"}]');
    await sb.run(`kubectl patch svc lb -p '{"spec":{"type":"NodePort"}}'`);
    sb.advance(1_000);
    expect((await sb.run(`kubectl get svc lb -o jsonpath='{.status}'`)).output).toBe('{"loadBalancer":{}}');
    expect((await sb.run('curl -s --connect-timeout 1 172.18.255.200')).exitCode).not.toBe(0);
  });

  it('keeps the client address with externalTrafficPolicy Local and health-checks each node on its own port', async () => {
    const sb = new Sandbox();
    await echoserver(sb, 'LoadBalancer');
    await sb.run(`kubectl patch svc lb -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    sb.advance(1_000);
    const hc = Number((await sb.run(`kubectl get svc lb -o jsonpath='{.spec.healthCheckNodePort}'`)).output);
    expect(hc).toBeGreaterThanOrEqual(30000);
    expect(hc).toBeLessThanOrEqual(32767);
    expect(clientAddress((await sb.run('curl -s 172.18.255.200')).output)).toBe('172.18.0.1');
    const podNode = (await sb.run(`kubectl get pods -l app=source-ip-app -o jsonpath='{.items[0].spec.nodeName}'`)).output;
    const ip = (n: string) => sb.run(`kubectl get node ${n} -o jsonpath='{.status.addresses[0].address}'`).then((r) => r.output);
    const other = podNode === 'node01' ? 'node02' : 'node01';
    const withPod = await sb.run(`curl -si ${await ip(podNode)}:${hc}/healthz`);
    expect(withPod.output).toContain('HTTP/1.1 200 OK');
    // The body is indented with tabs, which the terminal shows as spaces.
    expect(withPod.output.replace(/ +/g, ' ')).toContain(`{\n "service": {\n "namespace": "default",\n "name": "lb"\n },\n "localEndpoints": 1,\n "serviceProxyHealthy": true\n}`);
    const without = await sb.run(`curl -si ${await ip(other)}:${hc}/healthz`);
    expect(without.output).toContain('HTTP/1.1 503 Service Unavailable');
    expect(without.output).toContain('"localEndpoints": 0,');
    // Back to Cluster: the health check port is released.
    await sb.run(`kubectl patch svc lb -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`);
    expect((await sb.run(`kubectl get svc lb -o jsonpath='{.spec.healthCheckNodePort}'`)).output).toBe('');
  });

  it('answers on every node port, and a Local NodePort Service only on the nodes that run an endpoint', async () => {
    const sb = new Sandbox();
    await echoserver(sb, 'NodePort');
    const port = (await sb.run(`kubectl get svc lb -o jsonpath='{.spec.ports[0].nodePort}'`)).output;
    for (const n of [2, 3, 4, 5]) expect(clientAddress((await sb.run(`curl -s 172.18.0.${n}:${port}`)).output)).toBe(`172.18.0.${n}`);
    await sb.run(`kubectl patch svc lb -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    sb.advance(1_000);
    const answers = [];
    for (const n of [2, 3, 4, 5]) answers.push(clientAddress((await sb.run(`curl -s --connect-timeout 1 172.18.0.${n}:${port}`)).output));
    expect(answers.filter((a) => a === '172.18.0.1')).toHaveLength(1);
    expect(answers.filter((a) => a === undefined)).toHaveLength(3);
  });

  it('has kube-proxy report its mode on each node', async () => {
    const sb = new Sandbox();
    sb.runLine('ssh node01');
    expect(sb.runLine('curl http://localhost:10249/proxyMode; echo')).toEqual({ output: 'iptables\n', exitCode: 0 });
    expect(sb.runLine('curl -s -o /dev/null -w "%{http_code}" http://localhost:10249/metricz; echo').output).toBe('404\n');
  });
});
