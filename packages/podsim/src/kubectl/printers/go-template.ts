/**
 * `-o go-template=…` / `-o template=…`: the part of Go's text/template that kubectl users write —
 * field paths (`.metadata.name`, `$`), string and number literals, `index`, `len`, `range`, `if`,
 * `with`, `else`, `end` and `{{-`/`-}}` trimming — over the object as kubectl decodes it (numbers
 * print as integers, a missing key as `<no value>`, maps and lists in fmt's `%v` form).
 */

type Node = { kind: 'text'; text: string } | { kind: 'value'; expr: string[] } | { kind: 'block'; name: 'range' | 'if' | 'with'; expr: string[]; body: Node[]; alt: Node[] };

export type GoTemplateResult = { ok: true; text: string } | { ok: false; message: string };

const NO_VALUE = Symbol('no value');

/** Splits an action's words, keeping quoted strings whole. */
function words(action: string): string[] {
  return action.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function parse(template: string): { ok: true; nodes: Node[] } | { ok: false; message: string } {
  const root: Node[] = [];
  const stack: { nodes: Node[]; block?: Extract<Node, { kind: 'block' }>; inAlt: boolean }[] = [{ nodes: root, inAlt: false }];
  const re = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;
  let last = 0;
  let trimNext = false;
  const top = () => stack[stack.length - 1];
  const push = (n: Node) => (top().inAlt ? top().block!.alt : top().nodes).push(n);
  for (let m = re.exec(template); m; m = re.exec(template)) {
    let text = template.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1]) text = text.replace(/\s+$/, '');
    if (text) push({ kind: 'text', text });
    last = m.index + m[0].length;
    trimNext = !!m[3];
    const [head, ...rest] = words(m[2].trim());
    if (head === 'range' || head === 'if' || head === 'with') {
      const block: Extract<Node, { kind: 'block' }> = { kind: 'block', name: head, expr: rest, body: [], alt: [] };
      push(block);
      stack.push({ nodes: block.body, block, inAlt: false });
    } else if (head === 'else') {
      if (stack.length === 1) return { ok: false, message: 'unexpected {{else}}' };
      top().inAlt = true;
    } else if (head === 'end') {
      if (stack.length === 1) return { ok: false, message: 'unexpected {{end}}' };
      stack.pop();
    } else if (head !== undefined) push({ kind: 'value', expr: [head, ...rest] });
  }
  let tail = template.slice(last);
  if (trimNext) tail = tail.replace(/^\s+/, '');
  if (tail) push({ kind: 'text', text: tail });
  if (stack.length > 1) return { ok: false, message: `unexpected EOF` };
  return { ok: true, nodes: root };
}

function field(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.').filter(Boolean)) {
    if (v === NO_VALUE || v === null || typeof v !== 'object' || Array.isArray(v)) return NO_VALUE;
    v = key in (v as object) ? (v as Record<string, unknown>)[key] : NO_VALUE;
  }
  return v;
}

function operand(word: string, dot: unknown, root: unknown): unknown {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (/^-?\d+$/.test(word)) return Number(word);
  if (word === '$') return root;
  if (word.startsWith('$.')) return field(root, word.slice(2));
  if (word.startsWith('.')) return field(dot, word.slice(1));
  return NO_VALUE;
}

function evaluate(expr: string[], dot: unknown, root: unknown): unknown {
  const [head, ...args] = expr;
  const vals = () => args.map((a) => operand(a, dot, root));
  if (head === 'index') {
    const [base, ...keys] = vals();
    return keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && String(k) in (v as object) ? (v as Record<string, unknown>)[String(k)] : NO_VALUE), base);
  }
  if (head === 'len') {
    const [v] = vals();
    return Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
  }
  return operand(head, dot, root);
}

/** fmt's %v of a decoded JSON value. */
function show(v: unknown): string {
  if (v === NO_VALUE || v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(show).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v as object).sort().map((k) => `${k}:${show((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  return String(v);
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function run(nodes: Node[], dot: unknown, root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'value') out += show(evaluate(n.expr, dot, root));
    else {
      const v = evaluate(n.expr, dot, root);
      if (n.name === 'range') {
        const items = Array.isArray(v) ? v : v !== null && typeof v === 'object' ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : [];
        out += items.length > 0 ? items.map((item) => run(n.body, item, root)).join('') : run(n.alt, dot, root);
      } else if (truthy(v)) out += run(n.body, n.name === 'with' ? v : dot, root);
      else out += run(n.alt, dot, root);
    }
  }
  return out;
}

export function printGoTemplate(template: string, data: unknown): GoTemplateResult {
  const parsed = parse(template);
  if (!parsed.ok) return { ok: false, message: `error parsing template ${template}, template: output:1: ${parsed.message}` };
  return { ok: true, text: run(parsed.nodes, data, data) };
}
