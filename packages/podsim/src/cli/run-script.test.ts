import { describe, expect, it } from 'vitest';
import { parseCli } from './main.js';
import { isInterruptLine, runScript, runScriptDetailed, sleepMs } from './run-script.js';

describe('podsim run', () => {
  it('prints each line as `$ line` then what the terminal showed, with background output in virtual-time order', () => {
    const script = [
      'echo start',
      'sleep 100 &',
      'jobs',
      'fg',
      '^C',
      '(for i in 1 2 3 4 5; do sleep 2; echo tick $i; done) &',
      'sleep 5',
      'fg',
      'ctrl+c',
      'jobs',
      '',
      'cat notes.txt | wc -l',
      'vi notes.txt',
    ].join('\n');
    expect(runScript(script, { files: { 'notes.txt': 'a\nb\n' } })).toBe(
      [
        '$ echo start',
        'start',
        '$ sleep 100 &',
        '[1] 1201',
        '$ jobs',
        '[1]+  Running                 sleep 100 &',
        '$ fg',
        'sleep 100',
        '$ ^C',
        '$ (for i in 1 2 3 4 5; do sleep 2; echo tick $i; done) &',
        '[1] 1202',
        '$ sleep 5',
        'tick 1',
        'tick 2',
        '$ fg',
        '(for i in 1 2 3 4 5; do sleep 2; echo tick $i; done)',
        '$ ^C',
        '$ jobs',
        '$ cat notes.txt | wc -l',
        '2',
        '$ vi notes.txt',
        '',
      ].join('\n'),
    );
  });

  it('is deterministic for a seed', () => {
    const script = 'kubectl run web --image=nginx\nsleep 20\nkubectl get pods -o wide';
    expect(runScript(script, { seed: 3 })).toBe(runScript(script, { seed: 3 }));
  });

  it('accepts ^C and the course’s ctrl+c spelling as Ctrl+C', () => {
    expect(['^C', 'ctrl+c', ' CTRL+C '].map(isInterruptLine)).toEqual([true, true, true]);
    expect(isInterruptLine('echo ^C')).toBe(false);
  });

  it('parses the command line', () => {
    expect(parseCli(['run', 's.sh', '--dir', 'd', '--seed', '4'])).toEqual({ help: false, command: 'run', script: 's.sh', dir: 'd', seed: 4 });
    expect(parseCli([])).toEqual({ help: false });
    expect(parseCli(['run'])).toBe('run needs a SCRIPT');
    expect(parseCli(['--seed', 'x'])).toBe('--seed must be a number, got "x"');
  });
});

describe('podsim run: output without a newline, long sleeps, --strict', () => {
  it('keeps output that does not end in a newline', () => {
    expect(runScript("printf abc\necho next\nkubectl get ns default -o jsonpath='{.metadata.name}'")).toBe('$ printf abc\nabc$ echo next\nnext\n$ kubectl get ns default -o jsonpath=\'{.metadata.name}\'\ndefault');
  });

  it('lets a sleep of any length pass before the next line', () => {
    const t = runScript('date +%H:%M\nsleep 3600\ndate +%H:%M\nsleep 1h 30m\ndate +%H:%M');
    expect(t).toBe('$ date +%H:%M\n09:00\n$ sleep 3600\n$ date +%H:%M\n10:00\n$ sleep 1h 30m\n$ date +%H:%M\n11:30\n');
    expect([sleepMs('sleep 2'), sleepMs('sleep 1.5m'), sleepMs('sleep 1d'), sleepMs('sleep 5 &'), sleepMs('sleep x')]).toEqual([2000, 90_000, 86_400_000, undefined, undefined]);
  });

  it('reports the lines whose command failed, not those the script interrupts', () => {
    const r = runScriptDetailed('true\nfalse\nkubectl get pod nope\nkubectl get pods -w\n^C\necho ok');
    expect(r.failures.map((f) => [f.line, f.status])).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(parseCli(['run', 's.sh', '--strict'])).toEqual({ help: false, command: 'run', script: 's.sh', strict: true });
  });
});
