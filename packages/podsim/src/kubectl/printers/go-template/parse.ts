/**
 * text/template's parser (Go 1.23 text/template/parse/parse.go): the same token look-ahead, the
 * same checks and the same error texts (`template: output:1: unexpected "}" in operand`), so a bad
 * template fails as it does in kubectl.
 */
import { itemString, lex, type Item, type ItemType } from './lex.js';
import { nodeString, type Arg, type CommandNode, type ListNode, type Node, type PipeNode } from './nodes.js';
import { newNumber, ParseError, unquote } from './literals.js';
import { goQuote } from './values.js';

export { ParseError } from './literals.js';

export interface Tree {
  root: ListNode;
  /** {{define}} and {{block}} templates by name. */
  defined: Map<string, ListNode>;
}

type Ctl = Node | { type: 'end' | 'else'; pos: number; line: number };

class Parser {
  private readonly items: Item[];
  private at = 0;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    text: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly defined: Map<string, ListNode>,
  ) {
    this.items = lex(text);
  }

  private lexNext(): Item {
    const last = this.items[this.items.length - 1];
    return this.at < this.items.length ? this.items[this.at++] : { typ: 'EOF', pos: last.pos, val: '', line: last.line };
  }

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount];
  }
  backup(): void {
    this.peekCount++;
  }
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }
  nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === 'space');
    return t;
  }
  peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new ParseError(`template: output:${this.token[0]?.line ?? 1}: ${msg}`);
  }
  unexpected(t: Item, context: string): never {
    if (t.typ === 'error') {
      const extra = this.actionLine !== 0 && this.actionLine !== t.line ? ` in action started at output:${this.actionLine}` : '';
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t, goQuote)} in ${context}`);
  }
  expect(typ: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }
  private wrap<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof ParseError && !e.message.startsWith('template: ')) this.errorf(e.message);
      throw e;
    }
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().typ === 'define') {
          this.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected {{${n.type}}}`);
      root.nodes.push(n as Node);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = unquote(t.val);
    if (name === undefined) this.errorf('invalid syntax');
    this.expect('rightDelim', context);
    this.defineBody(name, context);
  }

  /** A define's or block's body up to its {{end}}, parsed with only `$` in scope, kept under `name`. */
  private defineBody(name: string, context: string): void {
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = saved;
    if (end.type !== 'end') this.errorf(`unexpected {{${end.type}}} in ${context}`);
    this.defined.set(name, list);
  }

  private textOrAction(): Ctl {
    const t = this.nextNonSpace();
    if (t.typ === 'text') return { type: 'text', pos: t.pos, text: t.val };
    if (t.typ === 'leftDelim') {
      this.actionLine = t.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(t, 'input');
  }

  private itemList(): [ListNode, Ctl] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n as Node);
    }
    this.errorf('unexpected EOF');
  }

  private action(): Ctl {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const r = this.nextNonSpace();
        if (r.typ !== 'rightDelim') this.unexpected(r, `{{${t.typ}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${t.typ}}} outside {{range}}`);
        return { type: t.typ, pos: t.pos, line: t.line };
      }
      case 'else': {
        const p = this.peekNonSpace();
        if (p.typ === 'if' || p.typ === 'with') return { type: 'else', pos: p.pos, line: p.line };
        const r = this.expect('rightDelim', 'else');
        return { type: 'else', pos: r.pos, line: r.line };
      }
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, line: t.line };
      case 'if':
      case 'range':
      case 'with':
        return this.control(t.typ);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const p = this.peek();
    return { type: 'action', pos: p.pos, line: p.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with'): Node {
    const saved = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if ((context === 'if' && this.peek().typ === 'if') || (context === 'with' && this.peek().typ === 'with')) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(context)] };
        } else {
          const [els, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found {{${end.type}}}`);
          elseList = els;
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = saved;
    }
  }

  private templateName(t: Item, context: string): string {
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = unquote(t.val);
    if (name === undefined) this.errorf('invalid syntax');
    return name;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    this.defineBody(name, context);
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      this.next();
      const after = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.typ === 'assign' || nxt.typ === 'declare') {
        pipe.isAssign = nxt.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
      } else if (nxt.typ === 'char' && nxt.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (after.typ === 'space') this.backup3(v, after);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(t.typ)) {
        this.backup();
        pipe.cmds.push(this.command());
      } else this.unexpected(t, context);
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const op = this.operand();
      if (op) cmd.args.push(op);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Arg | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().typ !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      // falls through: errorf throws
      default:
        return { type: 'chain', pos, node, field: fields };
    }
  }

  private term(): Arg | undefined {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const ident = t.val.split('.');
        if (!this.vars.includes(ident[0])) this.errorf(`undefined variable ${goQuote(ident[0])}`);
        return { type: 'variable', pos: t.pos, ident };
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'number':
        return this.wrap(() => newNumber(t.pos, t.val, t.typ));
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(t.val);
        if (s === undefined) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    this.backup();
    return undefined;
  }
}

export function parseTemplate(text: string, hasFunction: (name: string) => boolean): Tree {
  const defined = new Map<string, ListNode>();
  const root = new Parser(text, hasFunction, defined).parse();
  return { root, defined };
}

