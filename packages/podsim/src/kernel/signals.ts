/** Linux x86-64 signal numbers; exit status of a process killed by signal n is 128+n. */
export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGWINCH: 28,
} as const;

export type SignalName = keyof typeof SIGNALS;

const BY_NUMBER = new Map<number, SignalName>(Object.entries(SIGNALS).map(([k, v]) => [v, k as SignalName]));

export function signalName(n: number): SignalName | undefined {
  return BY_NUMBER.get(n);
}

/** Accepts `TERM`, `SIGTERM`, `15`, `-15` as kill(1) does; undefined when unknown. */
export function parseSignal(s: string): number | undefined {
  const t = s.replace(/^-/, '').toUpperCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return BY_NUMBER.has(n) ? n : undefined;
  }
  const name = (t.startsWith('SIG') ? t : `SIG${t}`) as SignalName;
  return SIGNALS[name];
}

export type DefaultAction = 'terminate' | 'ignore' | 'stop' | 'continue';

export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIGNALS.SIGCHLD:
    case SIGNALS.SIGWINCH:
      return 'ignore';
    case SIGNALS.SIGSTOP:
    case SIGNALS.SIGTSTP:
    case SIGNALS.SIGTTIN:
    case SIGNALS.SIGTTOU:
      return 'stop';
    case SIGNALS.SIGCONT:
      return 'continue';
    default:
      return 'terminate';
  }
}
