/** Tab completion: command names, file names, and the arguments of commands the machine registers a completer for. */
import type { Task } from '../kernel/waitable.js';
import { BUILTINS } from './builtins/index.js';
import { fileCandidates } from './complete-files.js';
import type { Completion } from './line-editor.js';
import type { Shell } from './shell.js';

/** Completes one command's arguments, as a function bash's `complete -F` registers; undefined falls back to file names. */
export type ArgCompleter = (sh: Shell, args: string[], word: string) => string[] | undefined;

/** What a machine puts in `proc.ctx` to complete commands' arguments (the reader's machine: kubectl's completion). */
export interface CompletionContext {
  completions?: Readonly<Record<string, ArgCompleter>>;
}

/** Programs a machine can list for completion (the reader's machine knows its own table). */
interface ListsCommands {
  commands?(): string[];
}

function commandNames(sh: Shell): string[] {
  const names = new Set<string>([...Object.keys(BUILTINS), ...sh.functions.keys(), ...sh.aliases.keys()]);
  for (const c of (sh.proc.sys as ListsCommands).commands?.() ?? []) names.add(c);
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    try {
      for (const n of sh.fs.readdir(dir)) names.add(n);
    } catch {
      /* a PATH entry that does not exist */
    }
  }
  return [...names];
}

/** Words of the current simple command before the cursor, and the word being completed. */
export function splitForCompletion(line: string, cursor: number): { words: string[]; word: string; start: number } {
  const before = [...line].slice(0, cursor).join('');
  const segment = before.split(/;|&&|\|\||\||&|\$\(/).pop() ?? '';
  const m = /(\S*)$/.exec(segment)!;
  const word = m[1];
  const start = [...before].length - [...word].length;
  const words = segment
    .slice(0, segment.length - word.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return { words, word, start };
}

export function* completeLine(sh: Shell, line: string, cursor: number): Task<Completion> {
  const { words, word, start } = splitForCompletion(line, cursor);
  if (words.length === 0) {
    if (word.includes('/')) return { start, candidates: fileCandidates(sh, word) };
    return { start, candidates: commandNames(sh).filter((c) => c.startsWith(word)) };
  }
  const cmd = sh.aliases.get(words[0])?.split(/\s+/)[0] ?? words[0];
  const completer = (sh.proc.ctx as CompletionContext | undefined)?.completions?.[cmd];
  if (completer) {
    const c = completer(sh, words.slice(1), word);
    if (c) return { start, candidates: c };
  }
  if (cmd === 'cd') return { start, candidates: fileCandidates(sh, word, true) };
  return { start, candidates: fileCandidates(sh, word) };
}
