import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { PidNamespace } from './process.js';
import { SIGNALS } from './signals.js';
import { Pipe, StringSink } from './streams.js';
import { forever, wait } from './waitable.js';
import { openPty } from './pty.js';
import { Tty, ttyOf } from './tty.js';

function setup() {
  let shown = '';
  const tty = new Tty((d) => (shown += d));
  const got: (string | null)[] = [];
  const read = () => tty.input.read().subscribe((v) => got.push(v));
  return { tty, got, read, shown: () => shown };
}

function sleeper(ns: PidNamespace, clock: Clock, pgid?: number) {
  return ns.spawn({
    argv: ['sleep'],
    sys: { clock, resolve: () => undefined, hostname: () => 'h' },
    stdin: new Pipe(),
    stdout: new StringSink(),
    stderr: new StringSink(),
    pgid,
    newGroup: pgid === undefined,
    *program() {
      yield* wait(forever);
      return 0;
    },
  });
}

describe('tty line discipline', () => {
  it('canonical mode echoes, edits and delivers whole lines', () => {
    const t = setup();
    t.read();
    t.tty.type('lsx\x7f -l\r');
    expect(t.got).toEqual(['ls -l\n']);
    expect(t.shown()).toBe('lsx\b \b -l\r\n');
  });

  it('raw mode delivers bytes at once without echo', () => {
    const t = setup();
    t.tty.setMode({ canonical: false, echo: false, isig: false });
    t.read();
    t.tty.type('\x1b[A');
    expect(t.got).toEqual(['\x1b[A']);
    expect(t.shown()).toBe('');
  });

  it('leaving canonical mode makes a line typed only in part readable', () => {
    const t = setup();
    t.tty.type('echo hel');
    t.tty.setMode({ canonical: false, echo: false, isig: false });
    t.read();
    expect(t.got).toEqual(['echo hel']);
  });

  it('Ctrl+C, Ctrl+Z and Ctrl+\\ signal the foreground process group only', () => {
    const clock = new Clock(0);
    const ns = new PidNamespace(false, 10);
    const fg = sleeper(ns, clock);
    const fg2 = sleeper(ns, clock, fg.pgid);
    const bg = sleeper(ns, clock);
    const t = setup();
    t.tty.setForeground(ns, fg.pgid);
    t.tty.type('\x1a');
    expect([fg.state, fg2.state, bg.state]).toEqual(['stopped', 'stopped', 'running']);
    fg.kill(SIGNALS.SIGCONT);
    fg2.kill(SIGNALS.SIGCONT);
    t.tty.type('\x03');
    expect([fg.exitCode, fg2.exitCode, bg.alive]).toEqual([130, 130, true]);
    expect(t.shown()).toBe('^Z^C');
  });

  it('Ctrl+D on an empty line is end of input', () => {
    const t = setup();
    t.read();
    t.tty.type('\x04');
    expect(t.got).toEqual([null]);
  });

  it('translates \\n to \\r\\n on output', () => {
    const t = setup();
    t.tty.output.write('a\nb\r\n');
    expect(t.shown()).toBe('a\r\nb\r\n');
    expect(ttyOf(t.tty.output)).toBe(t.tty);
  });

  it('a pty relays a remote session and counts as busy while its foreground job runs', () => {
    const local = setup();
    local.tty.setMode({ canonical: false, echo: false, isig: false });
    const toRemote = new Pipe();
    const pty = openPty({ stdin: toRemote, stdout: local.tty.output });
    const clock = new Clock(0);
    const ns = new PidNamespace(false, 1);
    const remote = sleeper(ns, clock);
    pty.tty.setForeground(ns, remote.pgid);
    local.read();
    expect(local.tty.awaitingInput).toBe(false);
    toRemote.write('\x03');
    expect(remote.exitCode).toBe(130);
    expect(local.shown()).toBe('^C');
    expect(local.tty.awaitingInput).toBe(true);
  });
});
