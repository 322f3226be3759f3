import { describe, expect, it } from 'vitest';
import { emptyInput, Pipe, StringSink } from '../kernel/streams.js';
import { busybox, hello, testNode } from './testkit.js';

const text = (lines: readonly { text: string }[]) => lines.map((l) => l.text).join('\n');

describe('kubelet streams', () => {
  it('exec runs in the container; a missing binary is an internal error; a stopped container is not found', () => {
    const n = testNode();
    n.run('p', { restartPolicy: 'Never', containers: [busybox('sleep 10')] });
    n.advance(3);
    expect(n.exec('p', 'box', ['echo', 'hi'])).toMatchObject({ ok: true, code: 0, out: 'hi\n' });
    expect(n.exec('p', 'box', ['bash']).error).toMatch(/^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown$/);
    expect(n.exec('p', 'nope', ['ls']).error).toBe('container nope is not valid for pod p');
    n.advance(10);
    expect(n.exec('p', 'box', ['ls']).error).toBe('container not found ("box")');
  });

  it('logs: current, previous, and the waiting-to-start texts', () => {
    const n = testNode();
    n.run('web', { containers: [hello()] });
    n.advance(0.5);
    const early = n.kubelet.logs('default', 'web', 'hello-world', {});
    expect(!early.ok && early.status.message).toBe('container "hello-world" in pod "web" is waiting to start: ContainerCreating');
    n.advance(3);
    const cur = n.kubelet.logs('default', 'web', 'hello-world', {});
    expect(cur.ok && cur.running).toBe(true);
    expect(cur.ok && text(cur.log.lines())).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Server listening on port 8080$/);
    const prev = n.kubelet.logs('default', 'web', 'hello-world', { previous: true });
    expect(!prev.ok && prev.status).toMatchObject({ reason: 'BadRequest', message: 'previous terminated container "hello-world" in pod "web" not found' });
    n.exec('web', undefined, ['killall', 'hello-app']);
    n.advance(3);
    const after = n.kubelet.logs('default', 'web', 'hello-world', { previous: true });
    expect(after.ok && after.running).toBe(false);
    const bad = n.kubelet.logs('default', 'web', 'other', {});
    expect(!bad.ok && bad.status.message).toBe('container other is not valid for pod web');
  });

  it('logs of a pod whose image cannot be pulled', () => {
    const n = testNode();
    n.run('bad', { containers: [{ name: 'web', image: 'nginxx:1.0' }] });
    n.advance(1.5);
    const r = n.kubelet.logs('default', 'bad', 'web', {});
    expect(!r.ok && r.status.message).toMatch(/^container "web" in pod "bad" is waiting to start: (image can't be pulled|trying and failing to pull image)$/);
  });

  it('port-forward reaches a listening port of the pod', () => {
    const n = testNode();
    n.run('web', { containers: [hello()] });
    n.advance(3);
    const r = n.kubelet.portForward('default', 'web', 8080);
    expect(r.ok).toBe(true);
    const closed = n.kubelet.portForward('default', 'web', 9999);
    expect(!closed.ok && closed.status.message).toContain('dial tcp4 127.0.0.1:9999: connect: connection refused');
    const out = new StringSink();
    expect(n.kubelet.exec('default', 'nothere', undefined, ['ls'], { stdin: emptyInput, stdout: out, stderr: out, tty: false })).toMatchObject({ ok: false, status: { reason: 'NotFound' } });
  });
});

describe('attach', () => {
  it('connects to the main process of a container started with stdin', () => {
    const n = testNode();
    n.run('it', { containers: [busybox('sh', { command: ['sh'], stdin: true, stdinOnce: true })] });
    n.advance(3);
    const input = new Pipe();
    const out = new StringSink();
    const r = n.kubelet.attach('default', 'it', 'box', { stdin: input, stdout: out, stderr: out, tty: false });
    expect(r.ok).toBe(true);
    input.write('echo attached\n');
    n.advance(0.1);
    expect(out.text).toContain('attached');
    input.write('exit 3\n');
    n.advance(0.1);
    expect(r.ok && r.proc.exitCode).toBe(3);
  });
});
