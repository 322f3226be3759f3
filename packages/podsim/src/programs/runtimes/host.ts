/**
 * What a one-line interpreter needs from the process: output, sleeping (statements ask for it and
 * the runner waits between statements), a pause every few hundred loop steps so an endless loop
 * spends virtual time and Ctrl+C reaches it, exiting, and file writes into the container.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc } from '../../kernel/process.js';
import { sleep, wait } from '../../kernel/waitable.js';
import { ScriptError, type Value } from './expr.js';

export class ScriptExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class Host {
  private pendingMs = 0;
  private steps = 0;

  constructor(readonly proc: Proc) {}

  private buffered = '';

  /** The next line of stdin without its newline, undefined at end of input. */
  *readLine() {
    for (;;) {
      const nl = this.buffered.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        return line;
      }
      const chunk = yield* wait(this.proc.stdin.read());
      if (chunk === null) {
        const rest = this.buffered;
        this.buffered = '';
        return rest === '' ? undefined : rest;
      }
      this.buffered += chunk;
    }
  }

  out(s: string): void {
    this.proc.stdout.write(s);
  }

  /** Asked for by sleep calls inside an expression; the runner waits after the statement. */
  sleepLater(seconds: Value): void {
    const s = Number(seconds);
    if (!Number.isFinite(s) || s < 0) throw new ScriptError('sleep length must be a non-negative number');
    this.pendingMs += s * 1000;
  }

  /** After each statement: the requested sleep, or a short pause every 200 steps. */
  *settle() {
    if (this.pendingMs > 0) {
      const ms = this.pendingMs;
      this.pendingMs = 0;
      yield* wait(sleep(this.proc.clock, ms));
    } else if (++this.steps % 200 === 0) {
      yield* wait(sleep(this.proc.clock, 1));
    }
  }

  writeFile(path: string, data: string, append: boolean): void {
    try {
      machineOf(this.proc).fs.writeFile(path.startsWith('/') ? path : `${this.proc.env.PWD ?? '/'}/${path}`, data, { append });
    } catch (e) {
      throw new ScriptError(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  readFile(path: string): string {
    try {
      return machineOf(this.proc).fs.readFile(path.startsWith('/') ? path : `${this.proc.env.PWD ?? '/'}/${path}`);
    } catch {
      throw new ScriptError(`No such file or directory: '${path}'`);
    }
  }
}

/** A builtin function value. */
export const fn = (call: (args: Value[]) => Value): Value => ({ call });
