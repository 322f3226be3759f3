/**
 * Processes: generator programs with a PID, signals and an exit status, grouped in PID namespaces.
 * A container is one PID namespace whose PID 1 is its entrypoint; the reader's machine is another.
 */
import type { Clock } from '../clock/clock.js';
import type { FileSystem } from './fs.js';
import { SIGNALS, defaultAction } from './signals.js';
import type { InputStream, OutputStream } from './streams.js';
import { Deferred, type Cancel, type Task, type Waitable } from './waitable.js';

/** What a program sees of the machine it runs on (container or the reader's host). */
export interface System {
  readonly clock: Clock;
  /** Finds a program by name or path, as execve + $PATH lookup would; `as` is the caller's view of the files, whose execute bits decide. */
  resolve(command: string, env: Readonly<Record<string, string>>, as?: FileSystem): { path: string; program: Program } | undefined;
  hostname(): string;
}

export type Program = (proc: Proc) => Task<number>;

/** 'ignore', or a handler run synchronously when the signal arrives (it may call proc.exit). */
export type SignalDisposition = 'ignore' | 'default' | ((signal: number) => void);

export interface SpawnOptions {
  argv: string[];
  program: Program;
  /** Name shown by ps (basename of the executable by default). */
  comm?: string;
  env?: Record<string, string>;
  cwd?: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  parent?: Proc;
  /** Process group; defaults to the parent's (or a new group led by the process). */
  pgid?: number;
  /** Leads a new process group (pgid = own pid), as a job-control shell's setpgid does. */
  newGroup?: boolean;
  sys: System;
  /** Extra per-machine context (file system, network, API client…), typed by the machine that owns it. */
  ctx?: unknown;
  /**
   * Ids the process's threads take from the namespace before its program runs (runc's init is a Go
   * program whose runtime threads exist until it execs the container's command): later PIDs skip them.
   */
  threads?: number;
}

export type ProcState = 'running' | 'stopped' | 'exited';

export class Proc {
  readonly pid: number;
  readonly ppid: number;
  pgid: number;
  comm: string;
  readonly argv: string[];
  env: Record<string, string>;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  readonly sys: System;
  /** Replaced when the process changes credentials in place (setuid then exec, as gosu does). */
  ctx: unknown;
  readonly ns: PidNamespace;
  readonly startedAt: number;
  state: ProcState = 'running';
  exitCode: number | undefined;
  /** Signal that killed the process, if any. */
  termSignal: number | undefined;
  /** Settles with the exit status (128+n when killed by signal n). */
  readonly exited = new Deferred<number>();
  /** Settles on every stop/continue/exit, for shells doing job control. */
  private stateWatchers = new Set<(s: ProcState) => void>();
  private readonly dispositions = new Map<number, SignalDisposition>();
  private task: Task<number> | undefined;
  private cancelWait: Cancel | undefined;
  private pendingResume: { value: unknown } | undefined;
  private stepping = false;

  constructor(ns: PidNamespace, pid: number, opts: SpawnOptions) {
    this.ns = ns;
    this.pid = pid;
    this.ppid = opts.parent && opts.parent.ns === ns ? opts.parent.pid : 0;
    this.pgid = opts.newGroup ? pid : (opts.pgid ?? opts.parent?.pgid ?? pid);
    this.argv = opts.argv;
    this.comm = opts.comm ?? (opts.argv[0] ?? '').split('/').pop() ?? '';
    this.env = { ...(opts.env ?? opts.parent?.env ?? {}) };
    this.cwd = opts.cwd ?? opts.parent?.cwd ?? '/';
    this.stdin = opts.stdin;
    this.stdout = opts.stdout;
    this.stderr = opts.stderr;
    this.sys = opts.sys;
    this.ctx = opts.ctx ?? opts.parent?.ctx;
    this.startedAt = opts.sys.clock.now();
  }

  get clock(): Clock {
    return this.sys.clock;
  }

  get alive(): boolean {
    return this.state !== 'exited';
  }

  /** Starts the body; called by PidNamespace.spawn. */
  start(program: Program): void {
    try {
      this.task = program(this);
    } catch (e) {
      this.crash(e);
      return;
    }
    this.resume(undefined);
  }

  /** Sets what happens when `signal` arrives. */
  trap(signal: number, disposition: SignalDisposition): void {
    if (signal === SIGNALS.SIGKILL || signal === SIGNALS.SIGSTOP) return;
    if (disposition === 'default') this.dispositions.delete(signal);
    else this.dispositions.set(signal, disposition);
  }

  /**
   * execve(2) in this process: the PID, streams and ignored signals stay; the command line and name
   * become the new program's and caught signals go back to their default action.
   */
  exec(argv: readonly string[]): void {
    this.argv.splice(0, this.argv.length, ...argv);
    this.comm = (argv[0] ?? '').split('/').pop() ?? '';
    for (const [signal, d] of [...this.dispositions]) if (d !== 'ignore') this.dispositions.delete(signal);
  }

  disposition(signal: number): SignalDisposition {
    return this.dispositions.get(signal) ?? 'default';
  }

