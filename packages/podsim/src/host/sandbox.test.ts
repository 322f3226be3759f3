import { describe, expect, it } from 'vitest';
import type { EditorRequest } from './sandbox-types.js';
import { HELLO_POD as POD } from '../../test/support/manifests.js';
import { createSandbox, restoreSandbox } from './sandbox.js';

describe('sandbox façade', () => {
  it('run() returns what the terminal showed, without the echo and the next prompt', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    expect(await sb.run('echo hello; ls')).toEqual({ output: 'hello\npod.yaml\n', exitCode: 0 });
    expect(await sb.run('nope')).toEqual({ output: 'bash: nope: command not found\n', exitCode: 127 });
    expect(await sb.run('pwd; hostname; whoami')).toEqual({ output: '/home/learner\npodlab\nlearner\n', exitCode: 0 });
  });

  it('the reader’s file commands work on the working directory and the façade sees the files', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    await sb.run('mkdir manifests && cp pod.yaml manifests/copy.yaml && echo extra >> notes.txt');
    expect(sb.listFiles().sort()).toEqual(['manifests/copy.yaml', 'notes.txt', 'pod.yaml']);
    expect(sb.readFile('notes.txt')).toBe('extra\n');
    sb.writeFile('new.txt', 'from the editor\n');
    expect((await sb.run('cat new.txt | wc -l')).output.trim()).toBe('1');
    expect((await sb.run('head -n 2 pod.yaml')).output).toBe('apiVersion: v1\nkind: Pod\n');
  });

  it('shows the prompt and echoes typing through onOutput', () => {
    const sb = createSandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    sb.write('ec');
    expect(out).toBe('ec');
  });

  it('vi asks the UI to open the file and returns when the editor is closed', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    const requests: EditorRequest[] = [];
    sb.onOpenEditor((r) => requests.push(r));
    const r = await sb.run('vi pod.yaml; echo "closed $?"');
    expect(r.output).toBe('');
    expect(requests).toEqual([{ path: 'pod.yaml', content: POD, mode: 'vi' }]);
    sb.writeFile('pod.yaml', POD.replace('80', '8080'));
    let out = '';
    sb.onOutput((d) => (out += d));
    sb.editorClosed('pod.yaml', true);
    sb.advance(10);
    expect(out).toContain('closed 0');
    expect(sb.readFile('pod.yaml')).toContain('8080');
  });

  it('snapshot() shows nodes, pods with containers, and events', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    await sb.run('kubectl apply -f pod.yaml');
    sb.advance(10_000);
    const snap = sb.snapshot();
    expect(snap.nodes.map((n) => n.name)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    expect(snap.pods).toHaveLength(1);
    const pod = snap.pods[0];
    expect([pod.name, pod.status, pod.ready, pod.phase]).toEqual(['hello-world-pod', 'Running', '1/1', 'Running']);
    expect(pod.containers.map((c) => [c.name, c.state, c.ready])).toEqual([['hello-world', 'running', true]]);
    expect(snap.events.map((e) => e.reason)).toContain('Started');
  });

  it("snapshot() holds the reader's namespaces only, as kubectl get without -A", async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    sb.advance(30_000);
    // kubeadm's: CoreDNS (2), etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy on each of the 4 nodes.
    expect((await sb.run('kubectl get pods -n kube-system --no-headers | wc -l')).output.trim()).toBe('10');
    const fresh = sb.snapshot();
    expect([fresh.pods, fresh.workloads, fresh.events]).toEqual([[], [], []]);
    await sb.run('kubectl create namespace shop && kubectl apply -n shop -f pod.yaml');
    sb.advance(10_000);
    const snap = sb.snapshot();
    expect(snap.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['shop/hello-world-pod']);
    expect(snap.events.length).toBeGreaterThan(0);
    expect(snap.events.every((e) => e.object === 'pod/hello-world-pod')).toBe(true);
  });

  it('time: speed scales ticks, 0 pauses, advance jumps', () => {
    const sb = createSandbox();
    const t0 = sb.now();
    sb.tick(1000);
    expect(sb.now() - t0).toBe(1000);
    sb.setSpeed(10);
    sb.tick(1000);
    expect(sb.now() - t0).toBe(11_000);
    sb.setSpeed(0);
    sb.tick(1000);
    expect(sb.now() - t0).toBe(11_000);
    sb.advance(5000);
    expect(sb.now() - t0).toBe(16_000);
    expect(sb.getSpeed()).toBe(0);
  });

  it('exportState + restoreSandbox replays to the same cluster and terminal state', async () => {
    const sb = createSandbox({ seed: 7, files: { 'pod.yaml': POD } });
    await sb.run('kubectl apply -f pod.yaml');
    sb.advance(3000);
    sb.tick(2500);
    await sb.run('kubectl get pods -o wide');
    const state = JSON.parse(JSON.stringify(sb.exportState()));
    const copy = restoreSandbox(state);
    let replayed = '';
    copy.onOutput((d) => (replayed += d));
    expect(copy.now()).toBe(sb.now());
    expect(copy.snapshot()).toEqual(sb.snapshot());
    expect(replayed).toBe('');
    expect(await copy.run('kubectl get pods')).toEqual(await sb.run('kubectl get pods'));
  });

  it('kubectl run -it: the attached shell redraws its prompt, and a typed line runs before the terminal waits again', async () => {
    const sb = createSandbox();
    let raw = '';
    sb.onOutput((d) => (raw += d));
    await sb.run('kubectl run -it bb --image=busybox:1.28 --restart=Never -- sh');
    expect(raw.endsWith("If you don't see a command prompt, try pressing enter.\r\n\r/ # ")).toBe(true);
    // The shell reads a pipe, not this terminal: its work is done before run() returns.
    expect((await sb.run('echo hi')).output).toBe('hi\n');
    expect((await sb.run('exit')).exitCode).toBe(0);
    sb.advance(2000);
    expect((await sb.run('kubectl get pod bb -o jsonpath={.status.phase}')).output).toBe('Succeeded');
  });

  it('kubectl exec -it runs an interactive ash in the container on the same terminal', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': POD } });
    await sb.run('kubectl apply -f pod.yaml');
    sb.advance(10_000);
    let raw = '';
    sb.onOutput((d) => (raw += d));
    expect(await sb.run('kubectl exec -it hello-world-pod -- /bin/sh')).toEqual({ output: '', exitCode: 0 });
    expect(raw.endsWith('/ # ')).toBe(true);
    const t0 = sb.now();
    expect((await sb.run('sleep 3; echo slept')).output).toBe('slept\n');
    expect(sb.now() - t0).toBeGreaterThanOrEqual(3000);
    sb.write('sleep 100\r');
    sb.advance(500);
    raw = '';
    sb.write('\x03');
    sb.advance(10);
    expect(raw).toBe('^C\r\n/ # ');
    // The remote shell exits with the status of the interrupted sleep, as a real one would.
    expect(await sb.run('exit')).toEqual({ output: 'command terminated with exit code 130\n', exitCode: 130 });
    expect((await sb.run('echo back')).output).toBe('back\n');
  });

  it('never throws into the host', async () => {
    const sb = createSandbox();
    expect(() => sb.write('\x1b[999;999R\x00\uffff')).not.toThrow();
    expect(() => sb.editorClosed('never-opened', true)).not.toThrow();
    expect(() => sb.resize(-1, 0)).not.toThrow();
    expect(sb.readFile('missing')).toBeUndefined();
    expect((await sb.run('echo "unterminated')).exitCode).toBe(0);
  });
});
