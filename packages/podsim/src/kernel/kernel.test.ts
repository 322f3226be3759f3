import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { PidNamespace, type System } from './process.js';
import { SIGNALS } from './signals.js';
import { Pipe, StringSink, emptyInput } from './streams.js';
import { sleep, wait } from './waitable.js';

const sysFor = (clock: Clock): System => ({ clock, resolve: () => undefined, hostname: () => 'test' });

describe('clock', () => {
  it('runs timers in due order and leaves time at the target', () => {
    const c = new Clock(0);
    const seen: string[] = [];
    c.setTimer(20, () => seen.push(`b@${c.now()}`));
    c.setTimer(10, () => {
      seen.push(`a@${c.now()}`);
      c.setTimer(5, () => seen.push(`c@${c.now()}`));
    });
    c.advance(30);
    expect(seen).toEqual(['a@10', 'c@15', 'b@20']);
    expect(c.now()).toBe(30);
  });

  it('cancelled timers never fire', () => {
    const c = new Clock(0);
    let fired = false;
    const t = c.setTimer(1, () => (fired = true));
    c.cancel(t);
    c.advance(10);
    expect(fired).toBe(false);
    expect(c.nextDue()).toBeUndefined();
  });
});

describe('processes', () => {
  it('a generator program sleeps in virtual time and exits with its status', () => {
    const clock = new Clock(0);
    const ns = new PidNamespace(true);
    const out = new StringSink();
    const p = ns.spawn({
      argv: ['loop'],
      sys: sysFor(clock),
      stdin: emptyInput,
      stdout: out,
      stderr: out,
      *program(proc) {
        for (let i = 0; i < 3; i++) {
          proc.stdout.write(`tick ${proc.clock.now()}\n`);
          yield* wait(sleep(proc.clock, 5000));
        }
        return 3;
      },
    });
    expect(p.pid).toBe(1);
    clock.advance(20_000);
    expect(out.text).toBe('tick 0\ntick 5000\ntick 10000\n');
    expect(p.exitCode).toBe(3);
  });

  it('PID 1 ignores an unhandled SIGTERM but not SIGKILL', () => {
    const clock = new Clock(0);
    const ns = new PidNamespace(true);
    const p = ns.spawn({
      argv: ['sleep', '3600'],
      sys: sysFor(clock),
      stdin: emptyInput,
      stdout: new StringSink(),
      stderr: new StringSink(),
      *program(proc) {
        yield* wait(sleep(proc.clock, 3_600_000));
        return 0;
      },
    });
    p.kill(SIGNALS.SIGTERM);
    expect(p.alive).toBe(true);
    p.kill(SIGNALS.SIGKILL);
    expect(p.exitCode).toBe(137);
  });

  it('a handler decides the exit status; a non-init process dies by SIGTERM with 143', () => {
    const clock = new Clock(0);
    const ns = new PidNamespace(true);
    const mk = (handle: boolean) =>
      ns.spawn({
        argv: ['app'],
        sys: sysFor(clock),
        stdin: emptyInput,
        stdout: new StringSink(),
        stderr: new StringSink(),
        *program(proc) {
          if (handle) proc.trap(SIGNALS.SIGTERM, () => proc.exit(2));
          yield* wait(sleep(proc.clock, 1e9));
          return 0;
        },
      });
    const init = mk(true);
    const child = mk(false);
    child.kill(SIGNALS.SIGTERM);
    expect(child.exitCode).toBe(143);
    init.kill(SIGNALS.SIGTERM);
    expect(init.exitCode).toBe(2);
  });

  it('stopped processes resume on SIGCONT, and pipes deliver data then EOF', () => {
    const clock = new Clock(0);
    const ns = new PidNamespace(false, 100);
    const pipe = new Pipe();
    const got: string[] = [];
    const p = ns.spawn({
      argv: ['cat'],
      sys: sysFor(clock),
      stdin: pipe,
      stdout: new StringSink(),
      stderr: new StringSink(),
      *program(proc) {
        for (;;) {
          const chunk = yield* wait(proc.stdin.read());
          if (chunk === null) return 0;
          got.push(chunk);
        }
      },
    });
    p.kill(SIGNALS.SIGTSTP);
    pipe.write('a');
    expect(got).toEqual([]);
    p.kill(SIGNALS.SIGCONT);
    expect(got).toEqual(['a']);
    pipe.close();
    expect(p.exitCode).toBe(0);
    expect(p.pid).toBe(100);
  });
});
