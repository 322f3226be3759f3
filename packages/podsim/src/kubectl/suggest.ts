/** cobra's "Did you mean this?" list: commands within Levenshtein distance 2, or sharing the prefix. */
import { ALL_COMMANDS } from './verbs/index.js';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

export function suggestionsFor(typed: string): string[] {
  const t = typed.toLowerCase();
  return ALL_COMMANDS.filter((c) => {
    const n = c.name.toLowerCase();
    return levenshtein(t, n) <= 2 || n.startsWith(t);
  }).map((c) => c.name);
}
