/** What differs between bash and busybox ash: error wording, default prompt, job-control texts. */
import type { SyntaxProblem } from './syntax-error.js';

export interface Flavour {
  readonly name: 'bash' | 'ash';
  readonly defaultPS1: string;
  /** The XSI echo of dash: no options but a lone `-n`, backslash escapes always interpreted. */
  readonly xsiEcho?: boolean;
  /** Built without a line editor (Debian's dash): input is read as the terminal hands it over, nothing redrawn. */
  readonly noLineEditor?: boolean;
  notFound(cmd: string): string;
  cdFailed(dir: string, reason: string): string;
  /** A redirection's file would not open: for writing (`>`, `>>`) or reading (`<`). */
  openFailed(path: string, reason: string, forWrite: boolean): string;
  /** Lines of a syntax error (without the shell prefix); `source` is the offending line. */
  syntax(problem: SyntaxProblem, source: string, interactive: boolean): string[];
}

export const BASH: Flavour = {
  name: 'bash',
  defaultPS1: '\\u@\\h:\\w\\$ ',
  notFound: (cmd) => `${cmd}: command not found`,
  cdFailed: (dir, reason) => `cd: ${dir}: ${reason}`,
  openFailed: (path, reason) => `${path}: ${reason}`,
  syntax(problem, source, interactive) {
    switch (problem.kind) {
      case 'unterminated':
        return [`unexpected EOF while looking for matching \`${problem.match}'`];
      case 'eof':
        return ['syntax error: unexpected end of file'];
      case 'token':
        return interactive
          ? [`syntax error near unexpected token \`${problem.token}'`]
          : [`syntax error near unexpected token \`${problem.token}'`, `\`${source}'`];
    }
  },
};

/**
 * Debian's /bin/sh (dash). It words errors close to busybox ash, which stands in for it here; its echo is
 * the one difference scripts print through (`echo "a\nb"` prints two lines), and it has no line editor.
 */
export const DASH = { xsiEcho: true, noLineEditor: true } as const;

export const ASH: Flavour = {
  name: 'ash',
  defaultPS1: '\\w \\$ ',
  notFound: (cmd) => `${cmd}: not found`,
  cdFailed: (dir, reason) => `cd: can't cd to ${dir}: ${reason}`,
  openFailed: (path, reason, forWrite) => `can't ${forWrite ? 'create' : 'open'} ${path}: ${reason}`,
  syntax(problem) {
    switch (problem.kind) {
      case 'unterminated':
        return ['syntax error: unterminated quoted string'];
      case 'eof':
        return [`syntax error: unexpected end of file${problem.expecting ? ` (expecting "${problem.expecting}")` : ''}`];
      case 'token':
        return [`syntax error: unexpected ${problem.token === 'newline' ? 'newline' : `"${problem.token}"`}`];
    }
  },
};
