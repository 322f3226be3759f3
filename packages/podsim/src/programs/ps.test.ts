/**
 * procps `ps aux` in a container, as on a real node: PID 1 and what it starts have no terminal (`?`),
 * the `kubectl exec -it` shell has pts/0; STAT marks session leaders `s` and the terminal's
 * foreground group `+`, ps itself running `R`. Layout as procps-ng 4 prints it (STAT 4 wide).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';
import { machine } from './testing.js';

describe('ps aux (procps)', () => {
  it('shows each process\'s terminal and session state', () => {
    const sb = new Sandbox();
    sb.runLine('kubectl run d --image=debian:bookworm -- sleep 3600');
    sb.advance(60_000);
    sb.runLine("kubectl exec d -- sh -c 'apt-get update >/dev/null && apt-get install -y procps >/dev/null'", 120_000);
    sb.runLine('kubectl exec -it d -- bash', 5_000);
    const out = sb.runLine('ps aux', 5_000).output.replace(/\r/g, '');
    const rows = out.split('\n').filter((l) => l.trim() !== '');
    expect(rows[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(rows.find((l) => l.endsWith(' sleep 3600'))).toMatch(/^root +1 .* \? +Ss +\d\d:\d\d +0:00 sleep 3600$/);
    expect(rows.find((l) => l.endsWith(' bash'))).toMatch(/ pts\/0 +Ss +\d\d:\d\d +0:00 bash$/);
    expect(rows.find((l) => l.endsWith(' ps aux'))).toMatch(/ pts\/0 +R\+ +\d\d:\d\d +0:00 ps aux$/);
  });
});

/**
 * Layouts as procps-ng 4.0.2 (Debian bookworm's) prints them on a node whose kernel.pid_max is
 * 4194304 (PID columns 7 wide): headers taken from the real `ps` run with that pid_max; the sizes of
 * sleep and ps are those bookworm's binaries have (`ps -o vsz,rss`), the time of day the start's.
 */
describe('procps formats', () => {
  const started = () => {
    const m = machine({ flavor: 'gnu' });
    m.clock.advance(5 * 60_000);
    m.run(['sleep', '100']);
    return m;
  };

  it('ps aux: the user format, all processes, none on a terminal', () => {
    expect(started().run(['ps', 'aux']).out.text).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root           1  0.0  0.0   2920  1800 ?        Ss   09:05   0:00 sleep 100\n' +
        'root           2  0.0  0.1   8680  4800 ?        Rs   09:05   0:00 ps aux\n',
    );
  });

  it('ps ax: the BSD format; ps -ef: the full format with PPID and STIME', () => {
    const m = started();
    expect(m.run(['ps', 'ax']).out.text).toBe('    PID TTY      STAT   TIME COMMAND\n      1 ?        Ss     0:00 sleep 100\n      2 ?        Rs     0:00 ps ax\n');
    expect(m.run(['ps', '-ef']).out.text).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 09:05 ?        00:00:00 sleep 100\nroot           3       0  0 09:05 ?        00:00:00 ps -ef\n',
    );
  });

  it('ps without options: the caller\'s processes without a terminal, by command name', () => {
    expect(started().run(['ps']).out.text).toBe('    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      2 ?        00:00:00 ps\n');
  });

  it('a start over a day ago shows month and day; a multi-threaded server shows l', () => {
    const m = machine({ flavor: 'gnu' });
    m.run(['sleep', '1000000']);
    m.clock.advance(2 * 86400_000);
    expect(m.run(['ps', 'aux']).out.text.split('\n')[1]).toBe('root           1  0.0  0.0   2920  1800 ?        Ss   Nov27   0:00 sleep 1000000');
  });

  it('a value wider than its column takes the blanks of the next ones, as procps lays it out', async () => {
    const { table } = await import('./ps-columns.js');
    const m = started();
    const p = m.pids.get(1)!;
    p.argv.splice(0, p.argv.length, 'redis-server', '*:6379');
    // procps: `root       29821 33.8  2.2 1469084 555028 ?      Rl ...`: the overflow comes out of TTY's padding.
    const row = table(['user', 'pid', 'vsz', 'rss', 'tty', 'stat', 'args'], [{ proc: p, user: 'root', tty: '?', stat: 'Ssl' }], m.clock.now(), 0).split('\n')[1];
    expect(row).toBe('root           1 139216 11520 ?        Ssl  redis-server *:6379');
  });
});

describe('pipelines', () => {
  it('start every element before any runs: ps | grep lists the grep', () => {
    const sb = new Sandbox();
    sb.runLine('kubectl run b --image=busybox:1.36 -- sleep 3600');
    sb.advance(60_000);
    const out = sb.runLine("kubectl exec b -- sh -c 'ps | cat'", 5_000).output.replace(/\r/g, '');
    expect(out.split('\n').filter((l) => /^ +\d+ root +0:00 (ps|cat)$/.test(l)).map((l) => l.split(/ +/).pop())).toEqual(['ps', 'cat']);
  });
});
