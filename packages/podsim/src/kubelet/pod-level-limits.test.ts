/**
 * Pod-level limits bound the containers under them, as the pod cgroup does (PodLevelResources on). Expected
 * behaviour: the assign-pod-level-resources page (kubernetes/website e6bd301: stress allocating 150M "is
 * greater than the Pod's 100 MiB request, but within the Pod's 200 MiB limit"; `-cpus 2` under a pod CPU limit
 * of 1 "is only being allowed to use about 1 CPU") and the memory cgroup's OOM kill (exit 137, OOMKilled).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

const pod = (name: string, image: string, resources: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  resources:
${resources}
  containers:
  - name: ctr
    image: ${image}
${command}
`;
const STRESS = '    command: ["stress"]\n    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]';

describe('pod-level limits (PodLevelResources on)', () => {
  it('a container allocating within the pod memory limit runs; over it, the OOM killer ends it', async () => {
    const sb = new Sandbox({
      featureGates: { PodLevelResources: true },
      files: {
        'within.yaml': pod('within', 'polinux/stress', '    requests:\n      memory: 100Mi\n    limits:\n      memory: 200Mi', STRESS),
        'over.yaml': pod('over', 'polinux/stress', '    limits:\n      memory: 100Mi', STRESS),
      },
    });
    await sb.run('kubectl apply -f within.yaml -f over.yaml');
    sb.advance(20_000);
    expect((await sb.run("kubectl get pod within -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}'")).output).not.toBe('');
    expect((await sb.run("kubectl get pod over -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'")).output).toBe('OOMKilled 137');
  });

  it('a container wanting two cores gets about one under a pod CPU limit of 1', async () => {
    const sb = new Sandbox({
      featureGates: { PodLevelResources: true },
      addons: ['metrics-server'],
      files: { 'cpu.yaml': pod('cpu-demo', 'vish/stress', '    limits:\n      cpu: "1"\n    requests:\n      cpu: "0.5"', '    args:\n    - -cpus\n    - "2"') },
    });
    await sb.run('kubectl apply -f cpu.yaml');
    sb.advance(90_000);
    const row = (await sb.run('kubectl top pod cpu-demo --no-headers')).output;
    const milli = Number(/^cpu-demo\s+(\d+)m/.exec(row)?.[1]);
    expect(milli).toBeGreaterThan(900);
    expect(milli).toBeLessThanOrEqual(1000);
  });
});
