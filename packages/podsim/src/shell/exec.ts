/**
 * Walks the syntax tree. Every simple command costs 1 ms of virtual time, so a busy loop without
 * `sleep` still lets the simulated cluster move on instead of freezing it.
 */
import { emptyInput, Pipe, StringSink } from '../kernel/streams.js';
import { SIGNALS } from '../kernel/signals.js';
import type { Proc } from '../kernel/process.js';
import { Deferred, sleep, wait, type Task } from '../kernel/waitable.js';
import { evaluate } from './arith.js';
import type { AndOr, Command, List, Pipeline, SimpleCommand } from './ast.js';
import { BUILTINS } from './builtins/index.js';
import { evalCond } from './cond.js';
import { BreakSignal, ExitSignal, InterruptSignal, ReturnSignal } from './control.js';
import { expandPattern, expandString, expandWords, type ExpandContext } from './expand.js';
import { execProgram, runGuarded, spawnProgram, spawnSubshell, waitForeground, type Group } from './foreground.js';
import type { Io } from './io.js';
import { matchPattern } from './pattern.js';
import { parse } from './parser.js';
import { prepare, reportExpansion, type Prepared } from './prepare.js';
import { execDenied } from './exec-denied.js';
import { applyRedirs } from './redirect.js';
import type { Shell } from './shell.js';

export const COMMAND_COST_MS = 1;

/**
 * Parses and runs source text (eval, source, -c, scripts); syntax errors print and give status 2.
 * `lineBase` counts the lines an interactive or piped shell read before this source.
 */
export function* runSource(sh: Shell, source: string, io: Io, lineBase = 0): Task<number> {
  const r = parse(source);
  if (!r.ok) {
    const lineText = source.split('\n')[r.error.line - 1] ?? source;
    const lines = sh.flavour.syntax(r.error.problem, lineText.trim(), sh.interactive);
    const prefix = sh.interactive
      ? `${sh.origin.name}: `
      : sh.origin.script
        ? `${sh.origin.script}: line ${r.error.line}: `
        : sh.flavour.name === 'bash'
          ? `${sh.origin.name}: -c: line ${r.error.line}: `
          : `${sh.origin.name}: `;
    for (const l of lines) io.stderr.write(`${prefix}${l}\n`);
    sh.status = 2;
    return 2;
  }
  if (sh.flavour.name === 'bash') {
    const at = sh.origin.script && !sh.interactive ? `line ${source.replace(/\n$/, '').split('\n').length}: ` : '';
    const prefix = sh.origin.script && !sh.interactive ? sh.origin.script : sh.origin.name;
    for (const h of r.unterminated) {
      io.stderr.write(`${prefix}: ${at}warning: here-document at line ${lineBase + h.line} delimited by end-of-file (wanted \`${h.delimiter}')\n`);
    }
  }
  sh.tailCommand = sh.execTail ? tailOf(sh, r.list) : undefined;
  sh.execTail = false;
  return yield* runList(sh, r.list, io);
}

/**
 * The command a `-c` string ends with that the shell execs in place of itself: bash does it for a
 * string that is one simple command; ash and dash for the last command of the string (evaltree's
 * EV_EXIT), and neither when a trap is set.
 */
function tailOf(sh: Shell, list: List): SimpleCommand | undefined {
  const last = list.items[list.items.length - 1];
  if (!last || last.background || sh.traps.size > 0) return undefined;
  if (sh.flavour.name === 'bash' && (list.items.length > 1 || last.cmd.rest.length > 0)) return undefined;
  const pipe = last.cmd.rest.length ? last.cmd.rest[last.cmd.rest.length - 1].pipe : last.cmd.first;
  const cmd = pipe.cmds[0];
  return pipe.cmds.length === 1 && !pipe.bang && cmd.type === 'simple' ? cmd : undefined;
}

function ctxFor(sh: Shell, io: Io): ExpandContext {
  return sh.expandContext((source) => commandSubst(sh, source, io));
}

