/** `cases.txt`: one kubectl command line (without `kubectl`) per line, words split as sh does for simple quoting; `#` lines are comments. */
export function parseCases(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => [...l.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]));
}
