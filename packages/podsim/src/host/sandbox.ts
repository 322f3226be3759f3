/**
 * The sandbox façade (SandboxApi): a cluster, the reader's machine and its terminal, driven by a
 * host (web worker, CLI, tests). Every input is logged with its virtual time so a saved sandbox
 * replays to the same state. No method throws: failures are reported on the terminal.
 */
import { ADDONS, installAddon } from './addons.js';
import { Cluster } from '../cluster/cluster.js';
import { resolvePath } from '../kernel/fs.js';
import type { Proc } from '../kernel/process.js';
import { Deferred, type Waitable } from '../kernel/waitable.js';
import { bash, SHELLS } from '../shell/index.js';
import type { EditorMode } from '../kubectl/context.js';
import { expandPrompt } from '../shell/prompt.js';
import { HOME, LOGIN_ENV, ReaderMachine } from './machine.js';
import type { ClusterSnapshot, EditorRequest, RunResult, SandboxApi, SandboxOptions, SavedState } from './sandbox-types.js';
import { plainText } from '../format/screen-text.js';
import { clusterSnapshot } from './snapshot.js';
import { TimelineRecorder } from './timeline.js';
import { Tty } from '../kernel/tty.js';

type Input = SavedState['inputs'][number];
type InputBody = Input extends infer I ? (I extends { at: number } ? Omit<I, 'at'> : never) : never;

const SCROLLBACK_LIMIT = 512 * 1024;
export const DEFAULT_RUN_MAX_MS = 5 * 60_000;
export const PAUSED_NOTICE = '\x1b[33m[The cluster clock is paused: this command runs when time moves. Press 1× to resume, or +10s to step.]\x1b[0m\r\n';

export interface SandboxInternals {
  /** Start a new login shell when the reader exits one (a terminal tab reopening); the CLI turns this off. */
  respawn?: boolean;
  /** Called when the login shell exits and is not respawned. */
  onShellExit?: (status: number) => void;
}

export class Sandbox implements SandboxApi {
  readonly cluster: Cluster;
  readonly machine: ReaderMachine;
  readonly tty: Tty;
  private readonly timeline: TimelineRecorder;
  private shell!: Proc;
  private readonly start: number;
  private speed = 1;
  /** Fractions of a virtual millisecond not yet applied (time moves in whole ms). */
  private tickRemainder = 0;
  private readonly inputs: Input[] = [];
  private scrollback = '';
  private capture: string | undefined;
  private replaying = false;
  private changed = true;
  private reportingFailure = false;
  /** The reader was told the clock is paused (once per pause). */
  private pauseNoticed = false;
  /** Inside runLine(), which advances time until the line is done. */
  private running = false;
  private readonly outputListeners: ((d: string) => void)[] = [];
  private readonly changeListeners: (() => void)[] = [];
  private readonly editorListeners: ((r: EditorRequest) => void)[] = [];
  private readonly editors = new Map<string, { done: Deferred<{ saved: boolean }>; mode: EditorMode }>();

  constructor(
    readonly options: SandboxOptions = {},
    private readonly internals: SandboxInternals = {},
  ) {
    this.cluster = new Cluster({ seed: options.seed, workers: options.workers, featureGates: options.featureGates });
    const readerPorts: number[] = [];
    for (const name of options.addons ?? []) {
      const addon = installAddon(this.cluster.api, name);
      if (!addon) throw new Error(`unknown add-on: ${name} (known: ${Object.keys(ADDONS).join(', ')})`);
      readerPorts.push(...(addon.readerPorts ?? []));
    }
    this.start = this.cluster.clock.now();
    this.timeline = new TimelineRecorder(this.cluster.api, () => this.cluster.clock.now(), (listener) => this.cluster.onProbeAttempt(listener));
    this.tty = new Tty((d) => this.emit(d), options.cols ?? 80, options.rows ?? 24);
    this.machine = new ReaderMachine(this.cluster, options.files ?? {}, (path, mode) => this.openEditor(path, mode), options.web);
    this.machine.publishNodePorts(readerPorts, this.cluster.nodes);
    for (const r of ['pods', 'events', 'nodes', 'deployments', 'replicasets', 'jobs', 'cronjobs', 'daemonsets', 'statefulsets']) this.cluster.api.watch(r, undefined, () => (this.changed = true));
    this.spawnShell();
    this.cluster.clock.flush();
  }

  get clock() {
    return this.cluster.clock;
  }

  private spawnShell(): void {
    this.shell = this.machine.ns.spawn({
      argv: ['bash'],
      program: bash,
      env: { ...LOGIN_ENV },
      cwd: HOME,
      stdin: this.tty.input,
      stdout: this.tty.output,
      stderr: this.tty.output,
      sys: this.machine.sys,
      ctx: this.machine.ctx,
      newGroup: true,
    });
    this.shell.exited.subscribe((status) => {
      if (this.internals.respawn === false) this.internals.onShellExit?.(status);
      else this.clock.setTimer(0, () => this.spawnShell());
    });
  }