function* commandSubst(sh: Shell, source: string, io: Io): Task<string> {
  // bash's `$(< file)`: the file's contents, as `$(cat file)` without running cat.
  const file = sh.flavour.name === 'bash' ? /^\s*<\s*(\S+)\s*$/.exec(source)?.[1] : undefined;
  if (file !== undefined) {
    try {
      sh.substStatus = 0;
      return sh.fs.readFile(sh.resolvePath(file));
    } catch {
      io.stderr.write(`bash: ${file}: No such file or directory\n`);
      sh.substStatus = 1;
      return '';
    }
  }
  const sink = new StringSink();
  const sub = sh.clone();
  sub.interactive = false;
  sub.jobControl = false;
  const subIo = { stdin: io.stdin, stdout: sink, stderr: io.stderr };
  sub.io = subIo;
  sh.substStatus = yield* runGuarded(sub, (s) => runSource(s, source, subIo));
  return sink.text;
}

export function* runList(sh: Shell, list: List, io: Io): Task<number> {
  for (const item of list.items) {
    if (item.background) {
      yield* startBackground(sh, item.cmd, item.text, io);
      sh.status = 0;
    } else {
      sh.status = yield* runAndOr(sh, item.cmd, io, item.text);
      if (sh.opts.errexit && sh.status !== 0 && item.cmd.rest.length === 0 && !item.cmd.first.bang) throw new ExitSignal(sh.status);
    }
    yield* runPendingTraps(sh, io);
  }
  return sh.status;
}

/** The condition of if, while and until: set -e does not end the shell on it (bash manual, The Set Builtin). */
function* condition(sh: Shell, list: List, io: Io): Task<number> {
  const errexit = sh.opts.errexit;
  sh.opts.errexit = false;
  try {
    return yield* runList(sh, list, io);
  } finally {
    sh.opts.errexit = errexit;
  }
}

export function* runPendingTraps(sh: Shell, io: Io): Task<void> {
  while (sh.pendingTraps.length > 0) {
    const sig = sh.pendingTraps.shift()!;
    const action = sh.traps.get(sig);
    if (action) {
      const saved = sh.status;
      yield* runSource(sh, action, io);
      sh.status = saved;
    }
  }
}

function* runAndOr(sh: Shell, ao: AndOr, io: Io, text: string): Task<number> {
  let status = yield* runPipeline(sh, ao.first, io, text);
  for (const { op, pipe } of ao.rest) {
    if ((op === '&&') !== (status === 0)) continue;
    status = yield* runPipeline(sh, pipe, io, text);
  }
  return status;
}

function* runPipeline(sh: Shell, p: Pipeline, io: Io, text: string): Task<number> {
  let status: number;
  if (p.cmds.length === 1) status = yield* runCommand(sh, p.cmds[0], io, text);
  else {
    const procs = yield* startPipeline(sh, p, io, sh.jobControl ? { newGroup: true } : {});
    status = yield* waitForeground(sh, procs, text);
    if (sh.opts.pipefail) status = [...procs].reverse().find((pr) => pr.exitCode !== 0)?.exitCode ?? status;
  }
  if (p.bang) status = status === 0 ? 1 : 0;
  sh.status = status;
  return status;
}

function* startPipeline(sh: Shell, p: Pipeline, io: Io, lead: Group): Task<Proc[]> {
  const procs: Proc[] = [];
  let input = io.stdin;
  const forked = new Deferred<void>();
  for (let i = 0; i < p.cmds.length; i++) {
    const last = i === p.cmds.length - 1;
    const pipe = last ? undefined : new Pipe();
    const elementIo = { stdin: input, stdout: pipe ?? io.stdout, stderr: io.stderr };
    const group = { ...(i === 0 ? lead : { pgid: procs[0].pgid, deferStart: lead.deferStart }), startGate: forked };
    const proc = yield* spawnElement(sh, p.cmds[i], elementIo, group);
    if (pipe) proc.exited.subscribe(() => pipe.close());
    const writer = procs[i - 1];
    // The reader went away: the writer's next write would raise SIGPIPE.
    if (writer) proc.exited.subscribe(() => writer.kill(SIGNALS.SIGPIPE));
    procs.push(proc);
    input = pipe ?? input;
  }
  forked.resolve();
  return procs;
}

