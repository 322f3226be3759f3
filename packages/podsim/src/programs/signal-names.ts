/** The full Linux signal table for kill -l and name parsing (the kernel module only names the ones it acts on). */
export const SIGNAL_NAMES = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT',
  'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS',
];

/** `TERM`, `SIGTERM`, `term`, `15` → 15; undefined when unknown. */
export function signalNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n <= 64 ? n : undefined;
  }
  const name = s.toUpperCase().replace(/^SIG/, '');
  const alias: Record<string, string> = { IO: 'POLL', CLD: 'CHLD', IOT: 'ABRT' };
  const i = SIGNAL_NAMES.indexOf(alias[name] ?? name);
  return i < 0 ? undefined : i + 1;
}

export function signalNameOf(n: number): string | undefined {
  return SIGNAL_NAMES[n - 1];
}
