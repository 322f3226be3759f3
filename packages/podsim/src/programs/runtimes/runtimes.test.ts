import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../kernel/signals.js';
import { exitOf, logText, testPod } from '../../runtime/testing.js';
import { piDigits } from './perl.js';

function run(image: string, command: string[], ms = 100) {
  const pod = testPod();
  const c = pod.run(image, { command });
  pod.clock.advance(ms);
  return { pod, c, log: logText(c), exit: exitOf(c) };
}

describe('language runtime images', () => {
  it('report their versions from the tag', () => {
    expect(run('python:3.12', ['python', '--version']).log).toMatch(/^Python 3\.12\.\d+\n$/);
    expect(run('node:20-alpine', ['node', '--version']).log).toMatch(/^v20\.\d+\.\d+\n$/);
    expect(run('golang:1.21', ['go', 'version']).log).toMatch(/^go version go1\.21\.\d+ linux\/amd64\n$/);
    expect(run('php:8.2', ['php', '-a']).exit).toMatchObject({ exitCode: 1 });
  });

  it('python -c: print, arithmetic, loops, environment, file writes, f-strings', () => {
    const r = run('python:3.12', ['python', '-c', "import os; x = 6 * 7; print('answer', x); [print(i) for i in []]" ]);
    expect(r.log).toContain('Traceback');
    const ok = run('python:3.12', ['python3', '-c', "import os, time\nfor i in range(3):\n    print(i, i * 2)\nopen('/tmp/f', 'w').write(os.environ.get('HOME', '?'))\nprint(f'done {len(\"abc\")}')"]);
    expect(ok.log).toBe('0 0\n1 2\n2 4\ndone 3\n');
    expect(ok.exit).toMatchObject({ exitCode: 0 });
  });

  it('node -e: the Array and String methods one-liners use (outputs of node v20.20 on the same code)', () => {
    const node = (code: string) => run('node:20', ['node', '-e', code]);
    expect(node('console.log([1,2,3].map(x=>x*2))').log).toBe('[ 2, 4, 6 ]\n');
    expect(node('console.log([1,2,3,4].filter(x => x % 2 === 0).join("-"))').log).toBe('2-4\n');
    expect(node('console.log([1,2,3].reduce((a, b) => a + b, 10))').log).toBe('16\n');
    expect(node('console.log("a,b,c".split(",").map(s => s.toUpperCase()))').log).toBe("[ 'A', 'B', 'C' ]\n");
    expect(node('console.log("7".padStart(3, "0"), "ab".repeat(3), [3,1,2].includes(2))').log).toBe('007 ababab true\n');
    const empty = node('[].reduce((a,b)=>a+b)');
    expect(empty.log).toContain('TypeError: Reduce of empty array with no initial value\n');
    expect(empty.exit).toMatchObject({ exitCode: 1 });
    expect(node('"x".repeat(-1)').log).toContain('RangeError: Invalid count value: -1\n');
    // A string too long for the sandbox's memory is refused, not built.
    expect(node('"x".repeat(1e9)').exit).toMatchObject({ exitCode: 1 });
  });

  it('python -c with sleep in a while loop takes virtual time; SIGINT (Ctrl+C) stops an endless one', () => {
    const { pod, c } = run('python:3.12', ['python', '-c', 'import time\nwhile True:\n    print("tick")\n    time.sleep(1)'], 2500);
    expect(logText(c)).toBe('tick\ntick\ntick\n');
    const busy = pod.run('python:3.12', { name: 'busy', command: ['python', '-c', 'while True: pass'] });
    pod.clock.advance(1000);
    expect(exitOf(busy)).toBeUndefined();
    busy.kill(SIGNALS.SIGINT);
    pod.clock.advance(10);
    expect(exitOf(busy)).toMatchObject({ exitCode: 130 });
    expect(logText(busy)).toContain('KeyboardInterrupt\n');
    const again = pod.exec(c, ['python', '-c', 'print(1 + 1)']);
    pod.clock.advance(10);
    expect(again.out.text).toBe('2\n');
  });

  it('python outside the subset fails honestly; sys.exit sets the status', () => {
    expect(run('python:3', ['python', '-c', 'def f(): pass']).exit).toMatchObject({ exitCode: 1 });
    expect(run('python:3', ['python', '-c', 'import numpy']).log).toContain("ModuleNotFoundError: No module named 'numpy'");
    expect(run('python:3', ['python', '-c', 'import sys; sys.exit(3)']).exit).toMatchObject({ exitCode: 3 });
  });

  it('python -m http.server serves the working directory', () => {
    const pod = testPod({ ip: '10.244.1.7' });
    pod.run('python:3.12', { command: ['python', '-m', 'http.server', '8000'], workingDir: '/tmp' });
    const client = testPod({ name: 'c', ip: '10.244.2.3', clock: pod.clock, network: pod.network });
    const bb = client.run('busybox:1.28', { command: ['sleep', '3600'] });
    const r = client.exec(bb, ['wget', '-qO-', '10.244.1.7:8000/']);
    expect(r.out.text).toContain('<title>Directory listing for /</title>');
  });

  it('node -e: console.log, let, for loops, template literals, setInterval keeps running', () => {
    expect(run('node:20', ['node', '-e', 'let s = 0; for (let i = 1; i <= 4; i++) { s += i }; console.log(`sum=${s}`, [1, 2])']).log).toBe('sum=10 [ 1, 2 ]\n');
    const { log } = run('node:20', ['node', '-e', "setInterval(() => console.log('hi'), 1000)"], 3500);
    expect(log).toBe('hi\nhi\nhi\n');
    expect(run('node:20', ['node', '-e', 'process.exit(4)']).exit).toMatchObject({ exitCode: 4 });
    expect(run('node:20', ['node', '-e', 'class A {}']).exit).toMatchObject({ exitCode: 1 });
  });

  it('perl -Mbignum=bpi -wle "print bpi(2000)" (the docs Job) prints π to 2000 digits', () => {
    const r = run('perl:5.34.0', ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], 1000);
    expect(r.log.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(r.log.trim().length).toBe(2001);
    expect(r.log.trim().endsWith('3904780275901')).toBe(true);
    expect(r.exit).toMatchObject({ exitCode: 0 });
    expect(run('perl', ['perl', '-e', 'for my $i (1..3) { print "n=$i\\n" } print $ENV{HOME}']).log).toBe('n=1\nn=2\nn=3\n/root\n');
  });

  it('piDigits rounds the last kept digit', () => {
    expect(piDigits(5)).toBe('3.1416');
    expect(piDigits(1)).toBe('3');
  });
});
