import { describe, expect, it } from 'vitest';
import { testPod } from '../runtime/testing.js';

/**
 * Expected facts from upstream BusyBox: `tree: new applet` (commit 20a4f70ec, first in 1_36_0),
 * `base32: new applet` (20900489a, first in 1_33_0); the busybox:1.28 banner as `kubectl exec`
 * output in public Kubernetes DNS debugging write-ups shows it; the help text and the 127 of an
 * unknown applet from libbb/appletlib.c; ash's `sh: X: not found` for a command not on $PATH.
 */
function sh(image: string, script: string) {
  const pod = testPod();
  const c = pod.run(image, { name: 'bb', command: ['sleep', '3600'] });
  const r = pod.exec(c, ['sh', '-c', script]);
  pod.clock.advance(1000);
  return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
}

describe('docker library busybox: applets per release', () => {
  it('an applet added in a later release is not found in an older image, and is there from its release on', () => {
    expect(sh('busybox:1.28', 'tree /tmp')).toMatchObject({ err: 'sh: tree: not found\n', code: 127 });
    expect(sh('busybox:1.32.1', 'busybox base32')).toMatchObject({ err: 'base32: applet not found\n', code: 127 });
    const list = (tag: string) => sh(`busybox:${tag}`, 'busybox --list').out.split('\n');
    expect(list('1.35')).not.toContain('tree');
    expect(list('1.36.1')).toContain('tree');
    expect(list('1.33')).toContain('base32');
    expect(list('1.32')).not.toContain('base32');
    for (const tag of ['1.28', '1.36', 'latest']) expect(list(tag)).toEqual(expect.arrayContaining(['[', '[[', 'base64', 'nslookup', 'wget', 'nc', 'sh']));
  });

  it('`ls /bin` shows the links of the release; a real applet without a model says so', () => {
    expect(sh('busybox:1.36', 'ls /bin | grep -c "^tree$"').out).toBe('1\n');
    expect(sh('busybox:1.36', 'tree /')).toMatchObject({ err: 'tree: this applet is not simulated in this sandbox\n', code: 1 });
  });

  it('musl images have no utmp applets (who, w, last)', () => {
    expect(sh('busybox:1.36-musl', 'who')).toMatchObject({ err: 'sh: who: not found\n', code: 127 });
    expect(sh('busybox:1.36-glibc', 'busybox --list | grep -c "^who$"').out).toBe('1\n');
  });

  it('`busybox` prints the banner of its release, the usage and the applets wrapped to 80 columns', () => {
    const { out, code } = sh('busybox:1.28', 'busybox');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.');
    expect(out).toContain('\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n');
    const functions = out.slice(out.indexOf('Currently defined functions:\n') + 29).split('\n').filter(Boolean);
    expect(functions[0].startsWith('\t[, [[, acpid, add-shell, addgroup, adduser, adjtimex, ')).toBe(true);
    // a tab counts as six columns; the line never reaches the last one
    for (const line of functions) expect(6 + line.length - 1).toBeLessThan(80);
    expect(sh('busybox:1.28', 'nslookup').err.split('\n')[0]).toBe('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.');
  });
});
