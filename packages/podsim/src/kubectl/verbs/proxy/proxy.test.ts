/**
 * kubectl proxy and get --raw in the reader's sandbox. Expected texts: the real kubectl 1.32's
 * (`Starting to serve on`, the busy-port error, Complete/Validate errors of get --raw), the
 * apiserver's advertise address IP:6443 in /api (as a kubeadm cluster reports it; kubernetes.io
 * access-cluster page: `"serverAddress": "10.0.1.149:443"`), and the
 * apiserver's ways of writing JSON (compact line for kubectl, indented for curl, /version indented).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../../host/sandbox.js';

describe('kubectl proxy', () => {
  it('serves the cluster API on localhost:8001 in the background; curl gets indented JSON', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run web --image=nginx');
    sb.advance(60_000);
    expect((await sb.run('kubectl get pod web -o jsonpath={.status.phase}')).output).toBe('Running');
    sb.runLine('kubectl proxy &', 100);
    const api = await sb.run('curl -s http://localhost:8001/api');
    expect(api.output).toMatch(/^\{\n {2}"kind": "APIVersions",\n {2}"versions": \[\n {4}"v1"\n {2}\],\n {2}"serverAddressByClientCIDRs": \[\n {4}\{\n {6}"clientCIDR": "0\.0\.0\.0\/0",\n {6}"serverAddress": "172\.18\.0\.2:6443"\n {4}\}\n {2}\]\n\}/);
    const pods = JSON.parse((await sb.run('curl -s localhost:8001/api/v1/namespaces/default/pods')).output) as { kind: string; items: { metadata: { name: string } }[] };
    expect(pods.kind).toBe('PodList');
    expect(pods.items.map((p) => p.metadata.name)).toEqual(['web']);
    expect((await sb.run('curl -s localhost:8001/version')).output).toMatch(/^\{\n {2}"major": "1",/);
    expect((await sb.run('curl -s localhost:8001/healthz')).output).toBe('ok');
    expect((await sb.run('curl -s localhost:8001/api/v1/namespaces/default/pods/nope')).output).toMatch(/"message": "pods \\"nope\\" not found",/);
    expect((await sb.run('curl -s localhost:8001/api/v1/namespaces/default/pods/web/proxy/')).output).toContain('Welcome to nginx!');
    expect((await sb.run('curl -s -o /dev/null -w "%{http_code}" localhost:8001/api/v1/namespaces/default/pods/web/exec')).output).toBe('403');
  });

  it('prints where it serves, refuses a busy port like Go, and stops on Ctrl+C', async () => {
    const sb = new Sandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    sb.runLine('kubectl proxy --port=8080 --api-prefix=/k8s/', 100);
    expect(out).toContain('Starting to serve on 127.0.0.1:8080\r\n');
    sb.write('\x03');
    sb.settle(100);
    expect((await sb.run('curl -s localhost:8080/k8s/api; echo " $?"')).output).toBe(' 7\n');
    sb.runLine('kubectl proxy --port=8080 --api-prefix=/k8s/ &', 100);
    expect((await sb.run('curl -s localhost:8080/api')).output).toBe('404 page not found\n');
    expect((await sb.run('curl -s localhost:8080/k8s/api/v1/namespaces/default/pods')).output).toContain('"kind": "PodList"');
    expect(await sb.run('kubectl proxy --port=8080')).toEqual({ output: 'error: listen tcp 127.0.0.1:8080: bind: address already in use\n', exitCode: 1 });
  });
});

describe('kubectl get --raw', () => {
  it('copies the body as the apiserver writes it for kubectl: one compact JSON line', async () => {
    const sb = new Sandbox();
    const r = await sb.run('kubectl get --raw /api/v1/namespaces/default/pods');
    expect(r.output).toMatch(/^\{"kind":"PodList","apiVersion":"v1","metadata":\{"resourceVersion":"\d+"\},"items":\[\]\}\n$/);
    expect(await sb.run('kubectl get --raw /healthz')).toEqual({ output: 'ok', exitCode: 0 });
    expect(await sb.run('kubectl get --raw /nope')).toEqual({ output: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 });
    expect(await sb.run('kubectl get --raw /api/v1/namespaces/default/pods/nope')).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  it('checks its flags as kubectl 1.32 does', async () => {
    const sb = new Sandbox();
    expect(await sb.run('kubectl get --raw api/v1')).toEqual({ output: 'error: --raw must be a valid URL path: parse "api/v1": invalid URI for request\n', exitCode: 1 });
    expect(await sb.run('kubectl get --raw /api -o json')).toEqual({ output: 'error: --raw and --output are mutually exclusive\n', exitCode: 1 });
    expect(await sb.run('kubectl get pods --raw /api')).toEqual({ output: 'error: arguments may not be passed when --raw is specified\n', exitCode: 1 });
    expect(await sb.run('kubectl get --raw /api -l a=b')).toEqual({ output: 'error: --raw may not be specified with other flags that filter the server request or alter the output\n', exitCode: 1 });
  });
});
