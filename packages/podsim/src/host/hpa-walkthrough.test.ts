/**
 * The HorizontalPodAutoscaler walkthrough (kubernetes/website tasks/run-application/horizontal-pod-autoscale-walkthrough)
 * in virtual time, with the metrics-server add-on: php-apache under the page's load generator scales up
 * to what its CPU use asks for, and back down once the 5-minute stabilization window has passed.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

const row = (out: string) => out.split('\n')[1]?.split(/\s{2,}/) ?? [];

describe('HPA walkthrough', () => {
  it('scales php-apache up under load and down 5 minutes after it stops', async () => {
    const sb = new Sandbox({ addons: ['metrics-server'] });
    sb.writeFile('/home/learner/php-apache.yaml', PHP_APACHE);
    expect((await sb.run('kubectl apply -f php-apache.yaml')).output).toBe('deployment.apps/php-apache created\nservice/php-apache created\n');
    expect((await sb.run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10')).output).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled\n');
    sb.advance(90_000);
    const idle = row((await sb.run('kubectl get hpa')).output);
    expect(idle.slice(0, 6)).toEqual(['php-apache', 'Deployment/php-apache', 'cpu: 0%/50%', '1', '10', '1']);

    const gen = sb.runLine('kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"', 10_000);
    expect(gen.output).toBe("If you don't see a command prompt, try pressing enter.\n");
    const api = sb.cluster.api;
    const hpa = () => {
      const h = api.get('horizontalpodautoscalers', 'default', 'php-apache');
      if (!h.ok) throw new Error('no autoscaler');
      return h.value.status as { currentReplicas?: number; desiredReplicas: number; currentMetrics?: { resource?: { current: { averageUtilization: number } } }[] };
    };
    sb.advance(180_000);
    const busy = hpa();
    const utilization = busy.currentMetrics?.[0]?.resource?.current.averageUtilization ?? 0;
    expect(busy.currentReplicas).toBeGreaterThan(4);
    expect(busy.currentReplicas).toBeLessThanOrEqual(10);
    // Within the 10% tolerance of the 50% target, or held at the maximum.
    expect(utilization <= 55 || busy.currentReplicas === 10).toBe(true);

    // The load stops (the generator's pod goes): nothing scales down within the 5-minute stabilization window.
    const size = () => {
      const d = api.get('deployments', 'default', 'php-apache');
      return d.ok ? (d.value.spec as { replicas: number }).replicas : -1;
    };
    const held = size();
    const stopped = sb.clock.now();
    api.delete('pods', 'default', 'load-generator', { gracePeriodSeconds: 0 });
    let firstDrop: number | undefined;
    while (sb.clock.now() - stopped < 420_000 && size() !== 1) {
      sb.advance(5_000);
      if (firstDrop === undefined && size() < held) firstDrop = sb.clock.now();
    }
    expect(firstDrop! - stopped).toBeGreaterThanOrEqual(300_000);
    expect(size()).toBe(1);
    const events = (await sb.run('kubectl describe hpa php-apache')).output;
    // One pod at its 500m limit is 250% of its request: the first rescale is capped at max(2×1, 4) = 4 pods.
    expect(events).toMatch(/Normal +SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 4; reason: cpu resource utilization \(percentage of request\) above target/);
    expect(events).toMatch(/New size: 1; reason: All metrics below target/);
  }, 120_000);
});

describe('HPA limits and missing metrics', () => {
  it('without metrics-server: <unknown> targets, ScalingActive False and the real warning texts', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl create deployment web --image=nginx');
    await sb.run('kubectl autoscale deployment web --max=5 --cpu-percent=50');
    sb.advance(40_000);
    expect(row((await sb.run('kubectl get hpa')).output).slice(0, 6)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/50%', '1', '5', '1']);
    const text = (await sb.run('kubectl describe hpa web')).output;
    const cause = 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
    expect(text).toContain(`ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: ${cause}\n`);
    expect(text).toMatch(new RegExp(`Warning +FailedComputeMetricsReplicas +\\S+ \\(x2 over \\S+\\) +horizontal-pod-autoscaler +invalid metrics \\(1 invalid out of 1\\), first error is: failed to get cpu resource metric value: `));
  });

  it('brings the target inside minReplicas and maxReplicas whatever the metrics', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl create deployment web --image=nginx');
    await sb.run('kubectl autoscale deployment web --min=3 --max=5');
    sb.advance(16_000);
    expect((await sb.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).output).toBe('3');
    await sb.run('kubectl scale deployment web --replicas=8');
    sb.advance(15_000);
    expect((await sb.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).output).toBe('5');
    const text = (await sb.run('kubectl describe hpa web')).output;
    expect(text).toMatch(/Normal +SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 3; reason: Current number of replicas below Spec.MinReplicas\n/);
    expect(text).toMatch(/Normal +SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 5; reason: Current number of replicas above Spec.MaxReplicas\n/);
    expect(text).toContain('Deployment pods:                                       8 current / 5 desired\n');
  });
});
