/**
 * In-place resize (InPlacePodVerticalScaling on, as the resize-container-resources page's prerequisites ask).
 * Expected outputs: that page at kubernetes/website e6bd301 (qos-pod-5.yaml: resizePolicy defaulted to
 * NotRequired for cpu and memory, containerStatuses[].resources equal to the spec, 800m after
 * `kubectl patch --subresource resize`, restartCount 0); kubernetes test/e2e/node/pod_resize.go's error table
 * (a BestEffort pod asking for memory: "Pod QoS is immutable"); kubectl 1.32 patch.go's supported subresources
 * (status, scale, resize) and the NotFound of a subresource the server does not register.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

const QOS_POD_5 = `apiVersion: v1
kind: Pod
metadata:
  name: qos-demo-5
  namespace: qos-example
spec:
  containers:
  - name: qos-demo-ctr-5
    image: nginx
    resources:
      limits:
        memory: "200Mi"
        cpu: "700m"
      requests:
        memory: "200Mi"
        cpu: "700m"
`;
const PATCH = `kubectl -n qos-example patch pod qos-demo-5 --subresource resize --patch '{"spec":{"containers":[{"name":"qos-demo-ctr-5", "resources":{"requests":{"cpu":"800m"}, "limits":{"cpu":"800m"}}}]}}'`;
const json = async (sb: Sandbox, path: string) => JSON.parse((await sb.run(`kubectl -n qos-example get pod qos-demo-5 -o jsonpath='${path}'`)).output);

async function qosPod5(featureGates: Record<string, boolean>): Promise<Sandbox> {
  const sb = new Sandbox({ files: { 'qos-pod-5.yaml': QOS_POD_5 }, featureGates });
  await sb.run('kubectl create namespace qos-example');
  expect((await sb.run('kubectl create -f qos-pod-5.yaml')).output).toBe('pod/qos-demo-5 created\n');
  sb.advance(20_000);
  return sb;
}

describe('in-place pod resize (InPlacePodVerticalScaling on)', () => {
  it('defaults the resize policies and shows the allocated resources of the running container', async () => {
    const sb = await qosPod5({ InPlacePodVerticalScaling: true });
    expect(await json(sb, '{.spec.containers[0].resizePolicy}')).toEqual([
      { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      { resourceName: 'memory', restartPolicy: 'NotRequired' },
    ]);
    expect(await json(sb, '{.status.containerStatuses[0].resources}')).toEqual({ limits: { cpu: '700m', memory: '200Mi' }, requests: { cpu: '700m', memory: '200Mi' } });
  });

  it('resizes the running container through pods/resize without restarting it', async () => {
    const sb = await qosPod5({ InPlacePodVerticalScaling: true });
    const id = (await sb.run(`kubectl -n qos-example get pod qos-demo-5 -o jsonpath='{.status.containerStatuses[0].containerID}'`)).output;
    expect(await sb.run(PATCH)).toEqual({ output: 'pod/qos-demo-5 patched\n', exitCode: 0 });
    sb.advance(3_000);
    const want = { limits: { cpu: '800m', memory: '200Mi' }, requests: { cpu: '800m', memory: '200Mi' } };
    expect(await json(sb, '{.spec.containers[0].resources}')).toEqual(want);
    expect(await json(sb, '{.status.containerStatuses[0].resources}')).toEqual(want);
    expect(await json(sb, '{.status.containerStatuses[0].restartCount}')).toBe(0);
    expect((await sb.run(`kubectl -n qos-example get pod qos-demo-5 -o jsonpath='{.status.containerStatuses[0].containerID}'`)).output).toBe(id);
    expect((await sb.run(`kubectl -n qos-example get pod qos-demo-5 -o jsonpath='{.status.resize}'`)).output).toBe('');
  });

  it('refuses a resize that would change the QoS class', async () => {
    const sb = new Sandbox({ featureGates: { InPlacePodVerticalScaling: true } });
    await sb.run('kubectl run c1 --image=nginx');
    sb.advance(20_000);
    const r = await sb.run(`kubectl patch pod c1 --subresource resize -p '{"spec":{"containers":[{"name":"c1", "resources":{"requests":{"memory":"400Mi"}}}]}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('Pod QoS is immutable');
  });

  it('has no resize subresource with the gate off, and never shows status resources', async () => {
    const sb = await qosPod5({});
    expect(await sb.run(PATCH)).toEqual({ output: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 });
    expect((await sb.run(`kubectl -n qos-example get pod qos-demo-5 -o jsonpath='{.status.containerStatuses[0].resources}{.spec.containers[0].resizePolicy}'`)).output).toBe('');
  });
});
