import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from '../format/screen-text.js';
import { formatColumns } from './line-editor.js';
import { terminalSession, testMachine } from './testing.js';

const P = 'learner@podlab:~$ ';

describe('line editor: keystrokes to screen bytes', () => {
  it('echoes typing, Backspace erases, Enter runs', () => {
    const t = terminalSession('bash');
    expect(t.type('echo hix')).toBe('echo hix');
    expect(t.type('\x7f')).toBe('\b\x1b[K');
    expect(t.type('\r')).toBe('\r\n\x1b[?2004l\rhi\r\n\x1b[?2004h' + P);
  });

  it('moves with Left/Right/Home/End and inserts in the middle', () => {
    const t = terminalSession('bash');
    t.type('echo ac');
    expect(t.type('\x1b[D')).toBe('\b');
    expect(t.type('b')).toBe('bc\x1b[K\b');
    expect(t.type('\x01')).toBe('\x1b[7D');
    expect(t.type('\x05')).toBe('\x1b[8C');
    expect(t.run('')).toBe('\nabc\n' + P.trimEnd());
  });

  it('Ctrl+U, Ctrl+K, Ctrl+W kill and Ctrl+Y yanks', () => {
    const t = terminalSession('bash');
    t.type('echo one two');
    t.type('\x17');
    expect(t.type('\x19')).toBe('two');
    t.type('\x01\x0b');
    expect(t.type('\x19\x05')).toBe('echo one two');
    expect(t.run('')).toBe('\none two\n' + P.trimEnd());
    t.type('junk');
    t.type('\x15');
    expect(t.run('echo clean')).toBe('echo clean\nclean\n' + P.trimEnd());
  });

  it('Delete removes under the cursor; Ctrl+D does too when the line is not empty', () => {
    const t = terminalSession('bash');
    t.type('echo abXc\x1b[D\x1b[D');
    t.type('\x1b[3~');
    expect(t.run('')).toBe('\nabc\n' + P.trimEnd());
  });

  it('Up and Down walk the history, keeping the line being typed', () => {
    const t = terminalSession('bash');
    t.run('echo first');
    t.run('echo second');
    t.type('draft');
    expect(t.type('\x1b[A')).toBe('\x1b[5Decho second\x1b[K');
    t.type('\x1b[A');
    t.type('\x1b[B\x1b[B');
    expect(t.run('')).toBe('\nbash: draft: command not found\n' + P.trimEnd());
    expect(t.run('history')).toBe('history\n    1  echo first\n    2  echo second\n    3  draft\n    4  history\n' + P.trimEnd());
  });

  it('Ctrl+R searches the history backwards', () => {
    const t = terminalSession('bash');
    t.run('kubectl get pods');
    t.run('echo other');
    t.type('\x12');
    const shown = t.type('kub');
    expect(shown.endsWith("\r\x1b[K(reverse-i-search)`kub': kubectl get pods\x1b[16D")).toBe(true);
    expect(t.type('\r')).toContain('kubectl: command not found');
  });

  it('Ctrl+L clears the screen and redraws the line', () => {
    const t = terminalSession('bash');
    t.type('echo x');
    expect(t.type('\x0c')).toBe('\x1b[H\x1b[2J' + P + 'echo x');
  });

  it('a multi-line paste runs line by line', () => {
    const t = terminalSession('bash');
    const out = t.type('\x1b[200~echo one\necho two\n\x1b[201~');
    expect(plainText(out)).toBe(`echo one\none\n${P}echo two\ntwo\n${P.trimEnd()}`);
  });

  it('keeps UTF-8 text whole', () => {
    const t = terminalSession('bash');
    t.type('echo héllo→✓');
    expect(t.type('\x7f')).toBe('\b\x1b[K');
    expect(t.run('')).toBe('\nhéllo→\n' + P.trimEnd());
  });
});

describe('line editor robustness', () => {
  it('any keystroke sequence leaves the shell alive and at a prompt', () => {
    const keys = [
      'a',
      ' ',
      '\x7f',
      '\x1b[D',
      '\x1b[C',
      '\x1b[A',
      '\x1b[B',
      '\x01',
      '\x05',
      '\x0b',
      '\x15',
      '\x17',
      '\x19',
      '\x12',
      '\x07',
      '\t',
      '\x1b[3~',
      '\x1b',
      '"',
      "'",
      '(',
      'é',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys), { maxLength: 30 }), (seq) => {
        const t = terminalSession('bash');
        t.type(seq.join(''));
        t.type('\x03');
        expect(t.proc.alive).toBe(true);
        expect(t.run('echo ok')).toBe('echo ok\nok\nlearner@podlab:~$');
      }),
      { numRuns: 40 },
    );
  });
});

describe('completion', () => {
  it('completes a unique command and a file name', () => {
    const m = testMachine({
      zzdemo: function* () {
        return 0;
      },
    });
    m.fs.writeFile('/home/learner/pod-restart-policy.yaml', '');
    const t = terminalSession('bash', { machine: m });
    expect(t.type('zzx\x7f\t')).toBe('zzx\b\x1b[Kdemo ');
    t.type('\x15');
    expect(t.type('cat pod-\t')).toBe('cat pod-restart-policy.yaml ');
  });

  it('rings on the first ambiguous Tab and lists on the second, as bash does', () => {
    const m = testMachine();
    for (const f of ['pod.yaml', 'pod-restart-policy.yaml', 'probes.yaml']) m.fs.writeFile(`/home/learner/${f}`, '');
    const t = terminalSession('bash', { machine: m });
    t.type('more p');
    expect(t.type('\t')).toBe('\x07');
    expect(t.type('\t')).toBe('\r\n' + 'pod-restart-policy.yaml  pod.yaml                 probes.yaml\r\n' + P + 'more p');
  });

  it('lays out lists in columns down then across', () => {
    expect(formatColumns(['a', 'bb', 'c', 'dd', 'e'], 10)).toBe('a   c   e\nbb  dd\n');
  });
});
