import { describe, expect, it } from 'vitest';
import { machine } from './testing.js';

describe('cat, more, tee', () => {
  it('prints files and stdin; missing files in busybox and GNU wording', () => {
    const m = machine({ files: { '/etc/hostname': 'box\n', '/d/': '' } });
    expect(m.run(['cat', '/etc/hostname']).out.text).toBe('box\n');
    expect(m.run(['cat'], { stdin: 'piped' }).out.text).toBe('piped');
    const missing = m.run(['cat', 'x']);
    expect([missing.err.text, missing.code]).toEqual(["cat: can't open 'x': No such file or directory\n", 1]);
    expect(m.run(['cat', '/d']).err.text).toBe('cat: read error: Is a directory\n');
    expect(m.run(['more', '/etc/hostname']).out.text).toBe('box\n');
    const g = machine({ flavor: 'gnu' });
    expect(g.run(['cat', 'x']).err.text).toBe('cat: x: No such file or directory\n');
    expect(m.run(['cat', '-n', '/etc/hostname']).out.text).toBe('     1\tbox\n');
  });
});

describe('ls', () => {
  const files = { '/app/b.txt': 'bb', '/app/a.txt': 'a', '/app/.hidden': '', '/app/sub/': '' };
  it('one per line into a pipe, columns on a terminal, -a, missing paths', () => {
    const m = machine({ files });
    expect(m.run(['ls', '/app']).out.text).toBe('a.txt\nb.txt\nsub\n');
    expect(m.run(['ls', '-a', '/app']).out.text).toBe('.\n..\n.hidden\na.txt\nb.txt\nsub\n');
    expect(m.run(['ls', '/app'], { tty: true }).out.text).toBe('a.txt  b.txt  sub\n');
    const bad = m.run(['ls', '/nope']);
    expect([bad.err.text, bad.code]).toEqual(['ls: /nope: No such file or directory\n', 1]);
    const g = machine({ files, flavor: 'gnu' });
    const gbad = g.run(['ls', '/nope']);
    expect([gbad.err.text, gbad.code]).toEqual(["ls: cannot access '/nope': No such file or directory\n", 2]);
  });

  it('-l in busybox fixed-width and GNU fitted columns', () => {
    const m = machine({ files });
    expect(m.run(['ls', '-l', '/app']).out.text).toBe(
      'total 12\n-rw-r--r--    1 root     root             1 Nov 27 09:00 a.txt\n-rw-r--r--    1 root     root             2 Nov 27 09:00 b.txt\ndrwxr-xr-x    2 root     root          4096 Nov 27 09:00 sub\n',
    );
    const g = machine({ files, flavor: 'gnu' });
    expect(g.run(['ls', '-l', '/app']).out.text).toBe('total 12\n-rw-r--r-- 1 root root    1 Nov 27 09:00 a.txt\n-rw-r--r-- 1 root root    2 Nov 27 09:00 b.txt\ndrwxr-xr-x 2 root root 4096 Nov 27 09:00 sub\n');
  });

  it('-R lists each subdirectory after its parent, depth first, hidden ones with -a (GNU ls, as `ls -laR /etc/podinfo` shows)', () => {
    const m = machine({ files: { '/d/f': '', '/d/..2024_01_02/x': '', '/d/s/t/u': '', '/d/s/v': '' }, flavor: 'gnu' });
    expect(m.run(['ls', '-R', '/d']).out.text).toBe('/d:\nf\ns\n\n/d/s:\nt\nv\n\n/d/s/t:\nu\n');
    expect(m.run(['ls', '-aR', '/d/']).out.text).toBe('/d/:\n.\n..\n..2024_01_02\nf\ns\n\n/d/..2024_01_02:\n.\n..\nx\n\n/d/s:\n.\n..\nt\nv\n\n/d/s/t:\n.\n..\nu\n');
  });
});

describe('echo, printf, seq', () => {
  it('formats like the shells’ external commands', () => {
    const m = machine();
    expect(m.run(['echo', '-n', 'a', 'b']).out.text).toBe('a b');
    expect(m.run(['echo', '-e', 'a\\tb']).out.text).toBe('a\tb\n');
    expect(m.run(['printf', '%s=%03d\\n', 'x', '7', 'y', '12']).out.text).toBe('x=007\ny=012\n');
    expect(m.run(['printf', '%-5s|\\n', 'ab']).out.text).toBe('ab   |\n');
    expect(m.run(['seq', '3']).out.text).toBe('1\n2\n3\n');
    expect(m.run(['seq', '2', '2', '6']).out.text).toBe('2\n4\n6\n');
  });
});

