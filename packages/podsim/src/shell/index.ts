/**
 * The shells: `bash` (the reader's login shell and debian images' bash) and `ash` (busybox/alpine
 * `sh`). One interpreter; the flavour only changes wording and defaults.
 */
import { FsError } from '../kernel/fs.js';
import type { Proc, Program } from '../kernel/process.js';
import type { Task } from '../kernel/waitable.js';
import { SIGNALS } from '../kernel/signals.js';
import { ExitSignal, InterruptSignal } from './control.js';
import { runSource } from './exec.js';
import { ASH, BASH, DASH, type Flavour } from './flavour.js';
import { interactiveLoop, stdinLoop } from './interactive.js';
import { Shell } from './shell.js';

export { Shell } from './shell.js';
export { parse } from './parser.js';
export { BASH, ASH, type Flavour } from './flavour.js';

/** The shell state behind a shell process (the sandbox reads `$?` of the login shell from here). */
export const SHELLS = new WeakMap<Proc, Shell>();

interface Invocation {
  command?: string;
  script?: string;
  interactive: boolean;
  args: string[];
  name?: string;
  flags: string[];
}

function parseArgs(argv: string[]): Invocation | string {
  const inv: Invocation = { interactive: false, args: [], flags: [] };
  let i = 1;
  let wantsCommand = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--login' || a === '--norc' || a === '--noprofile' || a === '--posix') continue;
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'c') wantsCommand = true;
      else if (f === 'i') inv.interactive = true;
      else if (f === 's' || f === 'l') continue;
      else if ('eux'.includes(f)) inv.flags.push(a[0] + f);
      else return `${a[0]}${f}: invalid option`;
    }
  }
  const rest = argv.slice(i);
  if (wantsCommand) {
    if (rest.length === 0) return '-c: option requires an argument';
    inv.command = rest[0];
    inv.name = rest[1];
    inv.args = rest.slice(2);
  } else if (rest.length > 0) {
    inv.script = rest[0];
    inv.args = rest.slice(1);
  }
  return inv;
}

function* guarded(sh: Shell, body: () => Task<number>): Task<number> {
  let status: number;
  try {
    status = yield* body();
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    status = e.status;
  }
  const onExit = sh.traps.get('EXIT');
  if (onExit) {
    sh.traps.delete('EXIT');
    try {
      yield* runSource(sh, onExit, sh.io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      throw e;
    }
  }
  return status;
}

/**
 * ash and dash catch SIGINT when given `-c` (setsignal: `iflag || minusc`), so Ctrl+C ends the command
 * string with status 130 at its next command even as PID 1 of a container, where the default action would
 * be ignored: `kubectl run -it … -- sh -c 'while …; do wget …; done'` stops as the docs say it does.
 */
function* interruptible(sh: Shell, command: string): Task<number> {
  sh.proc.trap(SIGNALS.SIGINT, () => {
    sh.interrupted = true;
  });
  try {
    return yield* runSource(sh, command, sh.io);
  } catch (e) {
    if (e instanceof InterruptSignal) return 128 + SIGNALS.SIGINT;
    throw e;
  }
}

/** Runs a shell in `proc` with `argv` (which may differ from proc.argv: `./script.sh` runs `bash ./script.sh`). */
export function* shellMain(flavour: Flavour, proc: Proc, argv: string[]): Task<number> {
  const argv0 = (argv[0] ?? flavour.name).split('/').pop()!;
  const name = flavour.name === 'bash' ? 'bash' : argv0 === 'ash' ? 'ash' : 'sh';
  const sh = new Shell(proc, flavour, { name }, runSource);
  SHELLS.set(proc, sh);
  const inv = parseArgs(argv);
  if (typeof inv === 'string') {
    proc.stderr.write(`${name}: ${inv}\n`);
    return 2;
  }
  for (const f of inv.flags) {
    const key = ({ e: 'errexit', u: 'nounset', x: 'xtrace' } as const)[f[1] as 'e' | 'u' | 'x'];
    sh.opts[key] = f[0] === '-';
  }
  sh.positional = inv.args;
  if (inv.command !== undefined) {
    if (inv.name) sh.origin = { name, script: undefined };
    const command = inv.command;
    sh.execTail = true;
    if (flavour.name === 'ash' && proc.disposition(SIGNALS.SIGINT) !== 'ignore') return yield* guarded(sh, () => interruptible(sh, command));
    return yield* guarded(sh, () => runSource(sh, command, sh.io));
  }
  if (inv.script !== undefined) {
    let text: string;
    const script = inv.script;
    try {
      text = sh.fs.readFile(sh.resolvePath(script));
    } catch (e) {
      const reason = e instanceof FsError ? e.text : String(e);
      proc.stderr.write(flavour.name === 'bash' ? `${name}: ${script}: ${reason}\n` : `${name}: can't open '${script}': ${reason}\n`);
      return flavour.name === 'bash' ? 127 : 2;
    }
    sh.origin = { name, script };
    return yield* guarded(sh, () => runSource(sh, text, sh.io));
  }
  if (inv.interactive || proc.stdin.isTTY) return yield* guarded(sh, () => interactiveLoop(sh));
  return yield* guarded(sh, () => stdinLoop(sh));
}

/** busybox ash, installed as /bin/sh in busybox and alpine images. */
export const ash: Program = (proc) => shellMain(ASH, proc, proc.argv);
/** Debian's dash as /bin/sh: ash, with dash's echo. */
export const dash: Program = (proc) => shellMain({ ...ASH, ...DASH }, proc, proc.argv);
/** GNU bash flavour: debian images and the reader's login shell. */
export const bash: Program = (proc) => shellMain(BASH, proc, proc.argv);
