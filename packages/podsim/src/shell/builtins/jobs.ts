/** Job-control builtins: jobs, fg, bg, wait, kill (with %job specs). */
import { parseSignal, signalName, SIGNALS } from '../../kernel/signals.js';
import { wait as waitFor } from '../../kernel/waitable.js';
import { waitForeground } from '../foreground.js';
import { jobSettled, jobState, type Job } from '../jobs.js';
import type { Shell } from '../shell.js';
import type { Io } from '../io.js';
import type { Builtin } from './types.js';

function noJob(sh: Shell, name: string, spec: string | undefined, io: Io): number {
  sh.error(`${name}: ${spec ?? 'current'}: no such job`, io);
  return 1;
}

export const jobs: Builtin = function* (sh, argv, io) {
  const long = argv.includes('-l');
  const pidsOnly = argv.includes('-p');
  const specs = argv.slice(1).filter((a) => !a.startsWith('-'));
  const list = specs.length ? specs.map((s) => sh.jobs.find(s)).filter((j): j is Job => !!j) : sh.jobs.list();
  for (const j of list) {
    io.stdout.write(pidsOnly ? `${j.pgid}\n` : `${sh.jobs.format(j, long)}\n`);
    if (jobState(j) === 'Done') sh.jobs.remove(j);
  }
  return 0;
};

export const fg: Builtin = function* (sh, argv, io) {
  if (!sh.jobControl) {
    sh.error('fg: no job control', io);
    return 1;
  }
  const job = sh.jobs.find(argv[1]);
  if (!job || jobState(job) === 'Done') return noJob(sh, 'fg', argv[1], io);
  io.stdout.write(`${job.text}\n`);
  const tty = sh.tty;
  if (tty) tty.setForeground(job.procs[0].ns, job.pgid);
  for (const p of job.procs) p.kill(SIGNALS.SIGCONT);
  return yield* waitForeground(sh, job.procs, job.text, job);
};

export const bg: Builtin = function* (sh, argv, io) {
  if (!sh.jobControl) {
    sh.error('bg: no job control', io);
    return 1;
  }
  const job = sh.jobs.find(argv[1]);
  if (!job || jobState(job) === 'Done') return noJob(sh, 'bg', argv[1], io);
  if (jobState(job) === 'Running') {
    sh.error(`bg: job ${job.id} already in background`, io);
    return 0;
  }
  for (const p of job.procs) p.kill(SIGNALS.SIGCONT);
  io.stdout.write(`[${job.id}]${sh.jobs.mark(job)} ${job.text} &\n`);
  return 0;
};

export const waitBuiltin: Builtin = function* (sh, argv, io) {
  const specs = argv.slice(1);
  if (specs.length === 0) {
    for (const j of sh.jobs.list()) {
      yield* waitFor(jobSettled(j.procs));
      if (jobState(j) === 'Done') sh.jobs.remove(j);
    }
    return 0;
  }
  let status = 0;
  for (const s of specs) {
    const job = s.startsWith('%') ? sh.jobs.find(s) : sh.jobs.byPid(Number(s));
    if (!job) {
      if (s.startsWith('%')) return noJob(sh, 'wait', s, io);
      sh.error(`wait: pid ${s} is not a child of this shell`, io);
      status = 127;
      continue;
    }
    yield* waitFor(jobSettled(job.procs));
    const last = job.procs[job.procs.length - 1];
    status = last.exitCode ?? 0;
    if (jobState(job) === 'Done') sh.jobs.remove(job);
  }
  return status;
};

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

export const kill: Builtin = function* (sh, argv, io) {
  let sig: number = SIGNALS.SIGTERM;
  let i = 1;
  if (argv[1] === '-l' || argv[1] === '-L') {
    const names = Object.entries(SIGNALS).sort((a, b) => a[1] - b[1]);
    if (argv[2]) {
      const n = Number(argv[2]);
      const name = signalName(n > 128 ? n - 128 : n);
      io.stdout.write(`${name ? name.slice(3) : argv[2]}\n`);
    } else io.stdout.write(names.map(([k, v]) => `${String(v).padStart(2)}) ${k}`).join('\t') + '\n');
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '-n') {
    const s = parseSignal(argv[2] ?? '');
    if (s === undefined) {
      sh.error(`kill: ${argv[2]}: invalid signal specification`, io);
      return 1;
    }
    sig = s;
    i = 3;
  } else if (argv[1]?.startsWith('-') && argv[1] !== '--') {
    const s = parseSignal(argv[1]);
    if (s === undefined) {
      sh.error(`kill: ${argv[1].slice(1)}: invalid signal specification`, io);
      return 1;
    }
    sig = s;
    i = 2;
  }
  if (argv[i] === '--') i++;
  const targets = argv.slice(i);
  if (targets.length === 0) {
    sh.error(KILL_USAGE, io);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    if (t.startsWith('%')) {
      const job = sh.jobs.find(t);
      if (!job || jobState(job) === 'Done') {
        status = noJob(sh, 'kill', t, io);
        continue;
      }
      for (const p of job.procs) {
        p.kill(sig);
        if (p.alive && p.state === 'stopped' && sig !== SIGNALS.SIGSTOP && sig !== SIGNALS.SIGTSTP) p.kill(SIGNALS.SIGCONT);
      }
      continue;
    }
    if (!/^-?\d+$/.test(t)) {
      sh.error(`kill: ${t}: arguments must be process or job IDs`, io);
      status = 1;
      continue;
    }
    const n = Number(t);
    const procs = n < 0 ? sh.proc.ns.list().filter((p) => p.pgid === -n) : [sh.proc.ns.get(n)].filter((p) => p !== undefined);
    if (procs.length === 0) {
      sh.error(sh.flavour.name === 'bash' ? `kill: (${t}) - No such process` : `kill: can't kill pid ${t}: No such process`, io);
      status = 1;
      continue;
    }
    for (const p of procs) p!.kill(sig);
  }
  return status;
};
