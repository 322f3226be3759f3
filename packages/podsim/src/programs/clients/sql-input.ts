/** Splitting what a SQL client reads into statements: `;` ends one, except inside quotes. */
export function splitStatements(text: string): { complete: string[]; rest: string } {
  const complete: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === ';') {
      const stmt = text.slice(start, i + 1).trim();
      if (stmt !== ';') complete.push(stmt);
      start = i + 1;
    }
  }
  return { complete, rest: text.slice(start).trim() };
}
