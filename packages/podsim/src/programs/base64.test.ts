import { describe, expect, it } from 'vitest';
import { testPod } from '../runtime/testing.js';

const sh = (image: string, cmd: string) => {
  const pod = testPod();
  const c = pod.run(image, { command: ['sleep', '3600'] });
  const r = pod.exec(c, ['sh', '-c', cmd]);
  pod.clock.advance(10);
  return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
};

describe('base64', () => {
  it('encodes and decodes as the Secret tutorials use it, in busybox and Debian images', () => {
    expect(sh('busybox:1.28', "echo -n 'admin' | base64").out).toBe('YWRtaW4=\n');
    expect(sh('debian:12', "echo -n '1f2d1e2e67df' | base64").out).toBe('MWYyZDFlMmU2N2Rm\n');
    expect(sh('debian:12', "echo 'YWRtaW4=' | base64 --decode").out).toBe('admin');
    expect(sh('alpine:3.18', "echo -n 'é' | base64 | base64 -d").out).toBe('é');
  });

  it('wraps at 76 columns unless -w 0; rejects input outside the alphabet', () => {
    const long = sh('debian:12', `printf '%0100d' 0 | base64`).out.split('\n');
    expect(long[0].length).toBe(76);
    expect(sh('debian:12', `printf '%0100d' 0 | base64 -w 0`).out.includes('\n')).toBe(false);
    expect(sh('debian:12', "echo 'not*base64' | base64 -d")).toMatchObject({ code: 1, err: 'base64: invalid input\n' });
  });
});
