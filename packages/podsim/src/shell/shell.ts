/**
 * One shell's state: variables, functions, aliases, options, positional parameters, jobs and the
 * streams it runs with. Subshells are clones (what fork gives a real shell).
 */
import { FileSystem, resolvePath } from '../kernel/fs.js';
import { machineOf } from '../kernel/machine.js';
import type { Proc } from '../kernel/process.js';
import type { Task } from '../kernel/waitable.js';
import { ttyOf, type Tty } from '../kernel/tty.js';
import type { Command, SimpleCommand } from './ast.js';
import type { ExpandContext } from './expand.js';
import type { Flavour } from './flavour.js';
import type { Io } from './io.js';
import { JobTable } from './jobs.js';
import { History } from './history.js';

interface Var {
  value: string;
  exported: boolean;
}

/** How errors are prefixed: `bash: `, `sh: `, or `script.sh: line 3: `. */
export interface ShellOrigin {
  /** $0 and the error prefix in interactive / -c mode. */
  name: string;
  /** Set when running a script file: errors carry its name and line numbers. */
  script?: string;
}

export type CommandRunner = (sh: Shell, source: string, io: Io) => Task<number>;

export class Shell {
  readonly vars = new Map<string, Var>();
  /** bash indexed arrays; element 0 is also the variable's plain value (`$a` is `${a[0]}`). */
  readonly arrays = new Map<string, string[]>();
  readonly functions = new Map<string, Command>();
  readonly aliases = new Map<string, string>();
  positional: string[] = [];
  status = 0;
  /** Status of the last command substitution: what an assignment-only command returns. */
  substStatus = 0;
  lastBackground: number | undefined;
  readonly opts = { errexit: false, nounset: false, xtrace: false, pipefail: false };
  readonly traps = new Map<number | 'EXIT', string>();
  pendingTraps: number[] = [];
  jobs = new JobTable();
  history = new History();
  interactive = false;
  /** Job control: jobs in their own process groups, tty foreground handed over. */
  jobControl = false;
  interrupted = false;
  line = 0;
  cwd: string;
  /** Function nesting, for `return` and `local`. */
  locals: Map<string, Var | undefined>[] = [];
  loopDepth = 0;
  io: Io;
  /**
   * The simple command of a `-c` string that replaces the shell instead of running in a child (the
   * shells' exec-the-last-command optimisation, so `sh -c 'sleep 1h'` leaves `sleep 1h` as the PID).
   */
  tailCommand: SimpleCommand | undefined;
  /** Set for a `-c` string: the next source run picks its tailCommand. */
  execTail = false;

  constructor(
    readonly proc: Proc,
    readonly flavour: Flavour,
    public origin: ShellOrigin,
    /** Runs source text (eval, source, $(…)); injected to keep the executor out of this module. */
    readonly runSource: CommandRunner,
  ) {
    this.cwd = proc.cwd;
    this.io = { stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr };
    for (const [k, v] of Object.entries(proc.env)) this.vars.set(k, { value: v, exported: true });
    if (!this.vars.has('PWD')) this.vars.set('PWD', { value: this.cwd, exported: true });
    if (!this.vars.has('IFS')) this.vars.set('IFS', { value: ' \t\n', exported: false });
  }

  get fs(): FileSystem {
    return machineOf(this.proc).fs;
  }

  get tty(): Tty | undefined {
    return ttyOf(this.proc.stdin);
  }

  /** A copy for a subshell running in `proc` (or in the same process for `( … )` and `$( … )`). */
  clone(proc: Proc = this.proc): Shell {
    const c = new Shell(proc, this.flavour, { ...this.origin }, this.runSource);
    c.vars.clear();
    for (const [k, v] of this.vars) c.vars.set(k, { ...v });
    for (const [k, v] of this.arrays) c.arrays.set(k, [...v]);
    for (const [k, v] of this.functions) c.functions.set(k, v);
    for (const [k, v] of this.aliases) c.aliases.set(k, v);
    c.positional = [...this.positional];
    c.status = this.status;
    c.lastBackground = this.lastBackground;
    Object.assign(c.opts, this.opts);
    for (const [k, v] of this.traps) if (k !== 'EXIT') c.traps.set(k, v);
    c.cwd = this.cwd;
    c.line = this.line;
    c.io = { ...this.io };
    c.history = this.history;
    return c;
  }

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string, exported?: boolean): void {
    const cur = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? cur?.exported ?? false });
    const arr = this.arrays.get(name);
    if (arr) arr[0] = value;
  }

  setArray(name: string, values: string[]): void {
    this.setVar(name, values[0] ?? '');
    this.arrays.set(name, values);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
    this.arrays.delete(name);
  }

  exportVar(name: string, value?: string): void {
    const cur = this.vars.get(name);
    this.vars.set(name, { value: value ?? cur?.value ?? '', exported: true });
    if (value === undefined && !cur) this.vars.set(name, { value: '', exported: true });
  }

  /** The environment a child process gets. */
  environment(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return { ...env, ...extra };
  }

  resolvePath(p: string): string {
    return resolvePath(this.cwd, p);
  }

  /** Where errors go: `bash: ` or `script.sh: line N: `. */
  prefix(): string {
    if (this.origin.script && !this.interactive) return `${this.origin.script}: line ${this.line}: `;
    return `${this.origin.name}: `;
  }

  error(msg: string, io: Io = this.io): void {
    io.stderr.write(`${this.prefix()}${msg}\n`);
  }

  expandContext(commandSubst: (source: string) => Task<string>): ExpandContext {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => this.setVar(n, v),
      getArray: (n) => this.arrays.get(n),
      positional: () => this.positional,
      special: (n) => this.special(n),
      home: (user) => (user === '' ? (this.getVar('HOME') ?? '/') : user === 'root' ? '/root' : `/home/${user}`),
      commandSubst,
      fs: this.fs,
      cwd: this.cwd,
      nounset: this.opts.nounset,
    };
  }

  special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.proc.pid);
      case '!':
        return this.lastBackground === undefined ? undefined : String(this.lastBackground);
      case '#':
        return String(this.positional.length);
      case '0':
        return this.origin.script ?? this.origin.name;
      case '-':
        return (
          (this.opts.errexit ? 'e' : '') +
          (this.interactive ? 'i' : '') +
          (this.jobControl ? 'm' : '') +
          (this.opts.nounset ? 'u' : '') +
          (this.opts.xtrace ? 'x' : '')
        );
    }
    return undefined;
  }
}
