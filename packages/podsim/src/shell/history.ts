/** Command history: what Up/Down, Ctrl+R and the `history` builtin see. */
export class History {
  private entries: string[] = [];

  add(line: string): void {
    const l = line.replace(/\n+$/, '');
    if (l.trim() === '') return;
    this.entries.push(l);
  }

  get length(): number {
    return this.entries.length;
  }

  at(index: number): string | undefined {
    return this.entries[index];
  }

  all(): readonly string[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  /** Newest entry before `before` (exclusive) that contains `query`, for reverse-i-search. */
  searchBack(query: string, before: number): number | undefined {
    for (let i = Math.min(before, this.entries.length) - 1; i >= 0; i--) if (this.entries[i].includes(query)) return i;
    return undefined;
  }

  /** `history` output: bash's `%5d  %s` lines. */
  format(last?: number): string {
    const start = last === undefined ? 0 : Math.max(0, this.entries.length - last);
    return this.entries
      .slice(start)
      .map((e, i) => `${String(start + i + 1).padStart(5)}  ${e}\n`)
      .join('');
  }
}
