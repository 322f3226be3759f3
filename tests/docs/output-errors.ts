/** Finds error lines in terminal output that a page does not declare as expected. */
const ERROR_PATTERNS = [
  /command not found/,
  /unknown command/,
  /unknown flag/,
  /unknown shorthand flag/,
  /^error: /m,
  /^Error from server/m,
  /^Error: /m,
  /No such file or directory/,
  /syntax error/,
  /not implemented/i,
];

export function unexpectedErrors(output: string, expected: string[]): string[] {
  return output
    .split(/\r?\n/)
    .filter((line) => ERROR_PATTERNS.some((p) => p.test(line)))
    .filter((line) => !expected.some((e) => line.includes(e)));
}
