import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { newDir } from '../kernel/fs.js';
import { exitOf, logText, testPod } from './testing.js';

const HELLO = 'gcr.io/google-samples/hello-app:1.0';


describe('container start and exit', () => {
  it('hello-app serves, logs in Go format and exits 2 on SIGTERM as PID 1', () => {
    const pod = testPod({ name: 'hello-world-pod' });
    pod.clock.advance(3000);
    const c = pod.run(HELLO);
    expect(c.running).toBe(true);
    expect(c.stopSignal).toBe(SIGNALS.SIGTERM);
    const { out } = pod.exec(c, ['wget', '-qO-', 'localhost:8080']);
    pod.clock.flush();
    expect(out.text).toBe('Hello, world!\nVersion: 1.0.0\nHostname: hello-world-pod\n');
    expect(logText(c)).toBe('2026/11/27 09:00:03 Server listening on port 8080\n2026/11/27 09:00:03 Serving request: /\n');
    c.kill(SIGNALS.SIGTERM);
    expect(exitOf(c)).toEqual({ exitCode: 2, reason: 'Error', finishedAt: pod.clock.now() });
    expect(c.running).toBe(false);
  });

  it('killall hello-app from an exec session exits 0 and ends the container with 2', () => {
    const pod = testPod();
    const c = pod.run(HELLO);
    const { proc, err } = pod.exec(c, ['/usr/bin/killall', 'hello-app']);
    expect(proc.exitCode).toBe(0);
    expect(err.text).toBe('');
    pod.clock.flush();
    expect(exitOf(c)?.exitCode).toBe(2);
    expect(exitOf(c)?.reason).toBe('Error');
  });

  it('sleep as PID 1 ignores SIGTERM and dies by SIGKILL with 137', () => {
    const pod = testPod();
    const c = pod.run('busybox', { command: ['sleep', '3600'] });
    c.kill(SIGNALS.SIGTERM);
    expect(c.running).toBe(true);
    c.kill(SIGNALS.SIGKILL);
    expect(exitOf(c)).toMatchObject({ exitCode: 137, reason: 'Error', signal: 9 });
  });

  // PIDs skip the ids runc's init threads took (RUNC_INIT_THREADS): pause 1, the container 8, an exec 14.
  it('under a shared PID namespace pause is PID 1 and sleep dies by SIGTERM with 143', () => {
    const pod = testPod({ share: true });
    const c = pod.run('busybox', { command: ['sleep', '3600'] });
    const { out } = pod.exec(c, ['ps']);
    expect(out.text).toBe('PID   USER     TIME  COMMAND\n    1 65535     0:00 /pause\n    8 root      0:00 sleep 3600\n   14 root      0:00 ps\n');
    c.kill(SIGNALS.SIGTERM);
    expect(exitOf(c)).toMatchObject({ exitCode: 143, reason: 'Error', signal: 15 });
  });

  it("sh -c execs the string's last command in its place (ash's EV_EXIT), bash only a lone simple command", () => {
    const pod = testPod();
    const one = pod.run('busybox:1.28', { name: 'one', command: ['sh', '-c', 'sleep 1h'] });
    // tasks/configure-pod-container/security-context prints `1 1000 0:00 sleep 1h` for this command.
    pod.clock.advance(1000);
    expect(pod.exec(one, ['ps']).out.text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1h\n    8 root      0:00 ps\n');
    const list = pod.run('busybox:1.28', { name: 'list', command: ['sh', '-c', 'echo started; sleep 1h'] });
    pod.clock.advance(1000);
    expect(pod.exec(list, ['ps']).out.text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1h\n    8 root      0:00 ps\n');
    expect(logText(list)).toBe('started\n');
    const trapped = pod.run('busybox:1.28', { name: 'trapped', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 1h"] });
    pod.clock.advance(1000);
    expect(pod.exec(trapped, ['ps']).out.text).toBe("PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c trap 'exit 0' TERM; sleep 1h\n    8 root      0:00 sleep 1h\n    9 root      0:00 ps\n");
    const deb = pod.run('debian', { name: 'deb', command: ['bash', '-c', 'sleep 3600'] });
    const debList = pod.run('debian', { name: 'deblist', command: ['bash', '-c', 'echo hi; sleep 3600'] });
    pod.clock.advance(1000);
    expect(deb.processes().map((p) => p.argv.join(' '))).toEqual(['sleep 3600']);
    expect(debList.processes().map((p) => p.argv.join(' '))).toEqual(['bash -c echo hi; sleep 3600', 'sleep 3600']);
  });

  it('ps names users from its own image: another container\'s nginx workers are uid 101 to busybox (share-process-namespace)', () => {
    const pod = testPod({ share: true });
    pod.run('nginx', { name: 'nginx' });
    const shell = pod.run('busybox:1.28', { name: 'shell', command: ['sleep', '3600'] });
    const rows = pod.exec(shell, ['ps', 'ax']).out.text.split('\n');
    expect(rows.filter((r) => r.includes('worker process')).map((r) => r.slice(6, 14))).toEqual(['101     ', '101     ']);
    expect(rows.find((r) => r.includes('master process'))?.slice(6, 14)).toBe('root    ');
  });

  it('a command that exits 0 is Completed, non-zero is Error; args replace CMD, command replaces ENTRYPOINT', () => {
    const pod = testPod();
    const ok = pod.run('busybox', { name: 'a', command: ['echo'], args: ['hi', 'there'] });
    expect(exitOf(ok)).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(logText(ok)).toBe('hi there\n');
    const bad = pod.run('busybox', { name: 'b', args: ['false'] });
    expect(exitOf(bad)).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('busybox default CMD sh with no stdin exits 0 at once', () => {
    const pod = testPod();
    const c = pod.run('busybox');
    expect(exitOf(c)).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('a missing executable fails start with runc text and exit code 128', () => {
    const pod = testPod();
    const created = pod.sandbox.createContainer({ name: 'c', image: 'busybox', imageRef: 'busybox', command: ['foo'], env: {}, mounts: [] });
    if (!created.ok) throw new Error(created.message);
    expect(created.container.start()).toEqual({
      ok: false,
      exitCode: 128,
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    });
    const abs = pod.sandbox.createContainer({ name: 'd', image: 'busybox', imageRef: 'busybox', command: ['/app/run'], env: {}, mounts: [] });
    if (!abs.ok) throw new Error(abs.message);
    const r = abs.container.start();
    expect(r.ok === false && r.message).toContain('exec: "/app/run": stat /app/run: no such file or directory: unknown');
  });

  it('a second hello-app on the same port in the pod crashes with the Go bind error', () => {
    const pod = testPod();
    pod.run(HELLO, { name: 'one' });
    const two = pod.run(HELLO, { name: 'two' });
    expect(exitOf(two)).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(logText(two)).toBe('2026/11/27 09:00:00 Server listening on port 8080\n2026/11/27 09:00:00 listen tcp :8080: bind: address already in use\n');
  });
});

describe('exec', () => {
  it('a missing binary gives the OCI exec text and 127; the process table shows the container', () => {
    const pod = testPod();
    const c = pod.run(HELLO);
    const r = c.exec(['/bin/bash'], { stdin: { read: () => ({ subscribe: (f) => (f(null), () => {}) }) }, stdout: { write() {} }, stderr: { write() {} }, tty: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.exitCode).toBe(127);
      expect(r.message).toMatch(/^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "\/bin\/bash": stat \/bin\/bash: no such file or directory: unknown$/);
    }
    const { out } = pod.exec(c, ['ps']);
    expect(out.text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 ./hello-app\n    8 root      0:00 ps\n');
  });
});

describe('volumes and termination messages', () => {
  it('two containers share an emptyDir; a writer appends, the reader sees it', () => {
    const pod = testPod();
    const vol = newDir();
    const writer = pod.run('busybox', { name: 'w', command: ['sleep', '3600'], mounts: [{ path: '/data', volume: vol, readOnly: false }] });
    const reader = pod.run('alpine', { name: 'r', command: ['sleep', '3600'], mounts: [{ path: '/in', volume: vol, readOnly: true }] });
    pod.exec(writer, ['tee', '/data/f'], 'Fri Nov 27 09:00:00 UTC 2026\n');
    expect(pod.exec(reader, ['cat', '/in/f']).out.text).toBe('Fri Nov 27 09:00:00 UTC 2026\n');
    const ro = pod.exec(reader, ['tee', '/in/g'], 'x');
    expect(ro.err.text).toBe("tee: can't open '/in/g': Read-only file system\n");
  });

  it('FallbackToLogsOnError uses the log tail when the file is empty and the exit failed', () => {
    const pod = testPod();
    const c = pod.run('busybox', { command: ['cat', '/nope'], terminationMessagePolicy: 'FallbackToLogsOnError' });
    expect(exitOf(c)).toMatchObject({ exitCode: 1, message: "cat: can't open '/nope': No such file or directory\n" });
  });
});

describe('scripts', () => {
  it('runs an executable #! script through its interpreter; without the x bit it is permission denied', () => {
    const pod = testPod();
    const c = pod.run('alpine', { command: ['sleep', '1h'] });
    const fs = (c as unknown as { fs: import('../kernel/fs.js').FileSystem }).fs;
    fs.writeFile('/run.sh', '#!/bin/sh\necho "script $0 $1"\n');
    const denied = c.exec(['/run.sh'], { stdin: { read: () => ({ subscribe: (f) => (f(null), () => {}) }) }, stdout: { write() {} }, stderr: { write() {} }, tty: false });
    expect(denied.ok === false && denied.message).toContain('exec: "/run.sh": permission denied: unknown');
    expect(pod.exec(c, ['chmod', '+x', '/run.sh']).proc.exitCode).toBe(0);
    const r = pod.exec(c, ['/run.sh', 'arg']);
    pod.clock.advance(10);
    expect(r.out.text).toBe('script /run.sh arg\n');
  });
});

describe('create errors', () => {
  it('a volume mounted onto a file of the image is refused like runc, without throwing', () => {
    const pod = testPod();
    const r = pod.sandbox.createContainer({ name: 'c', image: 'nginx', imageRef: 'nginx', env: {}, mounts: [{ path: '/etc/nginx/nginx.conf/x', volume: newDir(), readOnly: false }] });
    expect(r.ok === false && r.message).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting into rootfs at "/etc/nginx/nginx.conf": not a directory: unknown',
    );
  });
});

describe('instances', () => {
  it('each container instance has its own id, file system and log (what logs --previous reads)', () => {
    const pod = testPod();
    const first = pod.run('busybox', { name: 'a', command: ['sh', '-c', 'echo one > /tmp/f; cat /tmp/f'] });
    pod.clock.advance(10);
    const second = pod.run('busybox', { name: 'a', command: ['cat', '/tmp/f'] });
    pod.clock.advance(10);
    expect(first.id).not.toBe(second.id);
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(logText(first)).toBe('one\n');
    expect(logText(second)).toBe("cat: can't open '/tmp/f': No such file or directory\n");
    expect(second.log.lines()[0]).toMatchObject({ stream: 'stderr', time: pod.clock.now() - 10 });
  });
});

describe('df in a container', () => {
  it('lists the overlay root, kubelet files and volume mounts', () => {
    const pod = testPod();
    const c = pod.run('busybox', { command: ['sleep', '1h'], mounts: [{ path: '/data', volume: newDir(), readOnly: false }] });
    const lines = pod.exec(c, ['df']).out.text.split('\n');
    expect(lines[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(lines[1]).toBe('overlay               98831908  19214448  79617460  20% /');
    expect(lines).toContain('/dev/root             98831908  19214448  79617460  20% /data');
  });
});
