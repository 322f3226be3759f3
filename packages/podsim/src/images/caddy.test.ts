import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';

/**
 * Expected texts: `caddy version` of v2.8.4 as quoted in public write-ups; start-up and shutdown
 * JSON lines as `docker logs` of the caddy image shows them in issue threads (abiosoft/caddy-docker#252,
 * linode/docs#5341, lucaslorentz/caddy-docker-proxy#605, element-hq/element-docker-demo#1); the
 * adapter's `file:line: unrecognized directive: NAME` error from Caddy's Caddyfile parser.
 */
const msgs = (log: string) => log.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string; logger?: string; signal?: string; exit_code?: number });

describe('caddy image', () => {
  it('serves its welcome page on :80, logs its start-up lines, and stops on SIGTERM with status 0', () => {
    const pod = testPod({ ip: '10.244.1.7' });
    const c = pod.run('caddy:2.8');
    pod.clock.advance(100);
    const start = msgs(logText(c)).map((m) => m.msg);
    expect(start).toEqual(expect.arrayContaining(['using config from file', 'adapted config to JSON', 'admin endpoint started', 'server running', 'serving initial configuration']));
    expect(msgs(logText(c)).find((m) => m.logger === 'http.auto_https')).toMatchObject({ level: 'warn', msg: 'server is listening only on the HTTP port, so no automatic HTTPS will be applied to this server', http_port: 80 });
    const client = testPod({ name: 'c', ip: '10.244.2.3', clock: pod.clock, network: pod.network });
    const bb = client.run('busybox:1.36', { command: ['sleep', '3600'] });
    const page = client.exec(bb, ['wget', '-qO-', '10.244.1.7']);
    pod.clock.advance(100);
    expect(page.out.text).toContain('<title>Caddy works!</title>');
    c.kill(SIGNALS.SIGTERM);
    pod.clock.advance(100);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
    const stop = msgs(logText(c)).slice(start.length);
    expect(stop.map((m) => m.msg)).toEqual(['shutting down apps, then terminating', 'exiting; byeee!! 👋', 'servers shutting down with eternal grace period', 'stopped previous server', 'shutdown complete']);
    expect(stop[4]).toMatchObject({ signal: 'SIGTERM', exit_code: 0 });
  });

  it('caddy version; a Caddyfile with respond on another port; an unknown directive fails as the adapter does', () => {
    const pod = testPod({ ip: '10.244.1.8' });
    const v = pod.run('caddy:2.8.4', { name: 'v', command: ['caddy', 'version'] });
    pod.clock.advance(10);
    expect(logText(v)).toBe('v2.8.4 h1:q3pe0wpBj1OcHFZ3n/1nl4V4bxBrYoSoab7rL9BMYNk=\n');
    const c = pod.run('caddy:2.8', { name: 'app', command: ['sleep', '3600'] });
    pod.exec(c, ['sh', '-c', 'printf \':8080 {\\n\\trespond "hello from caddy" 201\\n}\\n\' > /srv/Caddyfile; printf \':80 {\\n\\tfrobnicate\\n}\\n\' > /srv/Bad']);
    pod.clock.advance(10);
    pod.exec(c, ['caddy', 'run', '--config', '/srv/Caddyfile', '--adapter', 'caddyfile']);
    pod.clock.advance(10);
    const r = pod.exec(c, ['wget', '-qO-', 'localhost:8080']);
    pod.clock.advance(100);
    expect(r.out.text).toBe('hello from caddy');
    const bad = pod.exec(c, ['caddy', 'run', '--config', '/srv/Bad', '--adapter', 'caddyfile']);
    pod.clock.advance(10);
    expect(bad.err.text.split('\n').filter(Boolean).pop()).toBe('Error: adapting config using caddyfile: /srv/Bad:2: unrecognized directive: frobnicate');
    expect(bad.proc.exitCode).toBe(1);
  });
});
