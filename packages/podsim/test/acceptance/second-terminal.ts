/**
 * The reader's second terminal. Pages have the reader start a watch "in one terminal" and run the
 * commands that change the cluster "in another", then show what the watch printed meanwhile: the
 * watch has to run from its start alongside the reader's later commands, not be started again later.
 * A command a page sends to "a separate terminal" (a load generator) runs in one of these too.
 */
import type { Sandbox } from '../../src/host/sandbox.js';
import { HOME, LOGIN_ENV } from '../../src/host/machine.js';
import { Tty } from '../../src/kernel/tty.js';
import { bash } from '../../src/shell/index.js';
import { plainText } from '../../src/format/screen-text.js';

/** `kubectl get … --watch` / `-w` (not `--watch-only`, not `rollout status --watch`). */
const WATCH = /^kubectl\s+get\s(?:.*\s)?(?:--watch|-w)(?:=true)?(?:\s|$)/;

export function isWatch(command: string): boolean {
  return WATCH.test(command.trim());
}

/** The same watch, however the reader wrote it: `get pod` or `get pods`, flags in any order. */
export function sameWatch(a: string, b: string): boolean {
  const words = (c: string) =>
    c
      .trim()
      .split(/\s+/)
      .map((w) => (w === 'pod' ? 'pods' : w === '-w' || w === '--watch=true' ? '--watch' : w))
      .sort()
      .join(' ');
  return words(a) === words(b);
}

export class SecondTerminal {
  private readonly tty: Tty;
  private shown = '';
  /** The watch running there, if any. */
  private command: string | undefined;

  constructor(private readonly sb: Sandbox) {
    this.tty = new Tty((d) => (this.shown += d), 200, 50);
    const m = sb.machine;
    m.ns.spawn({ argv: ['bash'], program: bash, env: { ...LOGIN_ENV }, cwd: HOME, stdin: this.tty.input, stdout: this.tty.output, stderr: this.tty.output, sys: m.sys, ctx: m.ctx, newGroup: true });
    sb.clock.flush();
  }

  /** Starts `command` there, stopping the watch that ran before. */
  start(command: string): void {
    this.stop();
    this.tty.type(command + '\r');
    this.shown = '';
    this.command = command;
    this.sb.clock.flush();
  }

  /** Whether `command` is the watch running there (the page shows its output). */
  shows(command: string): boolean {
    return this.command !== undefined && sameWatch(this.command, command);
  }

  /** What the watch printed since it started; the reader then stops it with Ctrl+C. */
  look(): string {
    const out = plainText(this.shown).replace(/\r/g, '');
    this.stop();
    return out;
  }

  /** The reader goes there and presses Ctrl+C. */
  stop(): void {
    if (this.command === undefined) return;
    this.tty.type('\x03');
    this.sb.clock.flush();
    this.command = undefined;
  }
}
