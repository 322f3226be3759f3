import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { emptyInput, nullOutput } from '../kernel/streams.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';
import type { RuntimeContainer } from '../runtime/types.js';


const execError = (c: RuntimeContainer, argv: string[]) => {
  const r = c.exec(argv, { stdin: emptyInput, stdout: nullOutput, stderr: nullOutput, tty: false });
  return r.ok ? undefined : r.message.replace(/"[0-9a-f]{64}"/, '"<id>"');
};

describe('images', () => {
  it('redis logs its banner, answers redis-cli ping and shuts down with 0 on SIGTERM', () => {
    const pod = testPod();
    const c = pod.run('redis');
    expect(logText(c)).toContain('1:M 27 Nov 2026 09:00:00.000 * Ready to accept connections tcp\n');
    expect(pod.exec(c, ['redis-cli', 'ping']).out.text).toBe('PONG\n');
    c.kill(SIGNALS.SIGTERM);
    pod.clock.advance(200);
    expect(exitOf(c)).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(logText(c)).toContain('# Redis is now ready to exit, bye bye...\n');
  });

  it("redis steps down to its own user as the image's entrypoint does (gosu redis) and titles itself redis-server *:PORT", () => {
    const pod = testPod();
    const c = pod.run('redis');
    // docker-library/redis docker-entrypoint.sh: `exec gosu redis "$0" "$@"` when started as root; the Dockerfile's redis user is 999.
    expect(pod.exec(c, ['grep', 'redis', '/etc/passwd']).out.text).toMatch(/^redis:x:999:999:/);
    const ps = pod.exec(c, ['sh', '-c', 'apt-get update >/dev/null && apt-get install -y procps >/dev/null && ps aux']);
    pod.clock.advance(60_000);
    expect(ps.out.text).toMatch(/^redis +1 .* redis-server \*:6379$/m);
    // Options first are the server's (`redis --port 7000` runs redis-server --port 7000), also as redis.
    const opts = pod.run('redis', { name: 'opts', args: ['--port', '7000'] });
    expect(logText(opts)).toContain('* Running mode=standalone, port=7000.\n');
    // An explicit user (runAsUser) is kept: gosu only runs for root.
    const other = pod.run('redis', { name: 'other', command: ['id'] });
    pod.clock.advance(100);
    expect(logText(other)).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
  });

  it('httpd says It works! and stops on SIGWINCH, its STOPSIGNAL', () => {
    const pod = testPod();
    const c = pod.run('httpd:2.4');
    expect(c.stopSignal).toBe(SIGNALS.SIGWINCH);
    const sh = pod.exec(c, ['bash', '-c', 'echo ok']);
    pod.clock.advance(10);
    expect(sh.out.text).toBe('ok\n');
    const other = testPod({ ip: '10.244.2.9', clock: pod.clock, network: pod.network });
    const bb = other.run('busybox', { command: ['sleep', '1h'] });
    expect(other.exec(bb, ['wget', '-qO-', '10.244.1.5']).out.text).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(logText(c)).toContain('10.244.2.9 - - [27/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 45\n');
    c.kill(SIGNALS.SIGWINCH);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('agnhost liveness answers 200 for 10 s then 500; netexec serves /hostname', () => {
    const pod = testPod({ name: 'liveness-http' });
    const c = pod.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] });
    const listener = pod.sandbox.net.listener(8080);
    const get = () => listener?.http?.({ method: 'GET', path: '/healthz', headers: {}, remoteAddr: '10.244.1.1' });
    expect(get()).toMatchObject({ status: 200 });
    pod.clock.advance(11_000);
    expect(get()).toMatchObject({ status: 500, body: 'error: 11s' });
    const net = testPod({ name: 'netexec', ip: '10.244.1.9', clock: pod.clock, network: pod.network });
    const n = net.run('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['netexec', '--http-port=8080'] });
    expect(net.exec(n, ['wget', '-qO-', 'localhost:8080/hostname']).out.text).toBe('netexec');
    expect(c.running).toBe(true);
  });

  it('distroless has no shell (exec fails like containerd) and no command to run bare', () => {
    const pod = testPod();
    const bare = pod.sandbox.createContainer({ name: 'x', image: 'gcr.io/distroless/static-debian12', imageRef: 'gcr.io/distroless/static-debian12', env: {}, mounts: [] });
    expect(bare.ok === false && bare.message).toMatch(/^failed to generate container "[0-9a-f]{64}" spec: failed to generate spec: no command specified$/);
    const c = pod.run('registry.k8s.io/pause:3.10');
    expect(execError(c, ['sh'])).toBe('failed to exec in container: failed to start exec "<id>": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown');
    c.kill(SIGNALS.SIGTERM);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
    expect(logText(c)).toBe('Shutting down, got signal: Terminated\n');
  });

  it('debian runs bash as CMD (exits 0 without stdin) and has no ps; ubuntu the same', () => {
    const pod = testPod();
    expect(exitOf(pod.run('debian', { name: 'd' }))).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const u = pod.run('ubuntu:24.04', { name: 'u', command: ['sleep', 'infinity'] });
    expect(execError(u, ['ps'])).toContain('exec: "ps": executable file not found in $PATH: unknown');
    expect(pod.exec(u, ['/bin/ls', '/usr/bin/bash']).out.text).toBe('/usr/bin/bash\n');
    expect(pod.exec(u, ['cat', '/etc/os-release']).out.text).toContain('VERSION_CODENAME=noble\n');
  });
});

