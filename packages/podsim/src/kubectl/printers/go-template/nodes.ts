/** text/template's parse tree (text/template/parse/node.go) and each node's String(), which error messages quote. */

export interface Pos {
  pos: number;
}
export type Arg =
  | ({ type: 'field'; ident: string[] } & Pos)
  | ({ type: 'chain'; node: Arg; field: string[] } & Pos)
  | ({ type: 'variable'; ident: string[] } & Pos)
  | ({ type: 'identifier'; ident: string } & Pos)
  | ({ type: 'dot' } & Pos)
  | ({ type: 'nil' } & Pos)
  | ({ type: 'bool'; value: boolean } & Pos)
  | ({ type: 'number'; text: string; isInt: boolean; isFloat: boolean; int: number; float: number } & Pos)
  | ({ type: 'string'; quoted: string; text: string } & Pos)
  | PipeNode;
export interface CommandNode extends Pos {
  type: 'command';
  args: Arg[];
}
export interface PipeNode extends Pos {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: Extract<Arg, { type: 'variable' }>[];
  cmds: CommandNode[];
}
export interface ListNode extends Pos {
  type: 'list';
  nodes: Node[];
}
export type Node =
  | ({ type: 'text'; text: string } & Pos)
  | ({ type: 'action'; line: number; pipe: PipeNode } & Pos)
  | ({ type: 'if' | 'range' | 'with'; line: number; pipe: PipeNode; list: ListNode; elseList?: ListNode } & Pos)
  | ({ type: 'template'; line: number; name: string; pipe?: PipeNode } & Pos)
  | ({ type: 'break' | 'continue'; line: number } & Pos)
  | ListNode;
/** Where execution stands: any node s.at() can point at. */
export type AnyNode = Node | Arg | CommandNode;

function argString(a: Arg): string {
  return a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a);
}

export function nodeString(n: AnyNode): string {
  switch (n.type) {
    case 'field':
      return n.ident.map((i) => `.${i}`).join('');
    case 'chain':
      return argString(n.node) + n.field.map((f) => `.${f}`).join('');
    case 'variable':
      return n.ident.join('.');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'command':
      return n.args.map(argString).join(' ');
    case 'pipe': {
      const decl = n.decl.length ? `${n.decl.map(nodeString).join(', ')} ${n.isAssign ? '=' : ':='} ` : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return `{{template ${JSON.stringify(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`;
    case 'break':
    case 'continue':
      return `{{${n.type}}}`;
  }
}