  /**
   * Delivers a signal. `fromOutside` marks signals sent from an ancestor namespace (the runtime),
   * which PID 1 of a namespace cannot ignore by default only for SIGKILL/SIGSTOP (Linux init rule).
   */
  kill(signal: number): void {
    if (!this.alive) return;
    if (signal === 0) return;
    if (signal === SIGNALS.SIGKILL) return this.terminate(128 + signal, signal);
    if (signal === SIGNALS.SIGCONT) this.setState('running');
    const d = this.disposition(signal);
    if (d === 'ignore') return;
    if (typeof d === 'function') {
      d(signal);
      return;
    }
    const action = defaultAction(signal);
    // PID 1 of a namespace gets no default action for signals it did not handle.
    if (this.pid === 1 && this.ns.isolated) return;
    if (action === 'terminate') this.terminate(128 + signal, signal);
    else if (action === 'stop') this.setState('stopped');
  }

  /** Ends the process now with `code` (from a signal handler or another process's decision). */
  exit(code: number): void {
    this.finish(code, undefined);
  }

  /** Ends the process as if killed by `signal`. */
  terminate(code: number, signal: number): void {
    this.finish(code, signal);
  }

  onStateChange(fn: (s: ProcState) => void): Cancel {
    this.stateWatchers.add(fn);
    return () => this.stateWatchers.delete(fn);
  }

  private setState(s: ProcState): void {
    if (this.state === s || this.state === 'exited') return;
    this.state = s;
    if (s === 'running' && this.pendingResume) {
      const p = this.pendingResume;
      this.pendingResume = undefined;
      this.resume(p.value);
    }
    for (const w of [...this.stateWatchers]) w(s);
  }

  private resume(value: unknown): void {
    if (!this.alive || !this.task) return;
    if (this.state === 'stopped') {
      this.pendingResume = { value };
      return;
    }
    if (this.stepping) {
      // A waitable settled synchronously inside subscribe: the loop below picks it up.
      this.pendingResume = { value };
      return;
    }
    this.stepping = true;
    let input = value;
    try {
      for (;;) {
        let r: IteratorResult<Waitable<unknown>, number>;
        try {
          r = this.task.next(input);
        } catch (e) {
          this.crash(e);
          return;
        }
        if (!this.alive) return;
        if (r.done) {
          this.finish(typeof r.value === 'number' ? r.value : 0, undefined);
          return;
        }
        this.pendingResume = undefined;
        let settledNow = false;
        let settledValue: unknown;
        let subscribing = true;
        const cancel = r.value.subscribe((v) => {
          if (subscribing) {
            settledNow = true;
            settledValue = v;
            return;
          }
          this.cancelWait = undefined;
          this.stepping = false;
          this.resume(v);
        });
        subscribing = false;
        if (!this.alive) return;
        if (!settledNow) {
          this.cancelWait = cancel;
          return;
        }
        if ((this.state as ProcState) === 'stopped') {
          this.pendingResume = { value: settledValue };
          return;
        }
        input = settledValue;
      }
    } finally {
      this.stepping = false;
    }
  }

  private crash(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    try {
      this.stderr.write(`${this.comm}: internal error: ${msg}\n`);
    } catch {
      /* the stream may be gone */
    }
    this.finish(70, undefined);
  }

  private finish(code: number, signal: number | undefined): void {
    if (!this.alive) return;
    this.state = 'exited';
    this.exitCode = code;
    this.termSignal = signal;
    this.cancelWait?.();
    this.cancelWait = undefined;
    const task = this.task;
    this.task = undefined;
    try {
      task?.return(code);
    } catch {
      /* a finally block in the program misbehaved; the process is gone anyway */
    }
    this.ns.reap(this);
    for (const w of [...this.stateWatchers]) w('exited');
    this.stateWatchers.clear();
    this.exited.resolve(code);
  }
}

/** A PID namespace: allocates PIDs, lists processes (ps), and kills all when its init dies. */
export class PidNamespace {
  private nextPid: number;
  private readonly procs = new Map<number, Proc>();
  private readonly exitListeners = new Set<(p: Proc) => void>();
  private readonly spawnListeners = new Set<(p: Proc) => void>();

  /**
   * @param isolated true for containers: PID 1 ignores unhandled signals and its death kills the rest.
   * @param firstPid where PIDs start (a host shell starts higher, like a real machine).
   */
  constructor(
    readonly isolated: boolean,
    firstPid = 1,
  ) {
    this.nextPid = firstPid;
  }

  spawn(opts: SpawnOptions): Proc {
    const p = new Proc(this, this.nextPid++, opts);
    this.nextPid += opts.threads ?? 0;
    this.procs.set(p.pid, p);
    for (const fn of this.spawnListeners) fn(p);
    p.start(opts.program);
    return p;
  }

  /** Allocates a PID without a process (a pod's pause process, for instance). */
  reservePid(): number {
    return this.nextPid++;
  }

  get(pid: number): Proc | undefined {
    return this.procs.get(pid);
  }

  list(): Proc[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  /** Called with each new process before it runs. */
  onSpawn(fn: (p: Proc) => void): Cancel {
    this.spawnListeners.add(fn);
    return () => this.spawnListeners.delete(fn);
  }

  onExit(fn: (p: Proc) => void): Cancel {
    this.exitListeners.add(fn);
    return () => this.exitListeners.delete(fn);
  }

  /** Sends a signal to every process (a runtime stopping the container sends to PID 1 only). */
  killAll(signal: number): void {
    for (const p of this.list()) p.kill(signal);
  }

  reap(p: Proc): void {
    this.procs.delete(p.pid);
    for (const l of [...this.exitListeners]) l(p);
    if (this.isolated && p.pid === 1) for (const other of this.list()) other.terminate(128 + SIGNALS.SIGKILL, SIGNALS.SIGKILL);
  }
}