describe('root file systems', () => {
  it('ls / on a terminal looks like the real images', () => {
    const pod = testPod();
    const lsRoot = (image: string, name: string) => {
      const c = pod.run(image, { name, command: ['sleep', '1h'] });
      const out = { text: '', isTTY: true, write(d: string) { this.text += d; } };
      const r = c.exec(['ls', '/'], { stdin: emptyInput, stdout: out, stderr: nullOutput, tty: true });
      expect(r.ok).toBe(true);
      return out.text;
    };
    expect(lsRoot('alpine', 'a')).toBe('bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n');
    expect(lsRoot('busybox', 'b')).toBe('bin    etc    lib    proc   sys    usr\ndev    home   lib64  root   tmp    var\n');
    expect(lsRoot('debian', 'd')).toBe('bin   dev  home  lib64  mnt  proc  run   srv  tmp  var\nboot  etc  lib   media  opt  root  sbin  sys  usr\n');
  });

  // busybox: buildroot's system/device_table.txt (`/tmp d 1777`, `/root d 700`), applied by docker-library/busybox's
  // Dockerfile.builder; debian:bookworm and alpine ship /tmp and /var/tmp as 1777 and /root as 700 too.
  it('/tmp and /var/tmp are sticky and world-writable, /root is private', () => {
    const pod = testPod();
    const lsDirs = (image: string, name: string, dirs: string[]) => pod.exec(pod.run(image, { name, command: ['sleep', '1h'] }), ['ls', '-ld', ...dirs]).out.text;
    expect(lsDirs('busybox:1.28', 'b', ['/tmp', '/root'])).toBe('drwx------    2 root     root          4096 Oct  1 12:00 /root\ndrwxrwxrwt    2 root     root          4096 Oct  1 12:00 /tmp\n');
    expect(lsDirs('debian', 'd', ['/tmp', '/var/tmp', '/root'])).toMatch(/^drwx------ 2 root root 4096 .* \/root\ndrwxrwxrwt 2 root root 4096 .* \/tmp\ndrwxrwxrwt 2 root root 4096 .* \/var\/tmp\n$/);
    expect(lsDirs('alpine', 'a', ['/var/tmp'])).toMatch(/^drwxrwxrwt +2 root +root +4096 .* \/var\/tmp\n$/);
  });
});
