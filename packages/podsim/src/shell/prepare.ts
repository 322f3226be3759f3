/**
 * A simple command's expansion before it runs: aliases, braces (bash), words, assignment values and
 * redirections, with the shell's reporting of an expansion that fails.
 */
import type { Task } from '../kernel/waitable.js';
import type { SimpleCommand, Word } from './ast.js';
import { expandBraces } from './braces.js';
import { ExitSignal } from './control.js';
import { expandString, expandWords, ExpansionError, type ExpandContext } from './expand.js';
import type { Io } from './io.js';
import { literalOf, parse } from './parser.js';
import { applyRedirs, RedirectError } from './redirect.js';
import type { Shell } from './shell.js';

export interface Prepared {
  ok: true;
  argv: string[];
  assigns: Record<string, string>;
  /** `name=( … )` assignments (bash), expanded. */
  arrays?: Record<string, string[]>;
  io: Io;
}

export function reportExpansion(sh: Shell, e: unknown, io: Io): number {
  if (e instanceof ExpansionError || e instanceof RedirectError) {
    const lineTagged = e instanceof ExpansionError && sh.flavour.name === 'bash' && !sh.interactive && !sh.origin.script;
    sh.error(lineTagged ? `line ${sh.line}: ${e.message}` : e.message, io);
    // A non-interactive shell gives up on ${x:?} and unbound variables, as POSIX requires.
    if (e instanceof ExpansionError && e.fatal && !sh.interactive) throw new ExitSignal(127);
    return 1;
  }
  throw e;
}

export function* prepare(sh: Shell, ctx: ExpandContext, cmd: SimpleCommand, io: Io): Task<Prepared | { ok: false; status: number }> {
  sh.line = cmd.line;
  try {
    const aliased = aliasExpanded(sh, cmd.words);
    const words = sh.flavour.name === 'bash' ? aliased.flatMap(expandBraces) : aliased;
    const argv = yield* expandWords(ctx, words);
    const assigns: Record<string, string> = {};
    const arrays: Record<string, string[]> = {};
    for (const a of cmd.assigns) {
      if (a.array) {
        // busybox ash and dash have no arrays: `(` is where their parser gives up.
        if (sh.flavour.name !== 'bash') {
          sh.error('syntax error: unexpected "("', io);
          return { ok: false, status: 2 };
        }
        const values = yield* expandWords(ctx, a.array);
        arrays[a.name] = a.append ? [...(sh.arrays.get(a.name) ?? [sh.getVar(a.name) ?? ''].filter(Boolean)), ...values] : values;
        continue;
      }
      const v = yield* expandString(ctx, a.value);
      assigns[a.name] = a.append ? (sh.getVar(a.name) ?? '') + v : v;
    }
    const rio = yield* applyRedirs(sh, ctx, cmd.redirs, io);
    return { ok: true, argv, assigns, ...(Object.keys(arrays).length > 0 ? { arrays } : {}), io: rio };
  } catch (e) {
    return { ok: false, status: reportExpansion(sh, e, io) };
  }
}

function aliasExpanded(sh: Shell, words: Word[]): Word[] {
  const first = words[0] && literalOf(words[0]);
  const value = first !== undefined ? sh.aliases.get(first) : undefined;
  if (value === undefined) return words;
  const r = parse(value);
  const c = r.ok && r.list.items.length === 1 && r.list.items[0].cmd.rest.length === 0 ? r.list.items[0].cmd.first.cmds[0] : undefined;
  if (!c || c.type !== 'simple') return words;
  return [...c.words, ...words.slice(1)];
}
