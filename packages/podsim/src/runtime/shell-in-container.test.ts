import { describe, expect, it } from 'vitest';
import { newDir } from '../kernel/fs.js';
import { SIGNALS } from '../kernel/signals.js';
import { Pipe, StringSink } from '../kernel/streams.js';
import { exitOf, logText, testPod } from './testing.js';


describe('shell workloads in containers', () => {
  it('the liveness-exec page script: /tmp/healthy exists for 30 s, then cat fails with busybox text', () => {
    const pod = testPod({ name: 'liveness-exec' });
    const c = pod.run('registry.k8s.io/busybox:1.27.2', { args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    pod.clock.advance(5000);
    expect(pod.exec(c, ['cat', '/tmp/healthy']).proc.exitCode).toBe(0);
    pod.clock.advance(30_000);
    const probe = pod.exec(c, ['cat', '/tmp/healthy']);
    expect(probe.proc.exitCode).toBe(1);
    expect(probe.err.text).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(c.running).toBe(true);
  });

  it('producer/consumer over a shared volume: date appended every 5 s, tail reads it', () => {
    const pod = testPod();
    const vol = newDir();
    const writer = pod.run('alpine', { name: 'producer', command: ['/bin/sh', '-c'], args: ['while true; do date >> /var/log/index.html; sleep 5; done'], mounts: [{ path: '/var/log', volume: vol, readOnly: false }] });
    const reader = pod.run('nginx', { name: 'consumer', mounts: [{ path: '/usr/share/nginx/html', volume: vol, readOnly: false }] });
    pod.clock.advance(10_500);
    expect(pod.exec(reader, ['cat', '/usr/share/nginx/html/index.html']).out.text).toBe('Fri Nov 27 09:00:00 UTC 2026\nFri Nov 27 09:00:05 UTC 2026\nFri Nov 27 09:00:10 UTC 2026\n');
    expect(pod.exec(reader, ['curl', '-s', 'localhost/index.html']).out.text.split('\n')).toHaveLength(4);
    writer.kill(SIGNALS.SIGTERM);
    expect(writer.running).toBe(true);
    writer.kill(SIGNALS.SIGKILL);
    expect(exitOf(writer)?.exitCode).toBe(137);
  });

  it('an exec shell sees the container processes in ps and can kill PID 1', () => {
    const pod = testPod({ name: 'hello-world-pod' });
    const c = pod.run('gcr.io/google-samples/hello-app:1.0');
    const sh = pod.exec(c, ['/bin/sh'], 'ps\nkillall hello-app\n');
    pod.clock.advance(100);
    expect(sh.out.text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 ./hello-app\n    8 root      0:00 /bin/sh\n   14 root      0:00 ps\n');
    expect(exitOf(c)).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(logText(c)).toBe('2026/11/27 09:00:00 Server listening on port 8080\n');
  });

  it('a program that allocates past the memory limit is OOMKilled with 137', () => {
    const pod = testPod();
    const c = pod.run('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimitBytes: 100 * 1024 * 1024 });
    pod.clock.advance(1000);
    expect(exitOf(c)).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const fits = pod.run('polinux/stress', { name: 'ok', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '50M', '--vm-hang', '1'], memoryLimitBytes: 100 * 1024 * 1024 });
    pod.clock.advance(10_000);
    expect(fits.running).toBe(true);
    expect(logText(fits)).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
  });
});

describe('attach', () => {
  it('kubectl run -it style: a shell on a TTY stdin answers the attached client and ends on exit', () => {
    const pod = testPod({ name: 'busybox' });
    const c = pod.run('busybox', { stdin: true, tty: true });
    expect(c.running).toBe(true);
    const keys = new Pipe();
    const screen = new StringSink();
    const attached = c.attach?.({ stdin: keys, stdout: screen, stderr: screen, stdinOnce: true });
    // Blocked at its prompt: the client's terminal may wait for the reader.
    expect(attached?.session?.awaitingInput).toBe(true);
    keys.write('echo hi\n');
    pod.clock.advance(10);
    expect(screen.text).toContain('hi\n');
    keys.write('exit 3\n');
    pod.clock.advance(10);
    expect(exitOf(c)).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(logText(c)).toContain('hi');
    attached?.detach();
  });

  it('busy until the process reads again: typed input pending makes the session not idle', () => {
    const pod = testPod({ name: 'busybox' });
    const c = pod.run('busybox', { stdin: true, tty: true });
    const keys = new Pipe();
    const screen = new StringSink();
    const attached = c.attach?.({ stdin: keys, stdout: screen, stderr: screen });
    keys.write('sleep 5\n');
    pod.clock.advance(10);
    expect(attached?.session?.awaitingInput).toBe(false);
    pod.clock.advance(5000);
    expect(attached?.session?.awaitingInput).toBe(true);
  });

  it('a client with a terminal size resizes the container terminal: busybox ash redraws its prompt (SIGWINCH)', () => {
    const pod = testPod({ name: 'busybox' });
    const c = pod.run('busybox', { stdin: true, tty: true });
    pod.clock.advance(10);
    const screen = new StringSink();
    c.attach?.({ stdin: new Pipe(), stdout: screen, stderr: screen, size: { cols: 80, rows: 24 } });
    pod.clock.advance(10);
    expect(screen.text).toBe('\r/ # ');
    // The same size again changes nothing, so no signal and no redraw (TIOCSWINSZ).
    const again = new StringSink();
    c.attach?.({ stdin: new Pipe(), stdout: again, stderr: again, size: { cols: 80, rows: 24 } });
    pod.clock.advance(10);
    expect(again.text).toBe('');
  });

  it("Debian's dash has no line editor: a resize redraws nothing", () => {
    const pod = testPod({ name: 'debian' });
    const c = pod.run('debian', { command: ['sh'], stdin: true, tty: true });
    pod.clock.advance(10);
    const screen = new StringSink();
    c.attach?.({ stdin: new Pipe(), stdout: screen, stderr: screen, size: { cols: 80, rows: 24 } });
    pod.clock.advance(10);
    expect(screen.text).toBe('');
  });
});
