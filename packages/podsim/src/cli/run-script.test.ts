import { describe, expect, it } from 'vitest';
import { parseCli } from './main.js';
import { isInterruptLine, runScript } from './run-script.js';

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
