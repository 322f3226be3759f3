/** Parse failures, worded later per flavour (bash and busybox ash say different things). */
export type SyntaxProblem =
  /** Input ended inside quotes or $(…)/${…}: `match` is the closing character looked for. */
  | { kind: 'unterminated'; match: string }
  /** A token where the grammar does not allow it (`newline` for a line break). */
  | { kind: 'token'; token: string }
  /** Input ended inside a compound command or after `|`/`&&`: `expecting` names the missing word. */
  | { kind: 'eof'; expecting?: string };

export class ShellSyntaxError extends Error {
  constructor(
    readonly problem: SyntaxProblem,
    readonly line: number,
  ) {
    super(problem.kind);
  }

  /** An interactive shell asks for more input (PS2) instead of failing. */
  get incomplete(): boolean {
    return this.problem.kind !== 'token';
  }
}
