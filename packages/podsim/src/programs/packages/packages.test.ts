import { describe, expect, it } from 'vitest';
import { testPod } from '../../runtime/testing.js';

const run = (image: string) => {
  const pod = testPod();
  const c = pod.run(image, { command: ['sleep', '3600'] });
  const sh = (cmd: string) => {
    const r = pod.exec(c, ['sh', '-c', cmd]);
    pod.clock.advance(60_000);
    return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
  };
  return { pod, c, sh };
};

describe('package managers', () => {
  it('apt-get: nothing to locate before update; update then install procps gives ps; gone after a restart', () => {
    const { pod, sh } = run('debian:bookworm');
    expect(sh('ps')).toMatchObject({ code: 127 });
    expect(sh('apt-get install -y procps')).toMatchObject({ code: 100, err: 'E: Unable to locate package procps\n' });
    const update = sh('apt-get update');
    expect(update.out).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n');
    expect(update.out).toContain('Reading package lists... Done\n');
    const install = sh('apt-get install -y procps');
    expect(install.code).toBe(0);
    expect(install.out).toContain('Setting up procps (2:4.0.2-3) ...\n');
    expect(sh('ps aux').out).toMatch(/^USER +PID/);
    expect(sh('apt-get install -y nosuchpkg')).toMatchObject({ code: 100, err: 'E: Unable to locate package nosuchpkg\n' });
    const again = pod.run('debian:bookworm', { name: 'again', command: ['sleep', '3600'] });
    const ps = pod.exec(again, ['sh', '-c', 'ps']);
    pod.clock.advance(10);
    expect(ps.proc.exitCode).toBe(127);
  });

  it('apt-get: sizes as apt prints them; a package whose programs the image has is already the newest version', () => {
    const { sh } = run('nginx:1.27');
    const update = sh('apt-get update').out;
    // apt's SizeToStr: one decimal below 100 of a unit, none below 10000 (a Debian bookworm `apt-get update`).
    expect(update).toContain('Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\n');
    expect(update).toContain('Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\n');
    expect(update).not.toContain('All packages are up to date.');
    // The nginx image ships curl.
    expect(sh('apt-get install curl')).toMatchObject({
      code: 0,
      out: 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\ncurl is already the newest version (7.88.1-10+deb12u8).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
    });
    const both = sh('apt-get install -y curl procps').out;
    expect(both).toContain('curl is already the newest version (7.88.1-10+deb12u8).\nThe following NEW packages will be installed:\n  procps\n0 upgraded, 1 newly installed,');
    expect(both).toContain('Need to get 709 kB of archives.\nAfter this operation, 2127 kB of additional disk space will be used.\n');
  });

  it('apt, the front end: the update summary, and its warning when the output is not a terminal', () => {
    const { sh } = run('debian:bookworm');
    const update = sh('apt update');
    expect(update.out).toMatch(/Reading package lists\.\.\. Done\nBuilding dependency tree\.\.\. Done\nReading state information\.\.\. Done\nAll packages are up to date\.\n$/);
    expect(update.err).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(sh('apt install -y procps').code).toBe(0);
    expect(sh('ps aux').code).toBe(0);
  });

  it('apt-get takes time by package size; 500 names end at the first unknown one', () => {
    const { pod, c, sh } = run('ubuntu:22.04');
    const update = sh('apt-get update').out;
    expect(update).toContain('http://archive.ubuntu.com/ubuntu jammy InRelease');
    const r = pod.exec(c, ['sh', '-c', 'apt-get install -y git']);
    pod.clock.advance(500);
    expect(r.proc.exitCode).toBeUndefined();
    pod.clock.advance(5000);
    expect(r.proc.exitCode).toBe(0);
    const many = Array.from({ length: 500 }, (_, i) => `pkg${i}`).join(' ');
    expect(sh(`apt-get install -y ${many}`)).toMatchObject({ code: 100, err: 'E: Unable to locate package pkg0\n' });
    expect(sh(`apt-get install -y ${Array(500).fill('curl').join(' ')}`).code).toBe(0);
  });

  it('apk add installs from the index; unknown names fail with apk text', () => {
    const { sh } = run('alpine:3.18');
    const add = sh('apk add curl');
    expect(add.out).toContain('fetch https://dl-cdn.alpinelinux.org/alpine/v3.18/main/x86_64/APKINDEX.tar.gz\n');
    expect(add.out).toContain('Installing curl (8.11.1-r0)');
    expect(sh('apk add --no-cache nosuch')).toMatchObject({ code: 1, err: 'ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n' });
  });

  it('dnf install -y works on fedora; a program the sandbox does not simulate says so', () => {
    const { sh } = run('fedora:40');
    expect(sh('dnf install -y vim-enhanced').out).toContain('Complete!\n');
    expect(sh('vim x')).toMatchObject({ code: 1, err: 'vim: this program is installed but not simulated in this sandbox\n' });
    expect(sh('yum install -y nosuch')).toMatchObject({ code: 1 });
  });
});
