/**
 * A terminal device with a line discipline, as the kernel's tty layer: canonical (line-buffered,
 * echoing, erase/kill) or raw input, ISIG (Ctrl+C/Z/\ signal the foreground process group),
 * and output post-processing (\n → \r\n). Shells put it in raw mode while they edit a line.
 */
import type { PidNamespace } from './process.js';
import { SIGNALS } from './signals.js';
import type { InputStream, OutputStream } from './streams.js';
import type { Cancel, Waitable } from './waitable.js';

export interface TermMode {
  canonical: boolean;
  echo: boolean;
  isig: boolean;
}

export interface TtyInput extends InputStream {
  readonly tty: Tty;
}
export interface TtyOutput extends OutputStream {
  readonly tty: Tty;
}

/** The terminal behind a stream, when the stream is one. */
export function ttyOf(stream: InputStream | OutputStream | undefined): Tty | undefined {
  const t = (stream as Partial<TtyInput> | undefined)?.tty;
  return t instanceof Tty ? t : undefined;
}

const SIGNAL_KEYS: Record<string, { signal: number; echo: string }> = {
  '\x03': { signal: SIGNALS.SIGINT, echo: '^C' },
  '\x1a': { signal: SIGNALS.SIGTSTP, echo: '^Z' },
  '\x1c': { signal: SIGNALS.SIGQUIT, echo: '^\\' },
};

/** What a terminal feeds besides its own readers (a remote terminal, an attached container's input). */
export interface RemoteSession {
  readonly hasForegroundJob: boolean;
  readonly awaitingInput: boolean;
}

export class Tty implements RemoteSession {
  cols: number;
  rows: number;
  private termMode: TermMode = { canonical: true, echo: true, isig: true };
  private fg: { ns: PidNamespace; pgid: number } | undefined;
  /** Canonical mode: the line being typed. */
  private editing = '';
  /** Bytes ready for readers (whole lines in canonical mode). */
  private ready = '';
  private pendingEof = false;
  private readers: ((v: string | null) => void)[] = [];
  private readonly emit: (data: string) => void;
  private readonly inputWatchers = new Set<() => void>();
  /** Terminals of remote sessions fed from this one (kubectl exec -it): idle only when they are. */
  private readonly sessions = new Set<RemoteSession>();
  readonly input: TtyInput;
  readonly output: TtyOutput;

  constructor(emit: (data: string) => void, cols = 80, rows = 24) {
    this.emit = emit;
    this.cols = cols;
    this.rows = rows;
    this.input = { tty: this, isTTY: true, read: () => this.read() };
    this.output = { tty: this, isTTY: true, write: (d) => this.write(d) };
  }

  get mode(): TermMode {
    return { ...this.termMode };
  }

  setMode(m: Partial<TermMode>): void {
    const wasRaw = !this.termMode.canonical;
    this.termMode = { ...this.termMode, ...m };
    // Leaving canonical mode makes a line typed only in part readable (n_tty): a shell's line editor takes
    // over what was typed ahead while the last command ran.
    if (!wasRaw && !this.termMode.canonical && this.editing) {
      this.ready += this.editing;
      this.editing = '';
    }
    if (wasRaw && this.termMode.canonical && this.ready) {
      const typeahead = this.ready;
      this.ready = '';
      this.type(typeahead, false);
    }
  }

  setForeground(ns: PidNamespace, pgid: number): void {
    this.fg = { ns, pgid };
  }

  foreground(): { ns: PidNamespace; pgid: number } | undefined {
    return this.fg;
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.signalForeground(SIGNALS.SIGWINCH);
  }

  /** True when some process is blocked reading, nothing typed is pending, and remote sessions are idle too. */
  get awaitingInput(): boolean {
    const idle = this.readers.length > 0 && this.ready === '' && this.editing === '' && !this.pendingEof;
    return idle && [...this.sessions].every((s) => !s.hasForegroundJob || s.awaitingInput);
  }

  /** A foreground process group with live processes (set by a job-control shell on this terminal). */
  get hasForegroundJob(): boolean {
    const fg = this.fg;
    return !!fg && fg.ns.list().some((p) => p.pgid === fg.pgid);
  }

  attachSession(remote: RemoteSession): void {
    this.sessions.add(remote);
  }

  detachSession(remote: RemoteSession): void {
    this.sessions.delete(remote);
  }

  /** Called whenever a reader starts waiting (the sandbox's run() watches this). */
  onInputWait(fn: () => void): Cancel {
    this.inputWatchers.add(fn);
    return () => this.inputWatchers.delete(fn);
  }

  /** Gives back input a reader took but did not use (the rest of a multi-line paste). */
  unread(data: string): void {
    this.ready = data + this.ready;
    this.deliver();
  }

  /** Program output: post-processed like OPOST|ONLCR. */
  write(data: string): void {
    if (data) this.emit(data.replace(/\r?\n/g, '\r\n'));
  }

  /** Keystrokes from the terminal (xterm.js onData, a Node TTY in raw mode). */
  type(data: string, echo = true): void {
    for (const ch of data) {
      const sig = SIGNAL_KEYS[ch];
      if (sig && this.termMode.isig) {
        if (this.termMode.echo && echo) this.write(sig.echo);
        this.editing = '';
        this.signalForeground(sig.signal);
        continue;
      }
      if (!this.termMode.canonical) {
        if (this.termMode.echo && echo) this.write(ch);
        this.ready += ch;
        continue;
      }
      this.cook(ch, echo && this.termMode.echo);
    }
    this.deliver();
  }

  private cook(ch: string, echo: boolean): void {
    if (ch === '\r' || ch === '\n') {
      if (echo) this.write('\n');
      this.ready += this.editing + '\n';
      this.editing = '';
    } else if (ch === '\x7f' || ch === '\b') {
      if (this.editing) {
        this.editing = [...this.editing].slice(0, -1).join('');
        if (echo) this.write('\b \b');
      }
    } else if (ch === '\x15') {
      if (echo) this.write('\b \b'.repeat([...this.editing].length));
      this.editing = '';
    } else if (ch === '\x04') {
      if (this.editing) {
        this.ready += this.editing;
        this.editing = '';
      } else this.pendingEof = true;
    } else {
      if (echo) this.write(ch < ' ' && ch !== '\t' ? '^' + String.fromCharCode(ch.charCodeAt(0) + 64) : ch);
      this.editing += ch;
    }
  }

  private deliver(): void {
    while (this.readers.length > 0) {
      if (this.ready) {
        const r = this.readers.shift()!;
        const data = this.ready;
        this.ready = '';
        r(data);
      } else if (this.pendingEof) {
        this.pendingEof = false;
        this.readers.shift()!(null);
      } else break;
    }
  }

  private read(): Waitable<string | null> {
    return {
      subscribe: (resume) => {
        if (this.ready || this.pendingEof) {
          const data = this.ready;
          this.ready = '';
          if (!data) this.pendingEof = false;
          resume(data || null);
          return () => {};
        }
        this.readers.push(resume);
        for (const w of [...this.inputWatchers]) w();
        return () => {
          const i = this.readers.indexOf(resume);
          if (i >= 0) this.readers.splice(i, 1);
        };
      },
    };
  }

  /** The other end went away: readers see end of input, the foreground group gets SIGHUP. */
  hangup(): void {
    this.pendingEof = true;
    this.deliver();
    this.signalForeground(SIGNALS.SIGHUP);
  }

  signalForeground(signal: number): void {
    const fg = this.fg;
    if (!fg) return;
    for (const p of fg.ns.list()) if (p.pgid === fg.pgid) p.kill(signal);
  }
}
