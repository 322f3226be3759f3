import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';
import { traefikRelease } from './traefik.js';

/**
 * Expected texts from the traefik source (github.com/traefik/traefik): cmd/version's template,
 * the release codename and build (release CI files, the tag's commit; the Go patch of that day from
 * golang/website's release history) per tag, cmd/healthcheck's
 * `OK: URL`, pkg/ping's "OK", pkg/version's /api/version fields, pkg/cli/loader_flag.go's
 * "Configuration loaded from flags." (v2, logrus text before the logger is set up), the ERROR default
 * of cmd/traefik (a healthy v3 prints nothing), the traefik image's entrypoint note.
 */
function traefikPod(image: string, args?: string[]) {
  const pod = testPod({ ip: '10.244.1.9' });
  const c = pod.run(image, { name: 'traefik', ...(args ? { args } : {}) });
  pod.clock.advance(100);
  const client = testPod({ name: 'c', ip: '10.244.2.3', clock: pod.clock, network: pod.network });
  const bb = client.run('busybox:1.36', { command: ['sleep', '3600'] });
  const get = (url: string) => {
    const r = client.exec(bb, ['wget', '-qO-', url]);
    pod.clock.advance(100);
    return { body: r.out.text, err: r.err.text };
  };
  return { pod, c, get };
}

describe('traefik image', () => {
  it('traefik version prints the release of the tag: codename, Go, build time', () => {
    expect(traefikRelease('v3.1.2')).toEqual({ version: '3.1.2', codename: 'comte', go: '1.22.5', built: '2024-08-06T13:34:03Z' });
    expect(traefikRelease('v2.10')).toMatchObject({ version: '2.10.7', codename: 'saintmarcelin' });
    expect(traefikRelease('mimolette').version).toMatch(/^2\.11\.\d+$/);
    const pod = testPod();
    const v = pod.run('traefik:v2.11.0', { name: 'v', args: ['version'] });
    pod.clock.advance(10);
    expect(logText(v)).toBe('Version:      2.11.0\nCodename:     mimolette\nGo version:   go1.22.0\nBuilt:        2024-02-12T15:14:04Z\nOS/Arch:      linux/amd64\n');
    expect(exitOf(v)).toMatchObject({ exitCode: 0 });
  });

  it('v3 with the default configuration: silent at its ERROR log level, :80 answers 404, SIGTERM exits 0', () => {
    const { pod, c, get } = traefikPod('traefik:v3.1');
    expect(logText(c)).toBe('');
    expect(get('http://10.244.1.9/').err).toContain('404 Not Found');
    expect(get('http://10.244.1.9:8080/api/version').err).toContain('Connection refused');
    c.kill(SIGNALS.SIGTERM);
    pod.clock.advance(100);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('v2 with --api.insecure and the Ingress provider: loads its flags, serves the API on :8080 and ping', () => {
    const { pod, c, get } = traefikPod('traefik:v2.10', ['--api.insecure=true', '--providers.kubernetesingress', '--entrypoints.web.address=:80', '--ping']);
    expect(logText(c)).toMatch(/^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=info msg="Configuration loaded from flags\."\n$/);
    expect(JSON.parse(get('http://10.244.1.9:8080/api/version').body)).toMatchObject({ Version: '2.10.7', Codename: 'saintmarcelin', startDate: expect.stringMatching(/Z$/) });
    expect(get('http://10.244.1.9:8080/ping').body).toBe('OK');
    expect(get('http://10.244.1.9/').err).toContain('404 Not Found');
    c.kill(SIGNALS.SIGTERM);
    pod.clock.advance(100);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('--log.level=INFO shows the start-up and shutdown lines; v3 through the colour console writer', () => {
    const { pod, c } = traefikPod('traefik:v3.1.2', ['--log.level=INFO', '--providers.kubernetesingress']);
    const lines = logText(c).split('\n');
    const esc = '\x1b';
    expect(lines[0].replace(/^\S+m\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, 'TIME')).toBe(`TIME${esc}[0m ${esc}[32mINF${esc}[0m Traefik version 3.1.2 built on 2024-08-06T13:34:03Z ${esc}[36mversion=${esc}[0m3.1.2`);
    expect(lines[0].startsWith(`${esc}[90m`)).toBe(true);
    expect(logText(c)).toContain('Starting provider *ingress.Provider');
    expect(logText(c)).toContain('Creating in-cluster Provider client \x1b[36mproviderName=\x1b[0mkubernetes');
    c.kill(SIGNALS.SIGTERM);
    pod.clock.advance(100);
    expect(logText(c)).toMatch(/I have to go\.\.\.\n.*Stopping server gracefully\n.*Server stopped\n.*Shutting down\n$/);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('healthcheck needs ping; an unknown flag fails to decode; a shell command runs after the entrypoint note', () => {
    const { pod, c } = traefikPod('traefik:v2.11', ['--ping']);
    const ok = pod.exec(c, ['traefik', 'healthcheck', '--ping']);
    const off = pod.exec(c, ['traefik', 'healthcheck']);
    pod.clock.advance(100);
    expect(ok.out.text).toBe('OK: http://:8080/ping\n');
    expect(off.out.text).toBe('Error calling healthcheck: please enable `ping` to use health check\n');
    expect(off.proc.exitCode).toBe(1);
    const bad = pod.run('traefik:v2.11', { name: 'bad', args: ['--nosuch=1'] });
    const sh = pod.run('traefik:v3.1', { name: 'sh', args: ['echo', 'hi'] });
    pod.clock.advance(100);
    expect(logText(bad)).toMatch(/command traefik error: failed to decode configuration from flags: field not found, node: nosuch\n$/);
    expect(exitOf(bad)).toMatchObject({ exitCode: 1 });
    expect(logText(sh)).toBe("= 'echo' is not a Traefik command: assuming shell execution.\nhi\n");
  });
});