  private emit(data: string): void {
    this.scrollback = (this.scrollback + data).slice(-SCROLLBACK_LIMIT);
    if (this.capture !== undefined) this.capture += data;
    if (this.replaying) return;
    for (const l of this.outputListeners) this.guard(() => l(data));
  }

  private record(body: InputBody): void {
    this.inputs.push({ at: this.clock.now() - this.start, ...body } as Input);
  }

  private relative(abs: string): string {
    return abs.startsWith(HOME + '/') ? abs.slice(HOME.length + 1) : abs;
  }

  private openEditor(abs: string, mode: EditorMode): Waitable<{ saved: boolean }> {
    const d = new Deferred<{ saved: boolean }>();
    const content = this.machine.fs.readFileOr(abs); // '' for a new file
    const path = this.relative(abs);
    this.editors.set(abs, { done: d, mode });
    if (this.editorListeners.length === 0 && !this.replaying) {
      // Nobody can show an editor (CLI, tests): it closes at once, unchanged, and that is logged for replay.
      this.clock.setTimer(0, () => this.closeEditor(path, false));
    } else for (const l of this.editorListeners) this.guard(() => l({ path, content, mode }));
    return d;
  }

  private closeEditor(path: string, saved: boolean): void {
    this.record({ kind: 'editorClosed', path, saved });
    const abs = resolvePath(HOME, path);
    const d = this.editors.get(abs);
    this.editors.delete(abs);
    d?.done.resolve({ saved });
  }

  write(data: string): void {
    this.guard(() => {
      this.record({ kind: 'write', data });
      this.tty.type(data);
      // run() moves time itself, so only keystrokes can be stuck behind a paused clock.
      if (this.speed === 0 && !this.replaying && !this.running && !this.pauseNoticed && /[\r\n]/.test(data)) {
        // Every command takes a little cluster time, so nothing would happen until time moves again.
        this.clock.flush();
        this.pauseNoticed = true;
        this.emit(PAUSED_NOTICE);
      }
    });
  }

  onOutput(listener: (data: string) => void): void {
    this.outputListeners.push(listener);
  }

  resize(cols: number, rows: number): void {
    this.guard(() => {
      this.record({ kind: 'resize', cols, rows });
      this.tty.resize(cols, rows);
    });
  }

  listFiles(): string[] {
    return this.guard(() => Object.keys(this.machine.fs.toJSON(HOME)).map((p) => this.relative(p)), []);
  }

  readFile(path: string): string | undefined {
    return this.guard(() => this.machine.fs.readFile(resolvePath(HOME, path)), undefined);
  }

  writeFile(path: string, content: string): void {
    this.guard(() => {
      this.record({ kind: 'file', path, content });
      const abs = resolvePath(HOME, path);
      this.machine.fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
      this.machine.fs.writeFile(abs, content);
    });
  }

  onOpenEditor(listener: (req: EditorRequest) => void): void {
    this.editorListeners.push(listener);
  }

  editorClosed(path: string, saved: boolean): void {
    this.guard(() => this.closeEditor(path, saved));
  }

  pendingEditors(): EditorRequest[] {
    return this.guard(
      () => [...this.editors].map(([abs, e]) => ({ path: this.relative(abs), content: this.machine.fs.exists(abs) ? this.machine.fs.readFile(abs) : '', mode: e.mode })),
      [],
    );
  }

  now(): number {
    return this.clock.now();
  }

  setSpeed(speed: number): void {
    this.speed = Number.isFinite(speed) && speed >= 0 ? speed : this.speed;
    if (this.speed > 0) this.pauseNoticed = false;
  }

  getSpeed(): number {
    return this.speed;
  }

  advance(ms: number): void {
    this.guard(() => {
      this.record({ kind: 'advance', ms });
      this.clock.advance(ms);
      this.notifyChange();
    });
  }

  tick(wallMs: number): void {
    this.guard(() => {
      if (this.speed > 0 && wallMs > 0) {
        this.tickRemainder += wallMs * this.speed;
        const ms = Math.floor(this.tickRemainder);
        this.tickRemainder -= ms;
        this.clock.advance(ms);
      }
      this.notifyChange();
    });
  }

  private notifyChange(): void {
    if (!this.changed || this.replaying) return;
    this.changed = false;
    for (const l of this.changeListeners) this.guard(() => l());
  }

