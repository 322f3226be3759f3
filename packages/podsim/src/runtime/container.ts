/**
 * One container instance: its file system, process(es), logs and exit record. A restart is a new
 * Container (new id, fresh file system from the image, empty log), as with containerd.
 */
import type { Clock } from '../clock/clock.js';
import type { FileSystem } from '../kernel/fs.js';
import type { NetNamespace } from '../kernel/net.js';
import { PidNamespace, type Proc, type Program, type System } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { Pipe, emptyInput, type InputStream, type OutputStream } from '../kernel/streams.js';
import { Deferred } from '../kernel/waitable.js';
import type { Image } from '../images/types.js';
import type { Random } from '../random/random.js';
import type { ContainerContext } from '../kernel/container-context.js';
import { describeProcesses, mapsFile, mountsFile, statusFile, trackProcesses, writeProcFiles } from './procfs.js';
import { boundingSet } from './capabilities.js';
import { containerCredentials } from './credentials.js';
import type { RemoteSession } from '../kernel/tty.js';
import { buildContainerFs } from './container-fs.js';
import { DEFAULT_PATH } from '../images/types.js';
import { lookPath } from './exec-path.js';
import { containerId } from './ids.js';
import { LogBuffer } from './logs.js';
import { MemoryLedger } from './memory.js';
import { CpuLedger } from './cpu.js';
import { execFailed, execNotRunning, startFailed } from './messages.js';
import { terminationMessage } from './termination-message.js';
import type { ContainerConfig, ContainerStats, DnsConfig, ExitInfo, RuntimeContainer, StartResult, UsernsMapping } from './types.js';

/** What an entrypoint keeps resident when its image does not say (a small static binary). */
const DEFAULT_RESIDENT = 400 * 1024;
/** Cores a container may use without a CPU limit: the node's (kubelet DEFAULT_CAPACITY). */
const NODE_CORES = 2;

/**
 * Thread ids runc's init (a Go program) takes beside its own PID before it execs a container's
 * command. The share-process-namespace page's `ps ax` (runc 1.x) shows them: /pause at 1, nginx
 * at 8, its worker at 14, the next container's process at 15 and a command run there at 21.
 */
export const RUNC_INIT_THREADS = { newNamespace: 6, joining: 5 };

export interface PodEnvironment {
  clock: Clock;
  random: Random;
  net: NetNamespace;
  hostname: string;
  hostNames?: string[];
  ip: string;
  podName: string;
  namespace: string;
  dns: DnsConfig;
  /** The pod's shared PID namespace (shareProcessNamespace), else each container gets its own. */
  sharedPids?: PidNamespace;
  /** The pod's user namespace, when it has one of its own (hostUsers: false). */
  userns?: UsernsMapping;
}

export class Container implements RuntimeContainer {
  readonly id: string;
  readonly name: string;
  readonly stopSignal: number;
  readonly exited = new Deferred<ExitInfo>();
  readonly log: LogBuffer;
  readonly pids: PidNamespace;
  readonly fs: FileSystem;
  readonly ctx: ContainerContext;
  private startedAtMs: number | undefined;
  private main: Proc | undefined;
  private readonly binaries: ReadonlyMap<string, Program>;
  private readonly env: Record<string, string>;
  private readonly workingDir: string;
  private readonly memory: MemoryLedger;
  private readonly cpu: CpuLedger;
  private readonly resident: number;
  private readonly sys: System;
  /** The main process's stdin when the spec asks for one (`stdin: true`), fed by attach. */
  private readonly stdin: TerminalPipe | undefined;
  /** The terminal's size once a client set it (the runtime creates it without one). */
  private termSize: { cols: number; rows: number } | undefined;
  private readonly untrackProcesses: () => void;

