/**
 * The interactive read-eval loop: prompt, line editing on a terminal, continuation lines (PS2),
 * history, job notifications before each prompt, Ctrl+C / Ctrl+D handling.
 */
import { SIGNALS } from '../kernel/signals.js';
import type { Task } from '../kernel/waitable.js';
import { completeLine } from './complete.js';
import { ExitSignal, InterruptSignal } from './control.js';
import { runPendingTraps, runSource } from './exec.js';
import { readLine } from './io.js';
import { jobState } from './jobs.js';
import { editLine } from './line-editor.js';
import { parse } from './parser.js';
import { expandPrompt } from './prompt.js';
import type { Shell } from './shell.js';

function notifyJobs(sh: Shell): void {
  for (const j of sh.jobs.list()) {
    if (jobState(j) !== 'Done') continue;
    if (sh.jobControl) sh.io.stderr.write(`${sh.jobs.format(j)}\n`);
    sh.jobs.remove(j);
  }
}

/** bash's cmdhist: a multi-line command is saved as one line, joined with `; ` or a space after a keyword. */
function historyEntry(source: string): string {
  const lines = source.replace(/\n$/, '').split('\n');
  return lines.reduce((acc, l) => (acc === '' ? l : /(\b(then|do|else|in)|[{|&(])\s*$/.test(acc) ? `${acc} ${l}` : `${acc}; ${l}`), '');
}

/** Reads one line at `prompt` (line editor on a terminal, plain read otherwise); null at end of input. */
function* readInput(sh: Shell, prompt: string): Task<string | null | 'interrupt'> {
  const tty = sh.tty;
  if (!tty) {
    sh.io.stderr.write(prompt);
    if (!sh.io.stdin.isTTY || sh.flavour.noLineEditor) return yield* readLine(sh.io.stdin);
    // A container's terminal: a line editor (readline, busybox lineedit) redraws its line when the
    // terminal is resized, which is how a client attaching to it sees the prompt.
    const before = sh.proc.disposition(SIGNALS.SIGWINCH);
    sh.proc.trap(SIGNALS.SIGWINCH, () => sh.io.stderr.write(`\r${prompt}`));
    try {
      return yield* readLine(sh.io.stdin);
    } finally {
      sh.proc.trap(SIGNALS.SIGWINCH, before);
    }
  }
  const r = yield* editLine(
    { tty, history: sh.history, complete: (line, cursor) => completeLine(sh, line, cursor), bracketedPaste: sh.flavour.name === 'bash' },
    prompt,
  );
  if (r.kind === 'eof') return null;
  if (r.kind === 'interrupt') return 'interrupt';
  return r.text;
}

/** Whether `source` is an unfinished command: open quotes or compounds, or a here-document without its delimiter. */
function needsMore(source: string): boolean {
  // A line ending in an unescaped backslash continues on the next one (bash's PS2), as when a page's command is pasted.
  if (/(^|[^\\])(\\\\)*\\\n$/.test(source)) return true;
  const r = parse(source);
  return r.ok ? r.unterminated.length > 0 : r.error.incomplete;
}

/** A login shell (`-bash`, as login and sshd start it) says `logout` as it ends, any other bash `exit`. */
function goodbye(sh: Shell): string {
  return sh.proc.argv[0]?.startsWith('-') ? 'logout\n' : 'exit\n';
}

export function* interactiveLoop(sh: Shell): Task<number> {
  let linesRead = 0;
  sh.interactive = true;
  const tty = sh.tty;
  if (tty) {
    sh.jobControl = true;
    tty.setForeground(sh.proc.ns, sh.proc.pgid);
  }
  sh.proc.trap(SIGNALS.SIGINT, () => {
    sh.interrupted = true;
  });
  for (const s of [SIGNALS.SIGTSTP, SIGNALS.SIGQUIT, SIGNALS.SIGTTIN, SIGNALS.SIGTTOU, SIGNALS.SIGTERM]) sh.proc.trap(s, 'ignore');
  for (;;) {
    notifyJobs(sh);
    if (tty) tty.setForeground(sh.proc.ns, sh.proc.pgid);
    sh.interrupted = false;
    let source = '';
    const lineBase = linesRead;
    let prompt = expandPrompt(sh, sh.getVar('PS1') ?? sh.flavour.defaultPS1);
    for (;;) {
      const line = yield* readInput(sh, prompt);
      if (line === 'interrupt') {
        source = '';
        sh.status = 130;
        break;
      }
      if (line === null) {
        // readline ends the edited line before bash says `exit` (or runs what was read).
        if (tty && sh.flavour.name === 'bash') sh.io.stderr.write('\n');
        if (source === '') {
          if (sh.flavour.name === 'bash') sh.io.stderr.write(goodbye(sh));
          return sh.status;
        }
        break;
      }
      source += line + '\n';
      linesRead++;
      if (!needsMore(source)) break;
      prompt = expandPrompt(sh, sh.getVar('PS2') ?? '> ');
    }
    if (source.trim() === '') continue;
    sh.history.add(historyEntry(source));
    try {
      yield* runSource(sh, source, sh.io, lineBase);
      yield* runPendingTraps(sh, sh.io);
    } catch (e) {
      if (e instanceof ExitSignal) {
        if (sh.flavour.name === 'bash') sh.io.stderr.write(goodbye(sh));
        return e.status;
      }
      if (e instanceof InterruptSignal) {
        sh.io.stderr.write('\n');
        sh.status = 130;
        continue;
      }
      throw e;
    }
  }
}

/** Reads a script from non-terminal input and runs each complete command as soon as it is read. */
export function* stdinLoop(sh: Shell): Task<number> {
  let source = '';
  let lineBase = 0;
  let linesRead = 0;
  for (;;) {
    const line = yield* readLine(sh.io.stdin);
    if (line === null) {
      if (source.trim()) yield* runSource(sh, source, sh.io, lineBase);
      return sh.status;
    }
    source += line + '\n';
    linesRead++;
    if (needsMore(source)) continue;
    yield* runSource(sh, source, sh.io, lineBase);
    source = '';
    lineBase = linesRead;
  }
}
