/**
 * ps over the caller's PID namespace: busybox's `PID   USER     TIME  COMMAND` table, or procps-ng's
 * (a GNU image with the procps package, the nodes): BSD options (`aux`, `ax`, `auxw`), UNIX ones
 * (`-e`, `-ef`), or by default the caller's own processes on its terminal.
 */
import { machineOf } from '../kernel/machine.js';
import { ttyOf } from '../kernel/tty.js';
import type { Proc, Program } from '../kernel/process.js';
import { accountNames, credentialsOf } from './accounts.js';
import { FORMATS, table, type ColumnName, type ProcRow } from './ps-columns.js';
import { processSize } from './process-sizes.js';
import { flavorOf } from './util.js';

/**
 * ps names a process's uid from the /etc/passwd of the machine ps runs on (a shared PID namespace
 * shows the other containers' users by number when this image does not know them).
 */
export function processUserNames(caller: Proc): (p: Proc) => string {
  const fs = machineOf(caller).fs;
  const names = accountNames(fs, '/etc/passwd');
  return (p) => {
    const own = machineOf(p);
    if (own.fs === fs && !own.creds) return own.user ?? 'root';
    const uid = credentialsOf(p).uid;
    return names.get(uid) ?? String(uid);
  };
}

/** The controlling terminal's name, or `?` for a process started without one (a container's PID 1 and its children). */
function ttyName(p: Proc): string {
  return ttyOf(p.stdin) || ttyOf(p.stdout) ? 'pts/0' : '?';
}

/**
 * procps STAT: R for ps itself, T stopped, S sleeping; `s` for a session leader (runc's init calls
 * setsid for a container's PID 1 and for each exec'd command), `l` multi-threaded, `+` in the
 * foreground process group of its terminal. An interactive shell that leads the session hands the
 * terminal to the command it runs, so it shows no `+`.
 */
function stat(p: Proc, self: Proc): string {
  const t = ttyOf(p.stdin) ?? ttyOf(p.stdout);
  const leader = p.ppid === 0;
  const base = p === self ? 'R' : p.state === 'stopped' ? 'T' : 'S';
  // A shell in a container's terminal that keeps the terminal's group while its command runs still has it in front.
  const fg = t?.foreground()?.pgid;
  const parent = p.ns.list().find((x) => x.pid === p.ppid);
  const front = !leader && fg !== undefined && (fg === p.pgid || (parent !== undefined && parent.ppid === 0 && fg === parent.pgid));
  return `${base}${leader ? 's' : ''}${processSize(p).threads > 1 ? 'l' : ''}${front ? '+' : ''}`;
}

interface Options {
  format: ColumnName[];
  select: (p: Proc) => boolean;
  /** Columns a terminal's lines are cut to (`w` widens to 132, `ww` lifts the limit). */
  wide: number;
}

/**
 * procps' option parsing, for the sets pages use: BSD letters without a dash (`a` every terminal's
 * processes, `x` those without one too, `u` user format, `w` wide), UNIX ones with it (`-e`/`-A`
 * all, `-f` full format); no option lists the caller's processes on its terminal. Other options are
 * not modelled and leave the listing as it is.
 */
function parse(args: string[], self: Proc): Options {
  const mine = (p: Proc) => credentialsOf(p).uid === credentialsOf(self).uid;
  const sameTty = (p: Proc) => ttyName(p) === ttyName(self);
  let all = false;
  let noTty = false;
  let withTty = false;
  let format: ColumnName[] | undefined;
  let wide = 0;
  for (const arg of args) {
    const unix = arg.startsWith('-');
    for (const ch of unix ? arg.slice(1) : arg) {
      if (unix && (ch === 'e' || ch === 'A')) all = true;
      else if (unix && ch === 'f') format = FORMATS.full;
      else if (!unix && ch === 'a') withTty = true;
      else if (!unix && ch === 'x') noTty = true;
      else if (!unix && ch === 'u') format = FORMATS.u;
      else if (!unix && ch === 'w') wide++;
    }
  }
  const bsd = withTty || noTty || format === FORMATS.u || wide > 0;
  let select: (p: Proc) => boolean;
  if (all || (withTty && noTty)) select = () => true;
  else if (withTty) select = (p) => ttyName(p) !== '?';
  else if (noTty) select = mine;
  else select = (p) => mine(p) && sameTty(p);
  return { format: format ?? (bsd ? FORMATS.bsd : FORMATS.default), select, wide: wide === 0 ? 0 : wide === 1 ? 132 : Infinity };
}

export const ps: Program = function* (proc) {
  const procs = proc.ns.list();
  const userOf = processUserNames(proc);
  if (flavorOf(proc) === 'busybox') {
    let out = 'PID   USER     TIME  COMMAND\n';
    for (const p of procs) out += `${String(p.pid).padStart(5)} ${userOf(p).slice(0, 8).padEnd(8)}  0:00 ${p.argv.join(' ')}\n`;
    proc.stdout.write(out);
    return 0;
  }
  const opts = parse(proc.argv.slice(1), proc);
  const rows: ProcRow[] = procs.filter(opts.select).map((p) => ({ proc: p, user: userOf(p), tty: ttyName(p), stat: stat(p, proc) }));
  const term = ttyOf(proc.stdout);
  const width = !term ? 0 : opts.wide === 0 ? term.cols : opts.wide === Infinity ? 0 : Math.max(opts.wide, term.cols);
  proc.stdout.write(table(opts.format, rows, proc.clock.now(), width));
  return 0;
};
