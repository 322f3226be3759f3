/**
 * kubectl top once metrics-server is installed from its release manifest: usage follows what the
 * programs do (stress's hogs and allocations, an idle nginx), CPU limits throttle, new pods wait for
 * a scrape. Layouts are checked against the real kubectl in the differential suite.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../host/sandbox.js';

const MANIFEST = 'https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml';

const LIMITED = `apiVersion: v1
kind: Pod
metadata:
  name: limited
spec:
  containers:
  - name: hog
    image: polinux/stress
    command: ["stress", "--cpu", "2"]
    resources:
      limits:
        cpu: 500m
`;

async function withMetricsServer() {
  const sb = new Sandbox({ files: { 'limited.yaml': LIMITED } });
  const run = async (c: string) => {
    const r = await sb.run(c);
    return { out: r.output, code: r.exitCode };
  };
  expect((await run(`kubectl apply -f ${MANIFEST}`)).out).toContain('apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io created\n');
  return { sb, run };
}

/** `NAME CPU MEMORY` rows of `kubectl top pod` as [name, millicores, MiB]. */
function rows(out: string): [string, number, number][] {
  return out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [name, cpu, mem] = l.trim().split(/\s+/);
      return [name, parseInt(cpu, 10), parseInt(mem, 10)];
    });
}

describe('kubectl top with metrics-server', () => {
  it('is unavailable until the metrics-server pod is ready and the APIService available', async () => {
    const { sb, run } = await withMetricsServer();
    sb.advance(10_000);
    expect(await run('kubectl top pod')).toEqual({ out: 'error: Metrics API not available\n', code: 1 });
    expect((await run('kubectl get apiservice v1beta1.metrics.k8s.io')).out).toContain('False (MissingEndpoints)');
    sb.advance(30_000);
    expect((await run('kubectl get apiservice v1beta1.metrics.k8s.io')).out).toMatch(/kube-system\/metrics-server\s+True\s/);
    expect((await run('kubectl get --raw /apis/metrics.k8s.io/v1beta1')).out).toContain('"kind":"PodMetrics"');
    expect((await run('kubectl top pod')).out).toBe('No resources found in default namespace.\n');
  });

  it('reports what each program consumes: stress hogs and allocations, an idle nginx, throttled by a CPU limit', async () => {
    const { sb, run } = await withMetricsServer();
    await run('kubectl run web --image=nginx');
    await run('kubectl run mem --image=polinux/stress -- stress --vm 1 --vm-bytes 150M --vm-hang 10');
    await run('kubectl run burn --image=vish/stress -- -cpus 1');
    await run('kubectl apply -f limited.yaml');
    sb.advance(60_000);
    const top = new Map(rows((await run('kubectl top pod')).out).map(([n, c, m]) => [n, { cpu: c, mem: m }]));
    expect(top.get('web')).toEqual({ cpu: 0, mem: 3 });
    expect(top.get('mem')?.mem).toBe(150);
    expect(top.get('burn')?.cpu).toBe(1000);
    expect(top.get('limited')?.cpu).toBe(500);
    expect(rows((await run('kubectl top pod --sort-by=cpu')).out).map((r) => r[0])).toEqual(['burn', 'limited', 'mem', 'web']);
    // The node running the 1-core burner shows it on top of its own share.
    const node = (await run('kubectl get pod burn -o jsonpath={.spec.nodeName}')).out;
    const line = (await run(`kubectl top node ${node}`)).out.split('\n')[1];
    expect(parseInt(line.split(/\s+/)[1], 10)).toBeGreaterThanOrEqual(1000);
  });

  it('follows the workload as it changes and waits a scrape for new pods', async () => {
    const { sb, run } = await withMetricsServer();
    await run('kubectl run w --image=busybox -- sh -c "sleep 3600"');
    sb.advance(60_000);
    expect(rows((await run('kubectl top pod w')).out)[0][1]).toBe(0);
    await run('kubectl delete pod w --grace-period=0 --force');
    await run('kubectl run w2 --image=polinux/stress -- sh -c "stress --cpu 1 --timeout 40; sleep 3600"');
    expect(await run('kubectl top pod w2')).toEqual({ out: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/w2" not found\n', code: 1 });
    sb.advance(35_000);
    expect(rows((await run('kubectl top pod w2')).out)[0][1]).toBeGreaterThan(900);
    // stress ends after 40 s and the shell sleeps: one window later the pod is idle again.
    sb.advance(45_000);
    expect(rows((await run('kubectl top pod w2')).out)[0]).toEqual(['w2', 0, 0]);
  });

  it("says which pod has no metrics when it is old enough to have been scraped", async () => {
    const { sb, run } = await withMetricsServer();
    sb.advance(60_000);
    await run('kubectl run lone --image=nginx');
    sb.advance(1_000);
    expect(await run('kubectl top pod -l run=lone')).toEqual({ out: 'error: metrics not available yet\n', code: 1 });
  });
});