  snapshot(): ClusterSnapshot {
    return this.guard(
      () =>
        clusterSnapshot(this.cluster.api, this.clock.now(), this.speed, (node, uid) => {
          const kubelet = node ? this.cluster.kubelet(node) : undefined;
          return (kubelet as { probeResults?(uid: string): ReturnType<Parameters<typeof clusterSnapshot>[3]> } | undefined)?.probeResults?.(uid) ?? {};
        }, (uid, name) => this.timeline.get(uid, name)),
      { now: this.clock.now(), speed: this.speed, nodes: [], pods: [], workloads: [], events: [] },
    );
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Advances virtual time until the terminal waits for input again (or `maxMs` passed). */
  settle(maxMs: number): void {
    const clock = this.clock;
    const deadline = clock.now() + maxMs;
    clock.flush();
    // An open editor waits for the reader just as a prompt does.
    while (!this.tty.awaitingInput && this.editors.size === 0) {
      const next = clock.nextDue();
      if (next === undefined) break;
      if (next > deadline) {
        clock.advance(deadline - clock.now());
        break;
      }
      clock.step();
    }
    this.notifyChange();
  }

  /** Types a line and returns what the terminal showed after it, prompt and echo left out. */
  runLine(line: string, maxVirtualMs = DEFAULT_RUN_MAX_MS): RunResult {
    this.capture = '';
    this.running = true;
    try {
      this.write(line + '\r');
      this.settle(maxVirtualMs);
      const sh = SHELLS.get(this.shell);
      const prompt = sh ? expandPrompt(sh, sh.getVar('PS1') ?? sh.flavour.defaultPS1) : undefined;
      return { output: cleanRunOutput(this.capture, line, prompt), exitCode: sh?.status ?? 0 };
    } catch (e) {
      return { output: `podsim: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
    } finally {
      this.capture = undefined;
      this.running = false;
    }
  }

  run(line: string, opts?: { maxVirtualMs?: number }): Promise<RunResult> {
    return Promise.resolve(this.runLine(line, opts?.maxVirtualMs));
  }

  /** Output produced while `fn` runs (for hosts that drive time themselves, like `podsim run`). */
  captureOutput(fn: () => void): string {
    const outer = this.capture;
    this.capture = '';
    try {
      fn();
      return this.capture;
    } finally {
      this.capture = outer === undefined ? undefined : outer + this.capture;
    }
  }

  exportState(): SavedState {
    return {
      version: 1,
      options: { ...this.options },
      inputs: this.inputs.map((i) => ({ ...i })),
      elapsed: this.clock.now() - this.start,
      scrollback: this.scrollback,
    };
  }

  /** Replays a saved sandbox's inputs at their virtual times without showing their output. */
  replay(state: SavedState): void {
    this.replaying = true;
    try {
      for (const input of state.inputs) {
        const due = this.start + input.at;
        if (due > this.clock.now()) this.clock.advance(due - this.clock.now());
        this.apply(input);
      }
      const end = this.start + state.elapsed;
      if (end > this.clock.now()) this.clock.advance(end - this.clock.now());
      this.scrollback = state.scrollback;
    } finally {
      this.replaying = false;
      this.changed = true;
    }
  }

  private apply(input: Input): void {
    switch (input.kind) {
      case 'write':
        return this.write(input.data);
      case 'file':
        return this.writeFile(input.path, input.content);
      case 'editorClosed':
        return this.editorClosed(input.path, input.saved);
      case 'resize':
        return this.resize(input.cols, input.rows);
      case 'advance':
        return this.advance(input.ms);
    }
  }

  /**
   * The façade never throws into its host: a failure is shown on the terminal (and so in run()'s
   * output, where the docs and browser tests look for `internal error`) and logged for the console.
   */
  private guard<T>(fn: () => T, fallback?: T): T {
    try {
      return fn();
    } catch (e) {
      console.error('podsim:', e);
      // An output listener that throws must not be fed its own report again.
      if (!this.reportingFailure) {
        this.reportingFailure = true;
        try {
          this.emit(`\r\n\x1b[31mpodsim: internal error: ${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`);
        } finally {
          this.reportingFailure = false;
        }
      }
      return fallback as T;
    }
  }

  /** The terminal's scrollback (what a restored page shows first). */
  screen(): string {
    return this.scrollback;
  }
}


/** run()'s output: the typed line's echo (first line) and the next prompt (unfinished last line) dropped. */
/**
 * What a line printed, without its echo and the next prompt. Output that did not end in a newline shares
 * its last line with the prompt (`abc$ `); given the prompt, that part is kept, without a newline.
 */
export function cleanRunOutput(raw: string, line: string, prompt?: string): string {
  const text = plainText(raw);
  const lines = text.split('\n');
  if (lines.length > 0 && lines[0].trimEnd().endsWith(line.trimEnd())) lines.shift();
  // Either the unfinished prompt line or the empty string after a final newline.
  const last = (lines.pop() ?? '').trimEnd();
  const p = prompt?.trimEnd();
  const partial = p && last.endsWith(p) ? last.slice(0, last.length - p.length) : '';
  return (lines.length ? lines.join('\n') + '\n' : '') + partial;
}

export function createSandbox(opts: SandboxOptions = {}): SandboxApi {
  return new Sandbox(opts);
}

export function restoreSandbox(state: SavedState): SandboxApi {
  const sb = new Sandbox(state.options);
  sb.replay(state);
  return sb;
}
