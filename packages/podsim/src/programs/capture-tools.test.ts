/**
 * tcpdump and lsof as Debian bookworm's packages install them (versions and sizes: `apt-cache show`,
 * tcpdump 4.99.3-1, lsof 4.95.0-1). Texts: tcpdump.c's start and Ctrl+C statistics lines; lsof 4.95's
 * column layout as the real lsof prints it for a sleeping process (`sleep 1233 root  cwd    DIR  254,0 …`).
 */
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { testPod } from '../runtime/testing.js';

const debian = () => {
  const pod = testPod();
  const c = pod.run('debian:bookworm', { command: ['sleep', '3600'] });
  const sh = (cmd: string) => {
    const r = pod.exec(c, ['sh', '-c', cmd]);
    pod.clock.advance(60_000);
    return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
  };
  sh('apt-get update');
  return { pod, c, sh };
};

describe('tcpdump and lsof', () => {
  it('apt-get installs them; tcpdump listens on eth0 until Ctrl+C, then counts the packets', () => {
    const { pod, c, sh } = debian();
    expect(sh('apt-get install -y tcpdump lsof').out).toContain('Setting up tcpdump (4.99.3-1) ...\n');
    const r = pod.exec(c, ['tcpdump']);
    pod.clock.advance(5000);
    expect(r.proc.exitCode).toBeUndefined();
    expect(r.err.text).toBe('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n');
    r.proc.kill(SIGNALS.SIGINT);
    pod.clock.advance(10);
    expect(r.proc.exitCode).toBe(0);
    expect(r.err.text).toMatch(/\n\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n$/);
    expect(sh('tcpdump -i nosuch')).toMatchObject({ code: 1, err: 'tcpdump: nosuch: No such device exists\n(No such device exists)\n' });
  });

  it('lsof lists each process’s cwd, root, text, libraries and descriptors in lsof’s columns', () => {
    const { sh } = debian();
    sh('apt-get install -y lsof');
    const lines = sh('lsof').out.split('\n');
    expect(lines[0]).toMatch(/^COMMAND PID USER +FD +TYPE DEVICE SIZE\/OFF +NODE NAME$/);
    expect(lines[0].indexOf('FD') + 2).toBe(lines[0].indexOf('TYPE') - 3);
    const sleep = lines.filter((l) => l.startsWith('sleep '));
    expect(sleep[0]).toMatch(/^sleep +1 root {2}cwd {4}DIR {3}0,46 +\d+ +\d+ \/$/);
    expect(sleep.some((l) => / root {4}0u {3}CHR {4}1,3 +0t0 +5 \/dev\/null$/.test(l))).toBe(true);
    expect(sleep.some((l) => / root {4}1w {2}FIFO {3}0,13 +0t0 +\d+ pipe$/.test(l))).toBe(true);
    expect(sleep.some((l) => l.endsWith(' /usr/lib/x86_64-linux-gnu/libc.so.6'))).toBe(true);
  });

  it('lsof names nginx workers by their process name, not the command line nginx retitles them with; root without CAP_SYS_PTRACE is refused their /proc entries', () => {
    const pod = testPod();
    const c = pod.run('nginx:1.27', {});
    pod.clock.advance(5000);
    const sh = (cmd: string) => {
      const r = pod.exec(c, ['sh', '-c', cmd]);
      pod.clock.advance(60_000);
      return r.out.text;
    };
    sh('apt-get update && apt-get install -y lsof');
    const workers = sh('lsof').split('\n').filter((l) => / nginx +cwd /.test(l));
    // lsof's COMMAND is /proc/PID/stat's comm: a forked worker keeps `nginx` (setproctitle only rewrites argv).
    expect(workers).toHaveLength(2);
    for (const w of workers) expect(w).toMatch(/^nginx +\d+ nginx +cwd +unknown +\/proc\/\d+\/cwd \(readlink: Permission denied\)$/);
  });
});
