/**
 * Ruby one-liners into statements: `if`/`unless`/`while`/`until`/`loop` with `end`, blocks
 * (`5.times do |i| … end`, `(1..3).each { |x| … }`), statement modifiers (`puts x if y`) and plain
 * statements as token runs for the expression core. Newlines end statements as `;` does.
 */
import { ScriptError, tokenize, type Token } from './expr.js';

export type Stmt =
  | { kind: 'simple'; toks: Token[] }
  | { kind: 'if'; branches: { cond: Token[]; negate: boolean; body: Stmt[] }[]; otherwise: Stmt[] }
  | { kind: 'while'; cond: Token[]; until: boolean; body: Stmt[] }
  | { kind: 'block'; receiver: Token[]; params: string[]; body: Stmt[] }
  | { kind: 'modifier'; stmt: Stmt; cond: Token[]; word: string };

/** Comments out and line ends as `;`, outside string literals. */
function statementsOf(src: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      out += c;
      if (c === '\\') out += src[++i] ?? '';
      else if (c === quote) quote = '';
      else if (quote === '"' && c === '#' && src[i + 1] === '{') {
        // the tokenizer ends a string at its quote: quotes inside #{} become single ones
        for (i++; i < src.length && src[i] !== '}'; i++) out += src[i] === '"' ? "'" : src[i];
        out += src[i] ?? '';
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '#') {
      while (i + 1 < src.length && src[i + 1] !== '\n') i++;
    } else out += c === '\n' ? ';' : c;
  }
  return out;
}

const isWord = (t: Token | undefined, ...words: string[]) => t !== undefined && t.kind === 'name' && words.includes(t.text);
const isOp = (t: Token | undefined, ...ops: string[]) => t !== undefined && t.kind === 'op' && ops.includes(t.text);
const UNSUPPORTED = ['def', 'class', 'module', 'case', 'begin', 'rescue', 'lambda', 'proc', 'yield', 'for'];

export class RubySyntax {
  private pos = 0;
  private readonly toks: Token[];

  constructor(src: string) {
    this.toks = tokenize(statementsOf(src), true);
  }

  program(): Stmt[] {
    const body = this.statements([]);
    if (this.pos < this.toks.length) throw new ScriptError(`syntax error, unexpected '${this.toks[this.pos].text}'`);
    return body;
  }

  private statements(until: string[]): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      while (isOp(this.toks[this.pos], ';')) this.pos++;
      const t = this.toks[this.pos];
      if (!t || until.includes(t.text)) return out;
      out.push(this.statement());
    }
  }

  private expectWord(word: string): void {
    if (this.toks[this.pos]?.text !== word) throw new ScriptError(`syntax error, unexpected ${this.toks[this.pos] ? `'${this.toks[this.pos].text}'` : 'end-of-input'}, expecting '${word}'`);
    this.pos++;
  }

  /** Tokens up to (not including) a top-level stop word or `;`. */
  private run(stops: string[]): Token[] {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.toks.length; this.pos++) {
      const t = this.toks[this.pos];
      if (isOp(t, '(', '[')) depth++;
      else if (isOp(t, ')', ']')) depth--;
      else if (depth === 0 && (isOp(t, ';') || stops.includes(t.text))) break;
    }
    return this.toks.slice(start, this.pos);
  }

  private statement(): Stmt {
    const t = this.toks[this.pos];
    if (isWord(t, ...UNSUPPORTED)) throw new ScriptError(`'${t.text}' is outside what this sandbox's ruby runs`);
    if (isWord(t, 'if', 'unless')) {
      const branches: { cond: Token[]; negate: boolean; body: Stmt[] }[] = [];
      let negate = t.text === 'unless';
      for (;;) {
        this.pos++;
        const cond = this.run(['then']);
        if (isWord(this.toks[this.pos], 'then')) this.pos++;
        branches.push({ cond, negate, body: this.statements(['elsif', 'else', 'end']) });
        negate = false;
        if (!isWord(this.toks[this.pos], 'elsif')) break;
      }
      let otherwise: Stmt[] = [];
      if (isWord(this.toks[this.pos], 'else')) {
        this.pos++;
        otherwise = this.statements(['end']);
      }
      this.expectWord('end');
      return this.modified({ kind: 'if', branches, otherwise });
    }
    if (isWord(t, 'while', 'until')) {
      this.pos++;
      const cond = this.run(['do']);
      if (isWord(this.toks[this.pos], 'do')) this.pos++;
      const body = this.statements(['end']);
      this.expectWord('end');
      return { kind: 'while', cond, until: t.text === 'until', body };
    }
    const toks = this.run(['do', '{', 'if', 'unless', 'while', 'until', 'end', '}', 'else', 'elsif']);
    const next = this.toks[this.pos];
    if (toks.length > 0 && (isWord(next, 'do') || isOp(next, '{'))) {
      const close = next.text === 'do' ? 'end' : '}';
      this.pos++;
      const params: string[] = [];
      if (isOp(this.toks[this.pos], '|')) {
        for (this.pos++; !isOp(this.toks[this.pos], '|'); this.pos++) {
          const p = this.toks[this.pos];
          if (!p) throw new ScriptError("syntax error, unexpected end-of-input, expecting '|'");
          if (p.kind === 'name') params.push(p.text);
        }
        this.pos++;
      }
      const body = this.statements([close]);
      this.expectWord(close);
      return this.modified({ kind: 'block', receiver: toks, params, body });
    }
    if (toks.length === 0) throw new ScriptError(`syntax error, unexpected '${next?.text ?? 'end-of-input'}'`);
    return this.modified({ kind: 'simple', toks });
  }

  /** `STMT if COND` and friends. */
  private modified(stmt: Stmt): Stmt {
    const t = this.toks[this.pos];
    if (!isWord(t, 'if', 'unless', 'while', 'until')) return stmt;
    this.pos++;
    return this.modified({ kind: 'modifier', stmt, word: t.text, cond: this.run(['if', 'unless', 'while', 'until', 'end', '}', 'else', 'elsif']) });
  }
}
