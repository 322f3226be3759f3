/** The job table of a job-control shell: numbering, current/previous marks and bash's status lines. */
import type { Proc } from '../kernel/process.js';
import { signalName, SIGNALS } from '../kernel/signals.js';
import type { Cancel, Waitable } from '../kernel/waitable.js';

export interface Job {
  id: number;
  pgid: number;
  procs: Proc[];
  /** Command text as typed (without the trailing &). */
  text: string;
  /** Set once the shell has told the user the job finished. */
  reported: boolean;
}

export type JobState = 'Running' | 'Stopped' | 'Done';

export function jobState(job: Job): JobState {
  if (job.procs.every((p) => !p.alive)) return 'Done';
  if (job.procs.some((p) => p.state === 'stopped')) return 'Stopped';
  return 'Running';
}

/** Settles when every process has exited or one has stopped. */
export function jobSettled(procs: Proc[]): Waitable<void> {
  return {
    subscribe(resume) {
      const check = () => procs.every((p) => !p.alive) || procs.some((p) => p.state === 'stopped');
      if (check()) {
        resume();
        return () => {};
      }
      let done = false;
      const offs: Cancel[] = [];
      for (const p of procs) {
        offs.push(
          p.onStateChange(() => {
            if (done || !check()) return;
            done = true;
            offs.forEach((o) => o());
            resume();
          }),
        );
      }
      return () => {
        done = true;
        offs.forEach((o) => o());
      };
    },
  };
}

/** Words bash uses for how a job ended ("Done", "Exit 1", "Terminated", "Killed"…). */
export function endText(last: Proc): string {
  if (last.termSignal !== undefined) return SIGNAL_TEXT[last.termSignal] ?? `Signal ${last.termSignal}`;
  return last.exitCode === 0 ? 'Done' : `Exit ${last.exitCode}`;
}

/** Message bash prints when a foreground job dies by a signal (SIGINT prints nothing). */
export function signalDeathText(p: Proc): string | undefined {
  if (p.termSignal === undefined || p.termSignal === SIGNALS.SIGINT || p.termSignal === SIGNALS.SIGPIPE) return undefined;
  return SIGNAL_TEXT[p.termSignal] ?? signalName(p.termSignal);
}

const SIGNAL_TEXT: Record<number, string> = {
  [SIGNALS.SIGHUP]: 'Hangup',
  [SIGNALS.SIGINT]: 'Interrupt',
  [SIGNALS.SIGQUIT]: 'Quit',
  [SIGNALS.SIGKILL]: 'Killed',
  [SIGNALS.SIGTERM]: 'Terminated',
  [SIGNALS.SIGUSR1]: 'User defined signal 1',
  [SIGNALS.SIGUSR2]: 'User defined signal 2',
  [SIGNALS.SIGPIPE]: 'Broken pipe',
  [SIGNALS.SIGALRM]: 'Alarm clock',
};

export class JobTable {
  private jobs: Job[] = [];
  /** Most recent first: [current, previous, …] job ids, as %+ and %-. */
  private order: number[] = [];

  add(pgid: number, procs: Proc[], text: string): Job {
    const id = (this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) : 0) + 1;
    const job: Job = { id, pgid, procs, text, reported: false };
    this.jobs.push(job);
    this.touch(job);
    return job;
  }

  /** Makes `job` the current job (%+). */
  touch(job: Job): void {
    this.order = [job.id, ...this.order.filter((i) => i !== job.id)];
  }

  list(): Job[] {
    return [...this.jobs];
  }

  remove(job: Job): void {
    this.jobs = this.jobs.filter((j) => j !== job);
    this.order = this.order.filter((i) => i !== job.id);
  }

  mark(job: Job): '+' | '-' | ' ' {
    // bash prefers a stopped job as current.
    const ordered = this.ordered();
    if (ordered[0] === job) return '+';
    if (ordered[1] === job) return '-';
    return ' ';
  }

  private ordered(): Job[] {
    const byOrder = this.order.map((id) => this.jobs.find((j) => j.id === id)!).filter(Boolean);
    const stopped = byOrder.filter((j) => jobState(j) === 'Stopped');
    return [...stopped, ...byOrder.filter((j) => jobState(j) !== 'Stopped')];
  }

  /** Resolves %1, %+, %%, %-, %name, %?text; undefined spec means the current job. */
  find(spec: string | undefined): Job | undefined {
    const ordered = this.ordered();
    if (spec === undefined || spec === '%' || spec === '%%' || spec === '%+') return ordered[0];
    if (spec === '%-') return ordered[1];
    const s = spec.startsWith('%') ? spec.slice(1) : spec;
    if (/^\d+$/.test(s)) return this.jobs.find((j) => j.id === Number(s));
    if (s.startsWith('?')) return ordered.find((j) => j.text.includes(s.slice(1)));
    return ordered.find((j) => j.text.startsWith(s));
  }

  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.procs.some((p) => p.pid === pid));
  }

  /** `[1]+  Running                 sleep 100 &` */
  format(job: Job, withPid = false): string {
    const state = jobState(job);
    const last = job.procs[job.procs.length - 1];
    const status = state === 'Done' ? endText(last) : state;
    const text = state === 'Running' ? `${job.text} &` : job.text;
    const pid = withPid ? `${job.pgid} ` : '';
    return `[${job.id}]${this.mark(job)}  ${pid}${status.padEnd(22)}  ${text}`;
  }
}
