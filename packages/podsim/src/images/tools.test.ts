import { describe, expect, it } from 'vitest';
import { exitOf, logText, testPod } from '../runtime/testing.js';

describe('tool images', () => {
  it('curlimages/curl runs curl with the arguments; netshoot and busyboxplus have curl and nslookup', () => {
    const server = testPod({ name: 'web', ip: '10.244.1.7' });
    server.run('nginx:1.25');
    const pod = testPod({ name: 'client', ip: '10.244.2.3', clock: server.clock, network: server.network });
    const c = pod.run('curlimages/curl:8.5.0', { name: 'curl', args: ['-s', 'http://10.244.1.7/'] });
    server.clock.advance(100);
    expect(logText(c)).toContain('<h1>Welcome to nginx!</h1>');
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
    for (const image of ['nicolaka/netshoot', 'radial/busyboxplus:curl']) {
      const t = pod.run(image, { name: image.replace(/\W/g, ''), command: ['sleep', '3600'] });
      const r = pod.exec(t, ['curl', '-s', 'http://10.244.1.7/']);
      server.clock.advance(100);
      expect(r.out.text).toContain('Welcome to nginx!');
    }
  });

  it('hello-world prints its greeting and completes', () => {
    const pod = testPod();
    const c = pod.run('hello-world');
    pod.clock.advance(10);
    expect(logText(c)).toContain('Hello from Docker!\n');
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });
});