/** One pipeline element in its own process: external programs directly, anything else in a subshell. */
function* spawnElement(sh: Shell, cmd: Command, io: Io, group: Group): Task<Proc> {
  if (cmd.type === 'simple') {
    yield* wait(sleep(sh.proc.clock, COMMAND_COST_MS));
    const prepared = yield* prepare(sh, ctxFor(sh, io), cmd, io);
    if (prepared.ok && prepared.argv.length > 0) {
      const name = prepared.argv[0];
      if (!sh.functions.has(name) && !BUILTINS[name]) {
        const env = sh.environment(prepared.assigns);
        const found = sh.proc.sys.resolve(name, env, sh.fs);
        if (found) return spawnProgram(sh, prepared.argv, found.program, env, prepared.io, group);
      }
    }
    return spawnSubshell(sh, io, group, (sub) => (prepared.ok ? dispatch(sub, prepared, prepared.io, '') : failed(prepared.status)));
  }
  return spawnSubshell(sh, io, group, (sub) => runCommand(sub, cmd, io, ''));
}

function* failed(status: number): Task<number> {
  return status;
}

function* startBackground(sh: Shell, ao: AndOr, text: string, io: Io): Task<void> {
  const group: Group = sh.jobControl ? { newGroup: true, deferStart: true } : { deferStart: true };
  const bgIo = sh.jobControl ? io : { ...io, stdin: io.stdin.isTTY ? emptyInput : io.stdin };
  const procs =
    ao.rest.length === 0 ? yield* startPipeline(sh, ao.first, bgIo, group) : [spawnSubshell(sh, bgIo, group, (sub) => runAndOr(sub, ao, bgIo, text))];
  const last = procs[procs.length - 1];
  sh.lastBackground = last.pid;
  const job = sh.jobs.add(procs[0].pgid, procs, text);
  if (sh.interactive) sh.io.stderr.write(`[${job.id}] ${last.pid}\n`);
}

export function* runCommand(sh: Shell, cmd: Command, io: Io, text: string): Task<number> {
  if (cmd.type === 'simple') return yield* runSimple(sh, cmd, io, text);
  if (cmd.type === 'function') {
    sh.functions.set(cmd.name, cmd.body);
    return 0;
  }
  let rio: Io;
  try {
    rio = yield* applyRedirs(sh, ctxFor(sh, io), cmd.redirs, io);
  } catch (e) {
    return reportExpansion(sh, e, io);
  }
  switch (cmd.type) {
    case 'group':
      return yield* runList(sh, cmd.body, rio);
    case 'subshell': {
      const sub = sh.clone();
      sub.interactive = false;
      sub.jobControl = false;
      sub.io = rio;
      const status = yield* runGuarded(sub, (s) => runList(s, cmd.body, rio));
      sh.status = status;
      return status;
    }
    case 'if': {
      for (const c of cmd.clauses) {
        if ((yield* condition(sh, c.cond, rio)) === 0) return yield* runList(sh, c.body, rio);
      }
      return cmd.otherwise ? yield* runList(sh, cmd.otherwise, rio) : 0;
    }
    case 'while':
    case 'until':
      return yield* loop(
        sh,
        function* () {
          const c = yield* condition(sh, cmd.cond, rio);
          return cmd.type === 'while' ? c === 0 : c !== 0;
        },
        () => runList(sh, cmd.body, rio),
      );
    case 'for': {
      const words = cmd.words ? yield* expandWords(ctxFor(sh, rio), cmd.words) : [...sh.positional];
      let i = 0;
      return yield* loop(
        sh,
        function* () {
          if (i >= words.length) return false;
          sh.setVar(cmd.name, words[i++]);
          return true;
        },
        () => runList(sh, cmd.body, rio),
      );
    }
    case 'case': {
      const ctx = ctxFor(sh, rio);
      const subject = yield* expandString(ctx, cmd.word);
      for (const item of cmd.items) {
        for (const p of item.patterns) {
          if (matchPattern(yield* expandPattern(ctx, p), subject)) return yield* runList(sh, item.body, rio);
        }
      }
      return 0;
    }
    case 'cond': {
      // dash has no [[: it is looked up as a command and not found.
      if (sh.flavour.xsiEcho) {
        sh.error(sh.flavour.notFound('[['), rio);
        return 127;
      }
      const ctx = ctxFor(sh, rio);
      try {
        return (yield* evalCond({ expand: ctx, fs: sh.fs, cwd: sh.cwd, getVar: (n) => sh.getVar(n), setVar: (n, v) => sh.setVar(n, v), setArray: (n, v) => sh.setArray(n, v) }, cmd.expr)) ? 0 : 1;
      } catch (e) {
        sh.error(e instanceof Error ? e.message : String(e), rio);
        return 1;
      }
    }
    case 'arithcmd': {
      const ctx = ctxFor(sh, rio);
      try {
        const text = yield* expandString(ctx, cmd.expr);
        return evaluate(text, { get: (n) => sh.getVar(n), set: (n, v) => sh.setVar(n, v) }) !== 0 ? 0 : 1;
      } catch (e) {
        sh.error(e instanceof Error ? e.message : String(e), rio);
        return 1;
      }
    }
  }
}