  constructor(
    private readonly pod: PodEnvironment,
    image: Image,
    canonicalImage: string,
    private readonly cfg: ContainerConfig,
    private readonly argv: string[],
  ) {
    this.id = containerId(pod.random);
    this.name = cfg.name;
    this.stopSignal = image.config.stopSignal;
    this.log = new LogBuffer(pod.clock, cfg.tty ?? false);
    this.stdin = cfg.stdin ? new TerminalPipe(cfg.tty ?? false) : undefined;
    this.pids = pod.sharedPids ?? new PidNamespace(true);
    this.binaries = new Map(Object.entries(image.binaries));
    this.workingDir = cfg.workingDir || image.config.workingDir || '/';
    this.env = containerEnv(image, cfg, pod.hostname);
    this.fs = buildContainerFs(pod.clock, image, pod, cfg.mounts, this.terminationMessagePath);
    this.fs.mkdir(this.workingDir, true);
    const sec = cfg.security;
    const creds = containerCredentials(this.fs, image.config.user, sec);
    const bounding = boundingSet({ add: sec?.capabilities.add ?? [], drop: sec?.capabilities.drop ?? [], privileged: sec?.privileged ?? false });
    const readOnlyRoot = sec?.readOnlyRootFilesystem ?? false;
    const mounts = mountsFile(cfg.mounts.map((m) => ({ path: m.path, readOnly: m.readOnly })), this.terminationMessagePath, readOnlyRoot);
    const exe = lookPath(this.fs, this.binaries, argv[0] ?? '', this.env.PATH, this.workingDir);
    const maps = mapsFile(exe.ok ? exe.path : (argv[0] ?? ''), image.flavor === 'gnu');
    const podKey = `${pod.namespace}/${pod.podName}/${pod.ip}`;
    const ns = { pod: podKey, pid: pod.sharedPids ? podKey : this.id, container: this.id, userns: pod.userns };
    const noNewPrivs = sec?.noNewPrivs ?? false;
    writeProcFiles(this.fs, mounts, statusFile({ name: argv[0]?.split('/').pop() ?? '', creds, bounding, noNewPrivs }), maps, ns);
    // /dev is a tmpfs of the container's own; the rest of the root is the image's read-only overlay.
    if (readOnlyRoot) this.fs.setReadOnlyRoot(['/dev']);
    const resolved = creds.resolved;
    const ids = { uid: creds.uid, gid: creds.gid, groups: creds.groups };
    this.fs.creator = { uid: ids.uid, gid: ids.gid };
    this.memory = new MemoryLedger(cfg.memoryLimitBytes, () => this.oomKill());
    this.cpu = new CpuLedger(cfg.cpuLimitCores ?? NODE_CORES, () => pod.clock.now());
    this.resident = image.resident ?? DEFAULT_RESIDENT;
    this.pids.onExit((p) => {
      this.memory.release(p);
      this.cpu.release(p);
    });
    this.ctx = {
      // The runtime keeps the unchecked handle (it writes /proc and the termination log); the processes get their user's view.
      fs: ids.uid ? this.fs.as(ids) : this.fs,
      net: pod.net,
      flavor: image.flavor,
      user: resolved ? (creds.name ?? String(creds.uid)) : (image.config.user || 'root').split(':')[0]!,
      ...(resolved ? { creds: ids } : {}),
      container: { id: this.id, name: cfg.name, podName: pod.podName, namespace: pod.namespace, image: canonicalImage },
      memory: this.memory,
      cpu: this.cpu,
    };
    describeProcesses(this.ctx, (p) => statusFile({ name: p.argv[0]?.split('/').pop() ?? '', creds, bounding, noNewPrivs, pid: p.pid, ppid: p.ppid }));
    this.untrackProcesses = trackProcesses(this.fs, this.pids, () => pod.clock.now());
    this.sys = {
      clock: pod.clock,
      hostname: () => pod.hostname,
      resolve: (command, env, as) => {
        const r = lookPath(as ?? this.fs, this.binaries, command, env.PATH, env.PWD || '/');
        return r.ok ? { path: r.path, program: r.program } : undefined;
      },
    };
  }

  get startedAt(): number | undefined {
    return this.startedAtMs;
  }

  get running(): boolean {
    return this.main !== undefined && this.main.alive;
  }

  /** The processes that belong to this container (its siblings' are excluded under a shared PID namespace). */
  processes(): Proc[] {
    return this.pids.list().filter((p) => (p.ctx as Partial<ContainerContext> | undefined)?.container?.id === this.id);
  }

  start(): StartResult {
    if (this.main) return { ok: false, exitCode: 128, message: startFailed('container already started') };
    const found = lookPath(this.fs, this.binaries, this.argv[0], this.env.PATH, this.workingDir);
    if (!found.ok) return { ok: false, exitCode: 128, message: startFailed(found.error) };
    this.startedAtMs = this.pod.clock.now();
    const threads = this.pod.sharedPids ? RUNC_INIT_THREADS.joining : RUNC_INIT_THREADS.newNamespace;
    const main = this.spawn(this.argv, found.program, this.stdin ?? emptyInput, this.log.stdout, this.log.stderr, this.cfg.tty ? { TERM: 'xterm' } : {}, threads);
    this.main = main;
    main.exited.subscribe((code) => this.onMainExit(main, code));
    return { ok: true };
  }

  stats(): ContainerStats {
    return { cpuCoreMs: this.cpu.usage(), workingSetBytes: this.running ? this.resident + this.memory.usage() : 0 };
  }

  kill(signal: number): void {
    this.main?.kill(signal);
  }

