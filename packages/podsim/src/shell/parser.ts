/**
 * Recursive-descent parser for the POSIX shell grammar subset used in practice (bash and
 * busybox ash accept the same input here; they only word their errors differently).
 */
import type { AndOr, Assign, Command, CondCommand, List, ListItem, Pipeline, Redir, RedirOp, SimpleCommand, Word } from './ast.js';
import { CondSyntaxError, parseCond, type CondToken } from './cond.js';
import { Lexer, type Token, type UnterminatedHeredoc } from './lexer.js';
import { ShellSyntaxError } from './syntax-error.js';

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!', 'function']);
const REDIR_OPS = new Set(['>', '>>', '<', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<', '<>', '>|']);

export type ParseResult = { ok: true; list: List; unterminated: UnterminatedHeredoc[] } | { ok: false; error: ShellSyntaxError };

/** Parses a whole script; never throws. */
export function parse(src: string): ParseResult {
  try {
    const parser = new Parser(src);
    return { ok: true, list: parser.program(), unterminated: parser.unterminated };
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ok: false, error: e };
    if (e instanceof RangeError) return { ok: false, error: new ShellSyntaxError({ kind: 'token', token: 'newline' }, 1) };
    throw e;
  }
}

/** The plain text of an unquoted, expansion-free word (reserved words, names), else undefined. */
export function literalOf(w: Word): string | undefined {
  if (w.parts.length !== 1) return undefined;
  const p = w.parts[0];
  return p.type === 'lit' && !p.quoted ? p.text : undefined;
}

class Parser {
  private lx: Lexer;
  private tok: Token;

  constructor(private readonly src: string) {
    this.lx = new Lexer(src);
    this.tok = this.lx.next();
  }

  get unterminated(): UnterminatedHeredoc[] {
    return this.lx.unterminated;
  }

  program(): List {
    const list = this.list(new Set());
    if (this.tok.kind !== 'eof') throw this.unexpected();
    return list;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lx.next();
    return t;
  }

  private reserved(): string | undefined {
    if (this.tok.kind !== 'word') return undefined;
    const lit = literalOf(this.tok.word);
    return lit !== undefined && RESERVED.has(lit) ? lit : undefined;
  }

  private isOp(op: string): boolean {
    return this.tok.kind === 'op' && this.tok.op === op;
  }

  private unexpected(expecting?: string): ShellSyntaxError {
    const t = this.tok;
    if (t.kind === 'eof') return this.lx.error({ kind: 'eof', expecting });
    const token = t.kind === 'newline' ? 'newline' : t.kind === 'op' ? t.op : t.kind === 'arith' ? '((' : t.word.raw;
    return this.lx.error({ kind: 'token', token });
  }

  private expectWord(word: string): void {
    if (this.reserved() !== word) throw this.unexpected(word);
    this.advance();
  }

  private atNewline(): boolean {
    return this.tok.kind === 'newline';
  }

  private skipNewlines(): void {
    while (this.tok.kind === 'newline') this.advance();
  }

  private atListEnd(stops: Set<string>): boolean {
    if (this.tok.kind === 'eof') return true;
    if (this.tok.kind === 'op') return stops.has(this.tok.op);
    const r = this.reserved();
    return r !== undefined && stops.has(r);
  }

  private list(stops: Set<string>): List {
    const items: ListItem[] = [];
    this.skipNewlines();
    while (!this.atListEnd(stops)) {
      const start = this.tok.start;
      const cmd = this.andOr();
      const end = this.tok.start;
      let background = false;
      if (this.isOp('&')) background = true;
      const text = this.src.slice(start, end).trim();
      items.push({ cmd, background, text });
      if (this.isOp('&') || this.isOp(';')) this.advance();
      else if (this.tok.kind === 'newline') this.skipNewlines();
      else if (!this.atListEnd(stops)) throw this.unexpected();
      this.skipNewlines();
    }
    return { type: 'list', items };
  }

  /** A list that must not be empty (bash rejects `if ; then`). */
  private body(stops: Set<string>, expecting: string): List {
    const l = this.list(stops);
    if (l.items.length === 0) throw this.unexpected(expecting);
    return l;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.advance() as { op: '&&' | '||' };
      this.skipNewlines();
      rest.push({ op: op.op, pipe: this.pipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.reserved() === '!') {
      this.advance();
      bang = true;
    }
    const cmds = [this.command()];
    while (this.isOp('|') || this.isOp('|&')) {
      const both = this.isOp('|&');
      this.advance();
      this.skipNewlines();
      if (both) {
        const prev = cmds[cmds.length - 1];
        if (prev.type !== 'function') prev.redirs.push({ op: '>&', fd: 2, target: { parts: [{ type: 'lit', text: '1', quoted: false }], raw: '1' } });
      }
      cmds.push(this.command());
    }
    return { type: 'pipeline', bang, cmds };
  }

  private command(): Command {
    const r = this.reserved();
    switch (r) {
      case 'if':
        return this.withRedirs(this.ifClause());
      case 'while':
      case 'until': {
        this.advance();
        const cond = this.body(new Set(['do']), 'do');
        this.expectWord('do');
        const body = this.body(new Set(['done']), 'done');
        this.expectWord('done');
        return this.withRedirs({ type: r, cond, body });
      }
      case 'for':
        return this.withRedirs(this.forClause());
      case 'case':
        return this.withRedirs(this.caseClause());
      case '{': {
        this.advance();
        const body = this.body(new Set(['}']), '}');
        this.expectWord('}');
        return this.withRedirs({ type: 'group', body });
      }
      case 'function': {
        this.advance();
        if (this.tok.kind !== 'word') throw this.unexpected();
        const name = this.advance() as { word: Word };
        if (this.isOp('(')) {
          this.advance();
          if (!this.isOp(')')) throw this.unexpected();
          this.advance();
        }
        this.skipNewlines();
        return { type: 'function', name: name.word.raw, body: this.command() };
      }
      case undefined:
        break;
      default:
        if (r !== '!' && r !== 'in') throw this.unexpected();
    }
    if (this.tok.kind === 'word' && literalOf(this.tok.word) === '[[') return this.withRedirs(this.condCommand());
    if (this.tok.kind === 'arith') {
      const expr = this.tok.expr;
      this.advance();
      return this.withRedirs({ type: 'arithcmd', expr });
    }
    if (this.isOp('(')) {
      this.advance();
      const body = this.body(new Set([')']), ')');
      if (!this.isOp(')')) throw this.unexpected(')');
      this.advance();
      return this.withRedirs({ type: 'subshell', body });
    }
    return this.simple();
  }

  /** `[[ … ]]`: the words and operators up to `]]`, parsed as a conditional expression. */
  private condCommand(): CondCommand {
    this.advance();
    const toks: CondToken[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.tok;
      if (t.kind === 'eof') throw this.unexpected(']]');
      if (t.kind === 'word' && literalOf(t.word) === ']]') break;
      const prev = toks[toks.length - 1];
      if (prev && 'text' in prev && prev.text === '=~') {
        // A regex runs to the next blank, parentheses and all; it is not expanded here.
        const rest = /^\S+/.exec(this.src.slice(t.start))?.[0] ?? '';
        toks.push({ word: { parts: [{ type: 'lit', text: rest, quoted: true }], raw: rest } });
        while (this.tok.kind !== 'eof' && this.tok.start < t.start + rest.length) this.advance();
        continue;
      }
      if (t.kind === 'op' && ['&&', '||', '(', ')', '<', '>'].includes(t.op)) toks.push({ op: t.op });
      else if (t.kind === 'word') toks.push({ word: t.word, text: literalOf(t.word) });
      else throw this.unexpected();
      this.advance();
    }
    try {
      const expr = parseCond(toks);
      this.advance();
      return { type: 'cond', expr };
    } catch (e) {
      if (e instanceof CondSyntaxError) throw this.unexpected();
      throw e;
    }
  }

  private withRedirs<T extends object>(c: T): T & { redirs: Redir[] } {
    const redirs: Redir[] = [];
    while (this.tok.kind === 'op' && REDIR_OPS.has(this.tok.op)) redirs.push(this.redir());
    return { ...c, redirs };
  }

  private ifClause(): Command {
    this.advance();
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.body(new Set(['then']), 'then');
      this.expectWord('then');
      const body = this.body(new Set(['elif', 'else', 'fi']), 'fi');
      clauses.push({ cond, body });
      const w = this.reserved();
      this.advance();
      if (w === 'elif') continue;
      if (w === 'else') {
        otherwise = this.body(new Set(['fi']), 'fi');
        this.expectWord('fi');
      }
      break;
    }
    return { type: 'if', clauses, otherwise, redirs: [] };
  }

  private forClause(): Command {
    this.advance();
    if (this.tok.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(this.tok.word.raw)) throw this.unexpected();
    const name = (this.advance() as { word: Word }).word.raw;
    let words: Word[] | undefined;
    this.skipNewlines();
    if (this.reserved() === 'in') {
      this.advance();
      words = [];
      while (this.tok.kind === 'word') words.push((this.advance() as { word: Word }).word);
      if (this.isOp(';')) this.advance();
      else if (!this.atNewline()) throw this.unexpected('do');
    } else if (this.isOp(';')) this.advance();
    this.skipNewlines();
    this.expectWord('do');
    const body = this.body(new Set(['done']), 'done');
    this.expectWord('done');
    return { type: 'for', name, words, body, redirs: [] };
  }

  private caseClause(): Command {
    this.advance();
    if (this.tok.kind !== 'word') throw this.unexpected();
    const word = (this.advance() as { word: Word }).word;
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    const items: { patterns: Word[]; body: List }[] = [];
    while (this.reserved() !== 'esac') {
      if (this.isOp('(')) this.advance();
      const patterns: Word[] = [];
      for (;;) {
        if (this.tok.kind !== 'word') throw this.unexpected('esac');
        patterns.push((this.advance() as { word: Word }).word);
        if (this.isOp('|')) this.advance();
        else break;
      }
      if (!this.isOp(')')) throw this.unexpected();
      this.advance();
      const body = this.list(new Set([';;', 'esac']));
      items.push({ patterns, body });
      if (this.isOp(';;')) this.advance();
      else if (this.reserved() !== 'esac') throw this.unexpected('esac');
      this.skipNewlines();
    }
    this.advance();
    return { type: 'case', word, items, redirs: [] };
  }

  private simple(): Command {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: this.lx.line };
    for (;;) {
      const t = this.tok;
      if (t.kind === 'op' && REDIR_OPS.has(t.op)) {
        cmd.redirs.push(this.redir());
        continue;
      }
      if (t.kind !== 'word') break;
      if (cmd.words.length === 0) {
        const a = assignment(t.word);
        if (a) {
          this.advance();
          if (a.value.raw === '' && this.isOp('(')) a.array = this.arrayWords();
          cmd.assigns.push(a);
          continue;
        }
      }
      this.advance();
      cmd.words.push(t.word);
      if (cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirs.length === 0 && this.isOp('(')) {
        this.advance();
        if (!this.isOp(')')) throw this.unexpected();
        this.advance();
        this.skipNewlines();
        return { type: 'function', name: t.word.raw, body: this.command() };
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) throw this.unexpected();
    return cmd;
  }

  /** The words of `name=( … )` up to its `)`, across lines. */
  private arrayWords(): Word[] {
    this.advance();
    const words: Word[] = [];
    for (this.skipNewlines(); !this.isOp(')'); this.skipNewlines()) {
      if (this.tok.kind !== 'word') throw this.unexpected();
      words.push((this.advance() as { word: Word }).word);
    }
    this.advance();
    return words;
  }

  private redir(): Redir {
    const t = this.advance() as { op: RedirOp; fd?: number };
    if (this.tok.kind !== 'word') throw this.unexpected();
    const line = this.lx.line;
    const target = (this.advance() as { word: Word }).word;
    const r: Redir = { op: t.op, fd: t.fd, target };
    if (t.op === '<<' || t.op === '<<-') {
      const quoted = target.parts.some((p) => p.type !== 'lit' || p.quoted);
      const delimiter = target.raw.replace(/["'\\]/g, '');
      this.lx.addHeredoc({ delimiter, line, strip: t.op === '<<-', expand: !quoted, fill: (body) => (r.heredoc = { body, expand: !quoted }) });
    }
    return r;
  }
}

function assignment(w: Word): Assign | undefined {
  const first = w.parts[0];
  if (!first || first.type !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts = [...(restText ? [{ ...first, text: restText }] : []), ...w.parts.slice(1)];
  return { name: m[1], append: m[2] === '+', value: { parts, raw: w.raw.slice(m[0].length) } };
}
