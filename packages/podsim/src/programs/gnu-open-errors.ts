/**
 * What GNU tools print when a file named on their command line cannot be read (coreutils 9.1, util-linux
 * 2.38 for rev; measured on Debian's builds): each tool words it its own way, and quotes the name as
 * gnulib's quotef/quoteaf do.
 */
import { quoteaf, quotef } from './gnu-quote.js';

type Wording = (name: string, reason: string) => string;

/** Opening failed (a missing file, no permission). */
const OPEN: Record<string, Wording> = {
  head: (n, r) => `cannot open ${quoteaf(n)} for reading: ${r}`,
  tail: (n, r) => `cannot open ${quoteaf(n)} for reading: ${r}`,
  sort: (n, r) => `cannot read: ${quotef(n)}: ${r}`,
  rev: (n, r) => `cannot open ${n}: ${r}`,
};

/** It opened, and reading it failed: a directory. */
const READ: Record<string, Wording> = {
  head: (n, r) => `error reading ${quoteaf(n)}: ${r}`,
  tail: (n, r) => `error reading ${quoteaf(n)}: ${r}`,
  sort: (n, r) => `read failed: ${quotef(n)}: ${r}`,
  uniq: (n) => `error reading ${quoteaf(n)}`,
  base64: (_n, r) => `read error: ${r}`,
  rev: (n, r) => `${n}: 0: ${r}`,
};

/** The tools whose other messages are `PROG: NAME: REASON` with the name as quotef writes it. */
const QUOTEF = new Set(['cat', 'tee', 'wc', 'uniq', 'cut', 'base64', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'head', 'tail', 'sort']);

export function gnuOpenError(prog: string, name: string, reason: string, isDirectory: boolean): string {
  const wording = (isDirectory ? READ : OPEN)[prog];
  if (wording) return `${prog}: ${wording(name, reason)}\n`;
  return `${prog}: ${QUOTEF.has(prog) ? quotef(name) : name}: ${reason}\n`;
}
