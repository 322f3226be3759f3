/** Test helpers: a small machine (file system + coreutils) to run the shells on in virtual time. */
import { Clock } from '../clock/clock.js';
import { FileSystem } from '../kernel/fs.js';
import { PidNamespace, type Program, type System } from '../kernel/process.js';
import { StringSink, emptyInput, type InputStream } from '../kernel/streams.js';
import { PROGRAMS } from '../programs/index.js';
import { Tty } from '../kernel/tty.js';
import { plainText } from '../format/screen-text.js';
import { ash, bash, dash } from './index.js';

export interface TestMachine {
  clock: Clock;
  fs: FileSystem;
  ns: PidNamespace;
  sys: System;
}

export function testMachine(extra: Record<string, Program> = {}): TestMachine {
  const clock = new Clock(0);
  const fs = new FileSystem(() => clock.now());
  fs.mkdir('/home/learner', true);
  fs.mkdir('/tmp', true);
  const ns = new PidNamespace(false, 100);
  const table: Record<string, Program> = { ...PROGRAMS, bash, sh: ash, ...extra };
  const sys: System = {
    clock,
    hostname: () => 'podlab',
    resolve(command) {
      const name = command.split('/').pop()!;
      return Object.hasOwn(table, name) ? { path: `/usr/bin/${name}`, program: table[name] } : undefined;
    },
    commands: () => Object.keys(table),
  } as System;
  return { clock, fs, ns, sys };
}

/** Runs `sh -c script` (or bash) to completion; virtual time advances as needed (at most `maxMs`). */
export function runShell(flavour: 'bash' | 'ash' | 'dash', script: string, opts: { machine?: TestMachine; stdin?: InputStream; maxMs?: number; args?: string[] } = {}) {
  const m = opts.machine ?? testMachine();
  const out = new StringSink();
  const err = new StringSink();
  const both = new StringSink();
  const tee = (a: StringSink) => ({ write: (d: string) => (a.write(d), both.write(d)) });
  const p = m.ns.spawn({
    argv: [flavour === 'bash' ? 'bash' : 'sh', '-c', script, ...(opts.args ?? [])],
    program: { bash, ash, dash }[flavour],
    env: { HOME: '/home/learner', PATH: '/usr/bin:/bin', USER: 'learner' },
    cwd: '/home/learner',
    stdin: opts.stdin ?? emptyInput,
    stdout: tee(out),
    stderr: tee(err),
    sys: m.sys,
    ctx: { fs: m.fs },
  });
  const limit = m.clock.now() + (opts.maxMs ?? 3_600_000);
  while (p.alive && m.clock.nextDue() !== undefined && m.clock.nextDue()! <= limit) m.clock.step();
  return { stdout: out.text, stderr: err.text, output: both.text, status: p.exitCode, proc: p, machine: m };
}

/** An interactive shell on a terminal, driven by keystrokes; `screen` is every byte it showed. */
export function terminalSession(flavour: 'bash' | 'ash' = 'bash', opts: { machine?: TestMachine; cols?: number } = {}) {
  const m = opts.machine ?? testMachine();
  let screen = '';
  const tty = new Tty((d) => (screen += d), opts.cols ?? 80, 24);
  const env: Record<string, string> = flavour === 'bash' ? { HOME: '/home/learner', PATH: '/usr/bin:/bin', USER: 'learner' } : { HOME: '/root', PATH: '/bin' };
  const proc = m.ns.spawn({
    argv: [flavour === 'bash' ? 'bash' : 'sh'],
    program: { bash, ash, dash }[flavour],
    env,
    cwd: flavour === 'bash' ? '/home/learner' : '/',
    stdin: tty.input,
    stdout: tty.output,
    stderr: tty.output,
    sys: m.sys,
    ctx: { fs: m.fs },
    newGroup: true,
  });
  const settle = (maxMs = 600_000) => {
    const deadline = m.clock.now() + maxMs;
    m.clock.flush();
    while (!tty.awaitingInput) {
      const next = m.clock.nextDue();
      if (next === undefined) break;
      if (next > deadline) {
        m.clock.advance(deadline - m.clock.now());
        break;
      }
      m.clock.step();
    }
  };
  settle();
  return {
    machine: m,
    tty,
    proc,
    settle,
    get screen() {
      return screen;
    },
    clear() {
      screen = '';
    },
    /** Types keys, lets the shell work, returns the bytes shown meanwhile. */
    type(keys: string, maxMs?: number): string {
      const from = screen.length;
      tty.type(keys);
      settle(maxMs);
      return screen.slice(from);
    },
    /** Plain text shown after typing `line` + Enter. */
    run(line: string, maxMs?: number): string {
      const from = screen.length;
      tty.type(line + '\r');
      settle(maxMs);
      return plainText(screen.slice(from));
    },
  };
}
