import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';


describe('nginx image', () => {
  it('logs the entrypoint steps, serves the welcome page and 404s, logs access lines, quits on SIGQUIT with 0', () => {
    const server = testPod({ name: 'nginx', ip: '10.244.1.7' });
    const client = testPod({ name: 'client', ip: '10.244.2.3', clock: server.clock, network: server.network });
    const c = server.run('nginx');
    expect(c.stopSignal).toBe(SIGNALS.SIGQUIT);
    const bb = client.run('busybox', { command: ['sleep', '3600'] });
    const ok = client.exec(bb, ['wget', '-qO-', 'http://10.244.1.7/']);
    expect(ok.out.text).toContain('<h1>Welcome to nginx!</h1>');
    expect(new TextEncoder().encode(ok.out.text).length).toBe(615);
    const missing = client.exec(bb, ['wget', '-qO-', '10.244.1.7/nope']);
    expect(missing.err.text).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(missing.proc.exitCode).toBe(1);
    const lines = logText(c).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    ]);
    expect(lines).toContain('2026/11/27 09:00:00 [notice] 1#1: start worker process 29');
    expect(lines).toContain('10.244.2.3 - - [27/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"');
    expect(lines).toContain('10.244.2.3 - - [27/Nov/2026:09:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "Wget" "-"');
    c.kill(SIGNALS.SIGQUIT);
    expect(exitOf(c)).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(logText(c)).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n');
  });

  it('answers each request from the files as they are now: a changed page, a directory redirect, a broken escape', () => {
    const pod = testPod({ ip: '10.244.1.7' });
    const c = pod.run('nginx:1.27', { name: 'web' });
    const client = testPod({ name: 'client', ip: '10.244.2.3', clock: pod.clock, network: pod.network });
    const curl = client.run('nginx:1.27', { name: 'curl', command: ['sleep', 'infinity'] });
    const get = (path: string) => client.exec(curl, ['curl', '-s', '-i', `10.244.1.7${path}`]).out.text;
    const sh = (script: string) => {
      const r = pod.exec(c, ['sh', '-c', script]);
      pod.clock.advance(1000);
      expect(r.proc.exitCode).toBe(0);
    };
    expect(get('/?probe=1')).toContain('Welcome to nginx!');
    sh('echo changed > /usr/share/nginx/html/index.html; mkdir /usr/share/nginx/html/docs');
    expect(get('/docs')).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\n[^]*Location: http:\/\/10\.244\.1\.7\/docs\/\r\n/);
    expect(get('/%zz')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(get('/')).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nchanged\n$/);
    pod.clock.advance(1000);
    expect(get('/')).toMatch(/\r\n\r\nchanged\n$/);
    sh('rm /usr/share/nginx/html/index.html');
    // A directory without its index file and with autoindex off is forbidden; a missing directory is not found.
    expect(get('/')).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n[^]*<center><h1>403 Forbidden<\/h1><\/center>/);
    expect(get('/gone/')).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    const access = logText(c).split('\n').filter((l) => l.includes('"curl/8.5.0"'));
    expect(access).toEqual([
      '10.244.2.3 - - [27/Nov/2026:09:00:00 +0000] "GET /?probe=1 HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:01 +0000] "GET /docs HTTP/1.1" 301 169 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:01 +0000] "GET /%zz HTTP/1.1" 400 157 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:01 +0000] "GET / HTTP/1.1" 200 8 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:02 +0000] "GET / HTTP/1.1" 200 8 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:03 +0000] "GET / HTTP/1.1" 403 153 "-" "curl/8.5.0" "-"',
      '10.244.2.3 - - [27/Nov/2026:09:00:03 +0000] "GET /gone/ HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
    ]);
    // The error log lines of nginx's index module and core content phase (ngx_http_index_module.c, ngx_http_core_module.c).
    expect(logText(c)).toContain('[error] 29#29: *1 directory index of "/usr/share/nginx/html/" is forbidden, client: 10.244.2.3, server: localhost, request: "GET / HTTP/1.1", host: "10.244.1.7"\n');
    expect(logText(c)).toContain('[error] 29#29: *1 "/usr/share/nginx/html/gone/index.html" is not found (2: No such file or directory), client: 10.244.2.3');
  });

  it('logs a request from inside the pod with the loopback address it came from', () => {
    const pod = testPod({ ip: '10.244.1.7' });
    const c = pod.run('nginx:1.27', { name: 'web' });
    expect(pod.exec(c, ['curl', '-s', 'http://127.0.0.1/']).out.text).toContain('Welcome to nginx!');
    expect(pod.exec(c, ['curl', '-s', 'http://10.244.1.7/']).out.text).toContain('Welcome to nginx!');
    expect(logText(c).split('\n').filter((l) => l.includes('"curl/8.5.0"'))).toEqual([
      '127.0.0.1 - - [27/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
      '10.244.1.7 - - [27/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    ]);
  });

  it('has curl and bash but no ps in the Debian tag; alpine has busybox ps', () => {
    const pod = testPod();
    const c = pod.run('nginx:1.27', { name: 'web' });
    const r = c.exec(['ps'], { stdin: { read: () => ({ subscribe: (f) => (f(null), () => {}) }) }, stdout: { write() {} }, stderr: { write() {} }, tty: false });
    expect(r.ok === false && r.message).toContain('exec: "ps": executable file not found in $PATH: unknown');
    const curl = pod.exec(c, ['curl', '-s', 'localhost']);
    expect(curl.out.text).toContain('Welcome to nginx!');
    const refused = pod.exec(c, ['curl', 'localhost:8080']);
    expect(refused.err.text).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
    expect(refused.proc.exitCode).toBe(7);
    const other = testPod({ ip: '10.244.3.3', clock: pod.clock, network: pod.network });
    const alp = other.run('nginx:alpine', { name: 'web' });
    expect(other.exec(alp, ['ps']).out.text).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n   29 nginx     0:00 nginx: worker process\n   30 nginx     0:00 nginx: worker process\n   31 root      0:00 ps\n',
    );
  });
});

describe('nginx by version', () => {
  it('1.14.2 (the docs Deployment) has no entrypoint scripts, stops on SIGTERM and reports its version', () => {
    const pod = testPod();
    const c = pod.run('nginx:1.14.2');
    expect(c.stopSignal).toBe(SIGNALS.SIGTERM);
    expect(logText(c)).not.toContain('docker-entrypoint');
    expect(logText(c)).toContain('[notice] 1#1: nginx/1.14.2\n');
    expect(pod.exec(c, ['nginx', '-v']).err.text).toBe('nginx version: nginx/1.14.2\n');
    expect(pod.exec(c, ['cat', '/etc/os-release']).out.text).toContain('VERSION_CODENAME=stretch');
    c.kill(SIGNALS.SIGTERM);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('a floating tag runs the newest release of its line; alpine tags run on alpine', () => {
    const pod = testPod();
    const c = pod.run('nginx:1.16-alpine');
    expect(pod.exec(c, ['nginx', '-v']).err.text).toBe('nginx version: nginx/1.16.1\n');
    expect(pod.exec(c, ['cat', '/etc/os-release']).out.text).toContain('ID=alpine');
  });
});
