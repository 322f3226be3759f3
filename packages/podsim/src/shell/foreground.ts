/** Spawning children and waiting for a foreground job, with tty hand-over when job control is on. */
import { SIGNALS } from '../kernel/signals.js';
import type { Program, Proc } from '../kernel/process.js';
import { sleep, wait, type Task, type Waitable } from '../kernel/waitable.js';
import { ExitSignal, InterruptSignal, ReturnSignal, BreakSignal } from './control.js';
import type { Io } from './io.js';
import { jobSettled, signalDeathText, type Job } from './jobs.js';
import type { Shell } from './shell.js';

export interface Group {
  newGroup?: boolean;
  pgid?: number;
  /**
   * The child only starts running after the shell's current step (a background job): after fork the parent
   * goes on at once, so bash's `[1] 1202` comes before anything the job prints.
   */
  deferStart?: boolean;
  /**
   * The child runs once this settles: a shell forks every element of a pipeline before any of them
   * gets far, so `ps aux | grep x` lists the grep.
   */
  startGate?: Waitable<unknown>;
}

function deferred(program: Program, gate: Waitable<unknown> | undefined, tick: boolean): Program {
  return function* (p) {
    if (tick) yield* wait(sleep(p.clock, 0));
    if (gate) yield* wait(gate);
    return yield* program(p);
  };
}

export function spawnProgram(sh: Shell, argv: string[], program: Program, env: Record<string, string>, io: Io, group: Group): Proc {
  const { deferStart, startGate, ...pg } = group;
  return sh.proc.ns.spawn({
    argv,
    program: deferStart || startGate ? deferred(program, startGate, deferStart ?? false) : program,
    env,
    cwd: sh.cwd,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    parent: sh.proc,
    sys: sh.proc.sys,
    ...pg,
  });
}

/** execve(2) from the shell: `program` replaces it in the same process, and the shell ends with its status. */
export function* execProgram(sh: Shell, argv: string[], program: Program, env: Record<string, string>, io: Io): Task<never> {
  const p = sh.proc;
  p.exec(argv);
  p.env = env;
  p.cwd = sh.cwd;
  p.stdin = io.stdin;
  p.stdout = io.stdout;
  p.stderr = io.stderr;
  throw new ExitSignal(yield* program(p));
}

/** Forks: runs `body` in a copy of the shell inside a new process. */
export function spawnSubshell(sh: Shell, io: Io, group: Group, body: (sub: Shell) => Task<number>): Proc {
  const program: Program = function* (p) {
    const sub = sh.clone(p);
    sub.interactive = false;
    sub.jobControl = false;
    sub.io = io;
    return yield* runGuarded(sub, body);
  };
  return spawnProgram(sh, [sh.proc.argv[0] ?? sh.origin.name], program, sh.environment(), io, group);
}

/** Runs a subshell body, turning exit/return/break into a status as a forked shell would. */
export function* runGuarded(sub: Shell, body: (sub: Shell) => Task<number>): Task<number> {
  try {
    return yield* body(sub);
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof BreakSignal || e instanceof InterruptSignal) return sub.status;
    throw e;
  }
}

/** Waits for `procs` (one job) in the foreground; returns the status of the last one. */
export function* waitForeground(sh: Shell, procs: Proc[], text: string, job?: Job): Task<number> {
  const tty = sh.jobControl ? sh.tty : undefined;
  const lead = procs[0];
  if (tty) tty.setForeground(lead.ns, lead.pgid);
  for (;;) {
    yield* wait(jobSettled(procs));
    const stopped = procs.some((p) => p.state === 'stopped');
    if (!stopped) break;
    if (sh.jobControl) {
      if (tty) tty.setForeground(sh.proc.ns, sh.proc.pgid);
      const j = job ?? sh.jobs.add(lead.pgid, procs, text);
      sh.jobs.touch(j);
      sh.io.stderr.write(`\n${sh.jobs.format(j)}\n`);
      return 128 + SIGNALS.SIGTSTP;
    }
    // Without job control a stopped child simply keeps the shell waiting.
    yield* wait({ subscribe: (r) => lead.onStateChange(() => r(undefined)) });
  }
  if (tty) tty.setForeground(sh.proc.ns, sh.proc.pgid);
  if (job) sh.jobs.remove(job);
  const last = procs[procs.length - 1];
  if (procs.some((p) => p.termSignal === SIGNALS.SIGINT) && sh.interactive) {
    sh.io.stderr.write('\n');
    sh.interrupted = true;
  } else if (sh.interactive) {
    const death = signalDeathText(last);
    if (death) sh.io.stderr.write(`${death}\n`);
  }
  return last.exitCode ?? 0;
}