describe('sleep and date in virtual time', () => {
  it('sleep waits virtual seconds (fractions too) and rejects bad numbers', () => {
    const m = machine();
    const r = m.run(['sleep', '1.5']);
    expect(r.proc.alive).toBe(true);
    m.clock.advance(1499);
    expect(r.proc.alive).toBe(true);
    m.clock.advance(1);
    expect(r.proc.exitCode).toBe(0);
    expect(m.run(['sleep', 'x']).err.text).toBe("sleep: invalid number 'x'\n");
    expect(machine({ flavor: 'gnu' }).run(['sleep', 'x']).err.text).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });

  it('date prints the virtual time in the default and +FORMAT forms', () => {
    const m = machine();
    expect(m.run(['date']).out.text).toBe('Fri Nov 27 09:00:00 UTC 2026\n');
    m.clock.advance(65_000);
    expect(m.run(['date', '+%Y-%m-%d %H:%M:%S %s']).out.text).toBe('2026-11-27 09:01:05 1795770065\n');
  });
});

describe('ps, kill, killall', () => {
  it('ps lists the namespace; kill -l and errors; killall with no match', () => {
    const m = machine();
    const bg = m.run(['sleep', '100']);
    expect(m.run(['ps']).out.text).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 100\n    2 root      0:00 ps\n');
    expect(m.run(['kill', '-l']).out.text.split('\n').slice(0, 2)).toEqual([' 1) HUP', ' 2) INT']);
    expect(m.run(['kill', '-l', '15']).out.text).toBe('TERM\n');
    expect(m.run(['kill', '99']).err.text).toBe("kill: can't kill pid 99: No such process\n");
    expect(m.run(['kill', '-FOO', '1']).err.text).toBe("kill: bad signal name 'FOO'\n");
    const none = m.run(['killall', 'nginx']);
    expect([none.err.text, none.code]).toEqual(['killall: nginx: no process killed\n', 1]);
    expect(m.run(['kill', '-9', String(bg.proc.pid)]).code).toBe(0);
    m.clock.flush();
    expect(bg.proc.exitCode).toBe(137);
    const g = machine({ flavor: 'gnu' });
    expect(g.run(['kill', '99']).err.text).toBe('kill: (99) - No such process\n');
    expect(g.run(['killall', 'x']).err.text).toBe('x: no process found\n');
  });
});

describe('env, printenv, hostname, id, uname', () => {
  it('report the machine', () => {
    const m = machine({ hostname: 'web-1' });
    expect(m.run(['printenv', 'PATH']).out.text).toBe('/bin\n');
    expect(m.run(['printenv', 'NOPE']).code).toBe(1);
    expect(m.run(['env'], { env: { A: '1' } }).out.text).toBe('PATH=/bin\nA=1\n');
    expect(m.run(['env', 'B=2', 'printenv', 'B']).out.text).toBe('2\n');
    expect(m.run(['hostname']).out.text).toBe('web-1\n');
    expect(m.run(['hostname', '-i']).out.text).toBe('10.244.1.5\n');
    expect(m.run(['id']).out.text).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(m.run(['whoami']).out.text).toBe('root\n');
    expect(m.run(['uname', '-a']).out.text).toBe('Linux web-1 6.8.0-1015-gcp #17~22.04.1-Ubuntu SMP Tue Sep  3 16:11:52 UTC 2024 x86_64 Linux\n');
    expect(m.run(['uname']).out.text).toBe('Linux\n');
  });
});

