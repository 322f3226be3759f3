/**
 * kill and killall. Signals are queued and delivered once the sender has run on (as kill(2)
 * returns before the target acts), so `killall app` exits 0 even when its container dies of it.
 */
import { busyboxBanner } from './busybox-release.js';
import type { Proc, Program } from '../kernel/process.js';
import { flavorOf, progName } from './util.js';
import { SIGNAL_NAMES, signalNameOf, signalNumber } from './signal-names.js';

function deliver(sender: Proc, target: Proc, signal: number): void {
  sender.clock.setTimer(0, () => target.kill(signal));
}

function listSignals(proc: Proc, names: string[]): number {
  const busybox = flavorOf(proc) === 'busybox';
  if (names.length > 0) {
    for (const n of names) {
      const num = signalNumber(n);
      const v = /^\d+$/.test(n) ? signalNameOf(num !== undefined && num > 128 ? num - 128 : (num ?? 0)) : num;
      if (v === undefined) {
        proc.stderr.write(`${progName(proc)}: bad signal name '${n}'\n`);
        return 1;
      }
      proc.stdout.write(`${v}\n`);
    }
    return 0;
  }
  if (busybox) proc.stdout.write(SIGNAL_NAMES.map((n, i) => `${String(i + 1).padStart(2)}) ${n}\n`).join(''));
  else proc.stdout.write(`${SIGNAL_NAMES.join(' ')}\n`);
  return 0;
}

/** Parses a leading `-SIG`, `-N`, `-s SIG`, `-n N`; returns the signal and the rest, or an error text. */
function signalArg(args: string[]): { signal: number; rest: string[] } | { bad: string } | { list: string[] } {
  let signal = 15;
  const rest = [...args];
  if (rest[0] === '-l' || rest[0] === '-L') return { list: rest.slice(1) };
  if ((rest[0] === '-s' || rest[0] === '-n') && rest.length > 1) {
    const n = signalNumber(rest[1]);
    if (n === undefined) return { bad: rest[1] };
    signal = n;
    rest.splice(0, 2);
  } else if (rest[0] && /^-[A-Za-z0-9]+$/.test(rest[0])) {
    const n = signalNumber(rest[0].slice(1));
    if (n === undefined) return { bad: rest[0].slice(1) };
    signal = n;
    rest.shift();
  }
  if (rest[0] === '--') rest.shift();
  return { signal, rest };
}

export const kill: Program = function* (proc) {
  const parsed = signalArg(proc.argv.slice(1));
  if ('list' in parsed) return listSignals(proc, parsed.list);
  if ('bad' in parsed) {
    proc.stderr.write(flavorOf(proc) === 'busybox' ? `kill: bad signal name '${parsed.bad}'\n` : `kill: unknown signal: ${parsed.bad}\n`);
    return 1;
  }
  if (parsed.rest.length === 0) {
    proc.stderr.write(flavorOf(proc) === 'busybox' ? 'kill: you need to specify whom to kill\n' : 'kill: not enough arguments\n');
    return 1;
  }
  let status = 0;
  for (const a of parsed.rest) {
    const target = /^\d+$/.test(a) ? proc.ns.get(Number(a)) : undefined;
    if (!/^-?\d+$/.test(a)) {
      proc.stderr.write(flavorOf(proc) === 'busybox' ? `kill: invalid number '${a}'\n` : `kill: failed to parse argument: '${a}'\n`);
      status = 1;
    } else if (!target) {
      proc.stderr.write(flavorOf(proc) === 'busybox' ? `kill: can't kill pid ${a}: No such process\n` : `kill: (${a}) - No such process\n`);
      status = 1;
    } else deliver(proc, target, parsed.signal);
  }
  return status;
};

/** Name a process answers to: its comm (at most 15 chars, as the kernel keeps it) or argv[0]'s basename. */
function matches(p: Proc, name: string): boolean {
  const base = (p.argv[0] ?? '').split('/').pop() ?? '';
  return p.comm === name || base === name || (name.length > 15 && p.comm === name.slice(0, 15));
}

export const killall: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let quiet = false;
  while (args[0] === '-q') {
    quiet = true;
    args.shift();
  }
  const parsed = signalArg(args);
  if ('list' in parsed) return listSignals(proc, parsed.list);
  if ('bad' in parsed) {
    proc.stderr.write(`killall: bad signal name '${parsed.bad}'\n`);
    return 1;
  }
  if (parsed.rest.length === 0) {
    proc.stderr.write(flavorOf(proc) === 'busybox' ? `${busyboxBanner(proc)}\n\nUsage: killall [-lq] [-SIG] PROCESS_NAME...\n` : 'Usage: killall [OPTION]... [--] NAME...\n');
    return 1;
  }
  let status = 0;
  for (const name of parsed.rest) {
    const targets = proc.ns.list().filter((p) => p !== proc && p.alive && matches(p, name));
    if (targets.length === 0) {
      status = 1;
      if (!quiet) proc.stderr.write(flavorOf(proc) === 'busybox' ? `killall: ${name}: no process killed\n` : `${name}: no process found\n`);
    }
    for (const t of targets) deliver(proc, t, parsed.signal);
  }
  return status;
};