function* loop(sh: Shell, cond: () => Task<boolean>, body: () => Task<number>): Task<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      if (!(yield* cond())) break;
      try {
        status = yield* body();
      } catch (e) {
        if (!(e instanceof BreakSignal)) throw e;
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        if (e.kind === 'break') break;
      }
      // A loop of builtins only must still let virtual time pass.
      yield* wait(sleep(sh.proc.clock, COMMAND_COST_MS));
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

function* runSimple(sh: Shell, cmd: SimpleCommand, io: Io, text: string): Task<number> {
  if (sh.interrupted) throw new InterruptSignal();
  yield* wait(sleep(sh.proc.clock, COMMAND_COST_MS));
  if (sh.interrupted) throw new InterruptSignal();
  sh.substStatus = 0;
  const prepared = yield* prepare(sh, ctxFor(sh, io), cmd, io);
  if (!prepared.ok) return prepared.status;
  if (sh.opts.xtrace && prepared.argv.length) io.stderr.write(`+ ${prepared.argv.join(' ')}\n`);
  return yield* dispatch(sh, prepared, prepared.io, text || cmd.words.map((w) => w.raw).join(' '), sh.tailCommand === cmd && sh.traps.size === 0);
}

/** Runs an expanded command: assignments only, a function, a builtin or a program. */
export function* dispatch(sh: Shell, p: Prepared, io: Io, text: string, inPlace = false): Task<number> {
  const { argv, assigns } = p;
  if (argv.length === 0) {
    const status = sh.substStatus;
    for (const [k, v] of Object.entries(assigns)) sh.setVar(k, v);
    for (const [k, v] of Object.entries(p.arrays ?? {})) sh.setArray(k, v);
    return status;
  }
  const name = argv[0];
  const fn = sh.functions.get(name);
  if (fn) return yield* callFunction(sh, fn, argv.slice(1), io);
  const builtin = BUILTINS[name];
  if (builtin) {
    const saved = Object.keys(assigns).map((k) => [k, sh.vars.get(k)] as const);
    for (const [k, v] of Object.entries(assigns)) sh.setVar(k, v);
    try {
      return yield* builtin(sh, argv, io);
    } finally {
      for (const [k, v] of saved) {
        if (v) sh.vars.set(k, v);
        else sh.vars.delete(k);
      }
    }
  }
  return yield* runExternal(sh, argv, assigns, io, text, inPlace);
}

export function* runExternal(sh: Shell, argv: string[], assigns: Record<string, string>, io: Io, text: string, inPlace = false): Task<number> {
  const env = sh.environment(assigns);
  const found = sh.proc.sys.resolve(argv[0], env, sh.fs);
  if (!found) {
    const denied = argv[0].includes('/') && execDenied(sh, argv[0]);
    if (denied) sh.error(`${argv[0]}: ${denied}`, io);
    else if (argv[0].includes('/') && sh.flavour.name === 'bash') sh.error(`${argv[0]}: No such file or directory`, io);
    else sh.error(sh.flavour.notFound(argv[0]), io);
    return denied ? 126 : 127;
  }
  if (inPlace) return yield* execProgram(sh, argv, found.program, env, io);
  const proc = spawnProgram(sh, argv, found.program, env, io, sh.jobControl ? { newGroup: true } : {});
  return yield* waitForeground(sh, [proc], text);
}

function* callFunction(sh: Shell, body: Command, args: string[], io: Io): Task<number> {
  const savedArgs = sh.positional;
  sh.positional = args;
  sh.locals.push(new Map());
  try {
    return yield* runCommand(sh, body, io, '');
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    const frame = sh.locals.pop()!;
    for (const [k, v] of frame) {
      if (v) sh.vars.set(k, v);
      else sh.vars.delete(k);
    }
    sh.positional = savedArgs;
  }
}