describe('text tools', () => {
  const text = 'b\na\nc\na\nA\n';
  it('head, tail, wc, sort, uniq', () => {
    const m = machine({ files: { '/f': text } });
    expect(m.run(['head', '-n', '2', '/f']).out.text).toBe('b\na\n');
    expect(m.run(['head', '-2', '/f']).out.text).toBe('b\na\n');
    expect(m.run(['tail', '-n', '2', '/f']).out.text).toBe('a\nA\n');
    expect(m.run(['tail', '-n', '+4', '/f']).out.text).toBe('a\nA\n');
    expect(m.run(['wc', '-l', '/f']).out.text).toBe('5 /f\n');
    expect(m.run(['wc'], { stdin: 'one two\n' }).out.text).toBe('      1       2       8\n');
    expect(m.run(['sort', '/f']).out.text).toBe('A\na\na\nb\nc\n');
    expect(m.run(['sort', '-r', '-u', '/f']).out.text).toBe('c\nb\na\nA\n');
    expect(m.run(['uniq', '-c'], { stdin: 'a\na\nb\n' }).out.text).toBe('      2 a\n      1 b\n');
    expect(m.run(['sort', '-n'], { stdin: '10\n9\n100\n' }).out.text).toBe('9\n10\n100\n');
  });

  it('rev reverses each line, files and stdin (as util-linux rev prints them)', () => {
    const m = machine({ files: { '/input/data.txt': 'qux\n' } });
    expect(m.run(['rev', '/input/data.txt']).out.text).toBe('xuq\n');
    expect(m.run(['rev'], { stdin: 'foo\nbar baz\nxyz' }).out.text).toBe('oof\nzab rab\nzyx');
    expect(m.run(['rev', '/nope']).code).toBe(1);
  });

  it('tail -f follows appended lines each virtual second', () => {
    const m = machine({ files: { '/log': 'one\n' } });
    const r = m.run(['tail', '-f', '/log']);
    expect(r.out.text).toBe('one\n');
    m.fs.writeFile('/log', 'two\n', { append: true });
    m.clock.advance(1000);
    expect(r.out.text).toBe('one\ntwo\n');
    expect(r.proc.alive).toBe(true);
  });

  it('cut picks fields and characters; tr translates, deletes and squeezes (GNU, as on the reader\'s machine)', () => {
    const m = machine({ flavor: 'gnu' });
    expect(m.run(['cut', '-d/', '-f2'], { stdin: 'pod/web\npod/db\n' }).out.text).toBe('web\ndb\n');
    expect(m.run(['cut', '-d', ':', '-f', '1,3-'], { stdin: 'a:b:c:d\nnone\n' }).out.text).toBe('a:c:d\nnone\n');
    expect(m.run(['cut', '-s', '-d:', '-f1'], { stdin: 'a:b\nnone\n' }).out.text).toBe('a\n');
    expect(m.run(['cut', '-c', '1-3'], { stdin: 'hello\n' }).out.text).toBe('hel\n');
    expect(m.run(['cut', '-d/'], { stdin: '' })).toMatchObject({ code: 1, err: { text: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n" } });
    expect(m.run(['cut', '-f0'], { stdin: '' }).err.text).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
    expect(m.run(['cut', '-f', 'a'], { stdin: '' }).err.text).toBe("cut: invalid field value 'a'\nTry 'cut --help' for more information.\n");
    expect(m.run(['cut', '-f3-1'], { stdin: '' }).err.text).toBe("cut: invalid decreasing range\nTry 'cut --help' for more information.\n");
    expect(m.run(['tr', 'a-z', 'A-Z'], { stdin: 'Hello, pod\n' }).out.text).toBe('HELLO, POD\n');
    expect(m.run(['tr', '[:lower:]', '[:upper:]'], { stdin: 'web-1\n' }).out.text).toBe('WEB-1\n');
    expect(m.run(['tr', '-d', '\\n'], { stdin: 'a\nb\n' }).out.text).toBe('ab');
    expect(m.run(['tr', '-s', ' '], { stdin: 'a   b  c\n' }).out.text).toBe('a b c\n');
    expect(m.run(['tr', 'abc', 'x'], { stdin: 'aabbcc\n' }).out.text).toBe('xxxxxx\n');
    expect(m.run(['tr', 'a'], { stdin: '' })).toMatchObject({ code: 1, err: { text: "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n" } });
  });

  it('sed substitutes, prints, deletes and edits files in place (GNU)', () => {
    const m = machine({ flavor: 'gnu', files: { '/pod.yaml': 'kind: Pod\n  - containerPort: 8081\n    port: 8081\n' } });
    expect(m.run(['sed', 's/o/0/'], { stdin: 'foo\nbar\n' }).out.text).toBe('f0o\nbar\n');
    expect(m.run(['sed', 's/o/0/g'], { stdin: 'foo\n' }).out.text).toBe('f00\n');
    expect(m.run(['sed', '-n', '2,3p'], { stdin: 'a\nb\nc\nd\n' }).out.text).toBe('b\nc\n');
    expect(m.run(['sed', '/^#/d'], { stdin: '# x\ny\n' }).out.text).toBe('y\n');
    expect(m.run(['sed', '-n', '$p'], { stdin: 'a\nb\n' }).out.text).toBe('b\n');
    expect(m.run(['sed', '-E', 's/(web)-([0-9]+)/\\2:\\1 [&]/'], { stdin: 'web-12\n' }).out.text).toBe('12:web [web-12]\n');
    expect(m.run(['sed', 's/\\(a\\)b/\\1\\1/'], { stdin: 'ab\n' }).out.text).toBe('aa\n');
    expect(m.run(['sed', '2q'], { stdin: 'a\nb\nc\n' }).out.text).toBe('a\nb\n');
    expect(m.run(['sed', '-n', '/b/,/c/p'], { stdin: 'a\nb\nx\nc\nd\n' }).out.text).toBe('b\nx\nc\n');
    expect(m.run(['sed', '-i', 's/8081/8080/', '/pod.yaml']).code).toBe(0);
    expect(m.run(['cat', '/pod.yaml']).out.text).toBe('kind: Pod\n  - containerPort: 8080\n    port: 8080\n');
    expect(m.run(['sed', 'p', '/nope']).err.text).toBe("sed: can't read /nope: No such file or directory\n");
    expect(m.run(['sed', 'k'], { stdin: '' }).err.text).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
  });

  it('sed and grep basic regexps: ^ and $ anchor only at the ends, else they are plain characters (POSIX BRE)', () => {
    const m = machine({ flavor: 'gnu' });
    // The Kubernetes docs' parallel-processing-expansion page: `sed "s/\$ITEM/$i/"` fills in its Job template.
    expect(m.run(['sed', 's/$ITEM/apple/'], { stdin: 'name: process-item-$ITEM\n' }).out.text).toBe('name: process-item-apple\n');
    expect(m.run(['sed', 's/a^b/X/'], { stdin: 'a^b\n' }).out.text).toBe('X\n');
    expect(m.run(['sed', 's/x$/Y/'], { stdin: 'x$x\n' }).out.text).toBe('x$Y\n');
    expect(m.run(['sed', 's/\\(^a\\)/[\\1]/'], { stdin: 'aa\n' }).out.text).toBe('[a]a\n');
    expect(m.run(['sed', 's/[$^]/_/g'], { stdin: '$a^\n' }).out.text).toBe('_a_\n');
    expect(m.run(['grep', '-c', 'a$b'], { stdin: 'a$b\nab\n' }).out.text).toBe('1\n');
    expect(m.run(['grep', '-E', '-c', 'a$b'], { stdin: 'a$b\n' }).out.text).toBe('0\n');
  });

  it('grep -i -v -n -c -E, exit codes and missing files', () => {
    const m = machine({ files: { '/f': text } });
    expect(m.run(['grep', 'a', '/f']).out.text).toBe('a\na\n');
    expect(m.run(['grep', '-i', '-n', 'a', '/f']).out.text).toBe('2:a\n4:a\n5:A\n');
    expect(m.run(['grep', '-v', '-c', 'a', '/f']).out.text).toBe('3\n');
    expect(m.run(['grep', '-E', 'b|c', '/f']).out.text).toBe('b\nc\n');
    expect(m.run(['grep', 'b\\|c', '/f']).out.text).toBe('b\nc\n');
    // Each -e adds a pattern (GNU grep: a line matching any of them is selected).
    expect(m.run(['grep', '-e', 'b', '-e', 'c', '/f']).out.text).toBe('b\nc\n');
    expect(m.run(['grep', '-c', '-e', 'x', '-e', 'b', '/f']).out.text).toBe('1\n');
    expect(m.run(['grep', 'zzz', '/f']).code).toBe(1);
    const missing = m.run(['grep', 'a', '/nope']);
    expect([missing.err.text, missing.code]).toEqual(['grep: /nope: No such file or directory\n', 2]);
    expect(m.run(['grep', 'x'], { stdin: 'x1\ny\n' }).out.text).toBe('x1\n');
    // Context: `-` marks context lines, `--` separates groups that do not touch (GNU and busybox grep).
    const described = 'State: Running\n  Started: now\nReady: True\nx\ny\nz\nState: Waiting\n  Reason: CrashLoopBackOff\n';
    expect(m.run(['grep', '-A1', 'State:'], { stdin: described }).out.text).toBe('State: Running\n  Started: now\n--\nState: Waiting\n  Reason: CrashLoopBackOff\n');
    expect(m.run(['grep', '-n', '-B', '1', 'Ready'], { stdin: described }).out.text).toBe('2-  Started: now\n3:Ready: True\n');
    expect(m.run(['grep', '-C1', '^[xz]$'], { stdin: described }).out.text).toBe('Ready: True\nx\ny\nz\nState: Waiting\n');
    expect(m.run(['grep', '-A', 'two', 'x'], { stdin: described })).toMatchObject({ code: 2, err: { text: 'grep: two: invalid context length argument\n' } });
  });
});

describe('file management', () => {
  it('touch, mkdir -p, cp, mv, rm -r, rmdir with both wordings', () => {
    const m = machine({ files: { '/a': 'A', '/full/x': '' } });
    expect(m.run(['touch', '/t']).code).toBe(0);
    expect(m.fs.exists('/t')).toBe(true);
    expect(m.run(['touch', '/no/t']).err.text).toBe('touch: /no/t: No such file or directory\n');
    expect(m.run(['mkdir', '/full']).err.text).toBe("mkdir: can't create directory '/full': File exists\n");
    expect(m.run(['mkdir', '-p', '/p/q/r']).code).toBe(0);
    expect(m.run(['cp', '/a', '/p/q']).code).toBe(0);
    expect(m.fs.readFile('/p/q/a')).toBe('A');
    expect(m.run(['cp', '/zz', '/b']).err.text).toBe("cp: can't stat '/zz': No such file or directory\n");
    expect(m.run(['cp', '/p', '/p2']).err.text).toBe("cp: omitting directory '/p'\n");
    expect(m.run(['mv', '/a', '/b']).code).toBe(0);
    expect(m.fs.readFile('/b')).toBe('A');
    expect(m.run(['rm', '/zz']).err.text).toBe("rm: can't remove '/zz': No such file or directory\n");
    expect(m.run(['rm', '-f', '/zz']).code).toBe(0);
    expect(m.run(['rm', '/p']).err.text).toBe("rm: '/p' is a directory\n");
    expect(m.run(['rmdir', '/full']).err.text).toBe("rmdir: '/full': Directory not empty\n");
    expect(m.run(['rm', '-r', '/p']).code).toBe(0);
    expect(m.fs.exists('/p')).toBe(false);
    const g = machine({ flavor: 'gnu', files: { '/full/x': '' } });
    expect(g.run(['rm', '/zz']).err.text).toBe("rm: cannot remove '/zz': No such file or directory\n");
    expect(g.run(['mkdir', '/full']).err.text).toBe("mkdir: cannot create directory '/full': File exists\n");
    expect(g.run(['touch', '/no/t']).err.text).toBe("touch: cannot touch '/no/t': No such file or directory\n");
    expect(g.run(['rmdir', '/full']).err.text).toBe("rmdir: failed to remove '/full': Directory not empty\n");
  });
});

describe('usage errors and the busybox dispatcher', () => {
  it('missing operands print busybox usage or the GNU hint', () => {
    const m = machine();
    expect(m.run(['sleep']).err.text).toBe('BusyBox v1.37.0 (2024-09-30 10:39:57 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
    expect(machine({ flavor: 'gnu' }).run(['cp', '/a']).err.text).toBe("cp: missing file operand\nTry 'cp --help' for more information.\n");
    expect(m.run(['ls', '-z']).err.text).toBe('ls: unrecognized option: z\nBusyBox v1.37.0 (2024-09-30 10:39:57 UTC) multi-call binary.\n\nUsage: ls [OPTIONS]\n');
    expect(machine({ flavor: 'gnu' }).run(['ls', '--bogus']).err.text).toBe("ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n");
  });

  it('busybox runs the applet named by argv[0] or its first argument', async () => {
    const { makeBusybox } = await import('./busybox.js');
    const { PROGRAMS } = await import('./index.js');
    const m = machine();
    const bb = makeBusybox(PROGRAMS);
    const run = (argv: string[]) => {
      const out = { text: '', write(d: string) { this.text += d; } };
      const err = { text: '', write(d: string) { this.text += d; } };
      const p = m.pids.spawn({ argv, program: bb, stdin: { read: () => ({ subscribe: (f) => (f(null), () => {}) }) }, stdout: out, stderr: err, sys: { clock: m.clock, hostname: () => 'box', resolve: () => undefined }, ctx: m.ctx });
      return { out: out.text, err: err.text, code: p.exitCode };
    };
    expect(run(['/bin/echo', 'hi']).out).toBe('hi\n');
    expect(run(['busybox', 'echo', 'hi']).out).toBe('hi\n');
    expect(run(['/bin/nope'])).toEqual({ out: '', err: 'nope: applet not found\n', code: 127 });
  });
});

describe('free', () => {
  it('prints the node memory table in busybox columns', () => {
    expect(machine().run(['free']).out.text).toBe(
      '              total        used        free      shared  buff/cache   available\nMem:        8039420     1034152     5470812        1212     1534456     7005268\nSwap:             0           0           0\n',
    );
    expect(machine().run(['free', '-m']).out.text.split('\n')[1]).toBe('Mem:           7850        1009        5342           1        1498        6841');
  });
});
