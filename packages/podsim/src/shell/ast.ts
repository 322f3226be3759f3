/** The shell's syntax tree: what the parser produces and the executor walks. */
import type { CondExpr } from './cond.js';

export type WordPart =
  /** Literal text; `quoted` text is never split or globbed. */
  | { type: 'lit'; text: string; quoted: boolean }
  /** "…": its parts expand but are not field-split or globbed. */
  | { type: 'dq'; parts: WordPart[] }
  /** `index`: a bash array subscript, `@`/`*` (every element) or an arithmetic expression. */
  | { type: 'param'; name: string; op?: ParamOp; arg?: Word; length?: boolean; index?: Word }
  /** $(…) or `…`: the source text, parsed when run. */
  | { type: 'cmd'; source: string }
  | { type: 'arith'; expr: Word }
  | { type: 'tilde'; user: string };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | '/' | '//';

export interface Word {
  parts: WordPart[];
  /** Source text, for aliases, job names and `set -x`. */
  raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '<>' | '>|';

export interface Redir {
  op: RedirOp;
  fd?: number;
  target: Word;
  /** Here-document body (for << and <<-): expands unless the delimiter was quoted. */
  heredoc?: { body: Word; expand: boolean };
}

export interface Assign {
  name: string;
  value: Word;
  append: boolean;
  /** `name=(a b c)`: a bash indexed array, its elements' words. */
  array?: Word[];
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  line: number;
}

export interface Pipeline {
  type: 'pipeline';
  bang: boolean;
  cmds: Command[];
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipe: Pipeline }[];
}

export interface ListItem {
  cmd: AndOr;
  background: boolean;
  /** Source text of the item, as `jobs` shows it. */
  text: string;
}

export interface List {
  type: 'list';
  items: ListItem[];
}

export interface If {
  type: 'if';
  clauses: { cond: List; body: List }[];
  otherwise?: List;
}
export interface Loop {
  type: 'while' | 'until';
  cond: List;
  body: List;
}
export interface For {
  type: 'for';
  name: string;
  words?: Word[];
  body: List;
}
export interface Case {
  type: 'case';
  word: Word;
  items: { patterns: Word[]; body: List }[];
}
export interface Group {
  type: 'group' | 'subshell';
  body: List;
}
export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
}
export interface ArithCommand {
  type: 'arithcmd';
  expr: Word;
}

/** `[[ … ]]`. */
export interface CondCommand {
  type: 'cond';
  expr: CondExpr;
}

export type Compound = If | Loop | For | Case | Group | ArithCommand | CondCommand;
export type Command = SimpleCommand | ((Compound & { redirs: Redir[] }) | FunctionDef);
export type Node = Command | Pipeline | AndOr | List;
