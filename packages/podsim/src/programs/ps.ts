/**
 * ps over the caller's PID namespace: busybox's `PID   USER     TIME  COMMAND` table, or procps'
 * `PID TTY TIME CMD` for the caller's session on a GNU machine (`ps aux`/`-ef` for everything).
 */
import { machineOf } from '../kernel/machine.js';
import { ttyOf } from '../kernel/tty.js';
import type { Proc, Program } from '../kernel/process.js';
import { accountNames, credentialsOf } from './accounts.js';
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
 * procps STAT: R for ps itself, T stopped, S sleeping; `s` for a session leader (a container's PID 1 and
 * each exec'd command start a session), `+` in the foreground process group of its terminal. An
 * interactive shell that leads the session hands the terminal to the command it runs, so it shows no `+`.
 */
function stat(p: Proc, self: Proc): string {
  const t = ttyOf(p.stdin) ?? ttyOf(p.stdout);
  const leader = p.ppid === 0;
  const base = p === self ? 'R' : p.state === 'stopped' ? 'T' : 'S';
  // A shell in a container's terminal that keeps the terminal's group while its command runs still has it in front.
  const fg = t?.foreground()?.pgid;
  const parent = p.ns.list().find((x) => x.pid === p.ppid);
  const front = !leader && fg !== undefined && (fg === p.pgid || (parent !== undefined && parent.ppid === 0 && fg === parent.pgid));
  return `${base}${leader ? 's' : ''}${front ? '+' : ''}`;
}

function cmdline(p: Proc): string {
  return p.argv.join(' ');
}

/** The simulated programs do not burn CPU: TIME stays at zero, as for idle servers and sleeps. */
const CPU_TIME = { short: '0:00', long: '00:00:00' };

export const ps: Program = function* (proc) {
  const procs = proc.ns.list();
  const userOf = processUserNames(proc);
  if (flavorOf(proc) === 'busybox') {
    let out = 'PID   USER     TIME  COMMAND\n';
    for (const p of procs) out += `${String(p.pid).padStart(5)} ${userOf(p).slice(0, 8).padEnd(8)} ${CPU_TIME.short.padStart(5)} ${cmdline(p)}\n`;
    proc.stdout.write(out);
    return 0;
  }
  const args = proc.argv.slice(1).join(' ');
  const tty = machineOf(proc).net ? 'pts/0' : '?';
  if (/(^|\s)-?a?u?x|(^|\s)-e|(^|\s)-ef/.test(args)) {
    if (args.includes('u')) {
      let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
      for (const p of procs) {
        const start = new Date(p.startedAt).toISOString().slice(11, 16);
        out += `${userOf(p).padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.1   2480  1536 ${ttyName(p).padEnd(8)} ${stat(p, proc).padEnd(4)} ${start}   ${CPU_TIME.short} ${cmdline(p)}\n`;
      }
      proc.stdout.write(out);
      return 0;
    }
    let out = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const p of procs) out += `${userOf(p).padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${new Date(p.startedAt).toISOString().slice(11, 16)} ${ttyName(p).padEnd(8)} ${CPU_TIME.long} ${cmdline(p)}\n`;
    proc.stdout.write(out);
    return 0;
  }
  let out = '    PID TTY          TIME CMD\n';
  for (const p of procs.filter((x) => x.pgid === proc.pgid || x.pid === proc.pid || (proc.ppid !== 0 && x.pid === proc.ppid) || x.ppid === proc.ppid)) {
    out += `${String(p.pid).padStart(7)} ${tty.padEnd(8)} ${CPU_TIME.long} ${p.comm}\n`;
  }
  proc.stdout.write(out);
  return 0;
};
