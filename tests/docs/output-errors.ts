/**
 * A crash of ours, never a course's expected error: a program that threw (`<comm>: internal error: …`,
 * exit 70) or the sandbox façade catching an exception (`podsim: internal error: …`).
 */
export const CRASH = /\binternal error\b/;
/** The exit status a program that threw ends with (sysexits EX_SOFTWARE). */
export const CRASH_EXIT_CODE = 70;

/** Lines of terminal output that show a crash; no `expect-error` declaration excuses them. */
export function crashLines(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => CRASH.test(line));
}

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
  const declared = output
    .split(/\r?\n/)
    .filter((line) => ERROR_PATTERNS.some((p) => p.test(line)) && !CRASH.test(line))
    .filter((line) => !expected.some((e) => line.includes(e)));
  return [...crashLines(output), ...declared];
}