  exec(argv: string[], stdio: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; tty: boolean }): { ok: true; proc: Proc } | { ok: false; exitCode: number; message: string } {
    if (!this.running) return { ok: false, exitCode: 126, message: execNotRunning() };
    const found = lookPath(this.fs, this.binaries, argv[0] ?? '', this.env.PATH, this.workingDir);
    if (!found.ok) return { ok: false, exitCode: found.notFound ? 127 : 126, message: execFailed(this.pod.random.hex(64), found.error) };
    const extra: Record<string, string> = stdio.tty ? { TERM: 'xterm' } : {};
    return { ok: true, proc: this.spawn(argv, found.program, stdio.stdin, stdio.stdout, stdio.stderr, extra, RUNC_INIT_THREADS.joining) };
  }

  attach(stdio: { stdin?: InputStream; stdout: OutputStream; stderr: OutputStream; stdinOnce?: boolean; size?: { cols: number; rows: number } }): {
    detach: () => void;
    session?: RemoteSession;
  } {
    const detachOutput = this.log.attach(stdio);
    let attached = true;
    const pipe = this.stdin;
    const input = stdio.stdin;
    const main = this.main;
    if (stdio.size && this.cfg.tty) this.resize(stdio.size);
    if (pipe && input) {
      const pump = () => {
        input.read().subscribe((chunk) => {
          if (!attached) return;
          if (chunk === null) {
            if (stdio.stdinOnce) pipe.close();
            return;
          }
          pipe.write(chunk);
          pump();
        });
      };
      pump();
    }
    const detach = (): void => {
      attached = false;
      detachOutput();
    };
    // Busy while the process has not come back to read what the client typed.
    const session = pipe && main ? { get hasForegroundJob() { return main.alive; }, get awaitingInput() { return pipe.awaitingRead; } } : undefined;
    return { detach, session };
  }

  /** TIOCSWINSZ on the container's terminal: a size that changes signals SIGWINCH to its process. */
  private resize(size: { cols: number; rows: number }): void {
    if (this.termSize?.cols === size.cols && this.termSize?.rows === size.rows) return;
    this.termSize = { ...size };
    this.main?.kill(SIGNALS.SIGWINCH);
  }

  /** Kills every process of this container at once (pod teardown). */
  killAll(): void {
    for (const p of this.processes().reverse()) p.kill(SIGNALS.SIGKILL);
  }

  private spawn(argv: string[], program: Program, stdin: InputStream, stdout: OutputStream, stderr: OutputStream, extraEnv: Record<string, string>, threads: number): Proc {
    return this.pids.spawn({
      argv: [...argv],
      threads,
      program,
      env: { ...this.env, ...extraEnv, PWD: this.workingDir },
      cwd: this.workingDir,
      stdin,
      stdout,
      stderr,
      sys: this.sys,
      ctx: this.ctx,
    });
  }

  updateResources(limits: { memoryLimitBytes?: number; cpuLimitCores?: number }): void {
    this.memory.limit = limits.memoryLimitBytes;
    this.cpu.setQuota(limits.cpuLimitCores ?? NODE_CORES);
  }

  private oomKill(): void {
    for (const p of this.processes().reverse()) p.kill(SIGNALS.SIGKILL);
  }

  private get terminationMessagePath(): string {
    return this.cfg.terminationMessagePath || '/dev/termination-log';
  }

  private onMainExit(main: Proc, code: number): void {
    // Under a shared PID namespace the kernel does not reap the container's other processes for us.
    for (const p of this.processes()) p.kill(SIGNALS.SIGKILL);
    this.untrackProcesses();
    this.log.flush();
    const oom = this.memory.oomKilled;
    const info: ExitInfo = {
      exitCode: code,
      reason: oom ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error',
      finishedAt: this.pod.clock.now(),
    };
    if (main.termSignal !== undefined) info.signal = main.termSignal;
    const message = terminationMessage(this.fs, this.terminationMessagePath, this.cfg.terminationMessagePolicy, code, this.log);
    if (message) info.message = message;
    this.exited.resolve(info);
  }
}

/** A pipe that says whether it is a terminal, so shells on the other end prompt (`kubectl run -it`). */
class TerminalPipe extends Pipe {
  constructor(readonly isTTY: boolean) {
    super();
  }
}

/** PATH, HOSTNAME, the image's ENV, the pod spec's env, HOME: the order `env` shows in a real container. */
function containerEnv(image: Image, cfg: ContainerConfig, hostname: string): Record<string, string> {
  const env: Record<string, string> = { PATH: image.config.env.PATH ?? DEFAULT_PATH, HOSTNAME: hostname };
  for (const [k, v] of Object.entries(image.config.env)) if (k !== 'PATH') env[k] = v;
  for (const [k, v] of Object.entries(cfg.env)) env[k] = v;
  if (env.HOME === undefined) env.HOME = image.config.user && image.config.user !== 'root' && image.config.user !== '0' ? '/' : '/root';
  return env;
}
