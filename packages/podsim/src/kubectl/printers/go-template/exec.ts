/**
 * Runs a parsed template over a value (Go 1.23 text/template/exec.go): dot and variables, field
 * chains through maps, pipelines feeding the last argument, if/with/range/template, and the
 * executor's error texts with their `output:LINE:COL` position and `<node>` context.
 */
import { FUNCS, FuncError, unbox, type ParamKind } from './funcs.js';
import { nodeString, type AnyNode, type Arg, type CommandNode, type ListNode, type Node, type PipeNode } from './nodes.js';
import type { Tree } from './parse.js';
import { Num, goQuote, hasKey, int, isMap, sortedKeys, sprintV, truth, typeName, type GoVal } from './values.js';

export class ExecError extends Error {}

/** A value with whether Go sees it through an interface{} (a map or slice element), which field errors name. */
interface Dot {
  v: GoVal;
  boxed: boolean;
}

const MISSING = Symbol('missing');
type Final = GoVal | typeof MISSING;
type ControlNode = Extract<Node, { type: 'if' | 'range' | 'with' }>;
class Break {}
class Continue {}

/** Go's maxExecDepth for templates calling templates (its wasm value: JavaScript stacks are small). */
const MAX_DEPTH = 1000;

export class Executor {
  private node: AnyNode | undefined;
  private vars: { name: string; value: Dot }[];
  private name = 'output';
  private depth = 0;
  out = '';

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    private readonly missingKeyError: boolean,
    root: GoVal,
  ) {
    this.vars = [{ name: '$', value: { v: root, boxed: false } }];
  }

  run(root: GoVal): void {
    this.walk({ v: root, boxed: false }, this.tree.root);
  }

  private errorf(msg: string): never {
    if (!this.node) throw new ExecError(`template: ${this.name}: ${msg}`);
    const before = new TextEncoder().encode(this.text).slice(0, new TextEncoder().encode(this.text.slice(0, this.node.pos)).length);
    const textBefore = new TextDecoder().decode(before);
    const nl = textBefore.lastIndexOf('\n');
    const col = nl < 0 ? before.length : before.length - new TextEncoder().encode(textBefore.slice(0, nl + 1)).length;
    const line = 1 + (textBefore.match(/\n/g) ?? []).length;
    const context = nodeString(this.node);
    throw new ExecError(`template: output:${line}:${col}: executing ${goQuote(this.name)} at <${context}>: ${msg}`);
  }

  private walk(dot: Dot, node: Node): void {
    this.node = node;
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.node = node;
          this.out += val === undefined ? '<no value>' : sprintV(val);
        }
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const val = this.evalPipeline(dot, node.pipe);
        if (truth(unbox(val))) this.walk(node.type === 'with' ? { v: val, boxed: false } : dot, node.list);
        else if (node.elseList) this.walk(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
    }
  }

  private walkRange(dot: Dot, r: ControlNode): void {
    const mark = this.vars.length;
    const val = unbox(this.evalPipeline(dot, r.pipe));
    const inner = this.vars.length;
    const one = (index: GoVal, elem: GoVal): boolean => {
      const decl = r.pipe.decl;
      if (decl.length > 0) {
        if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? { v: index, boxed: false } : { v: elem, boxed: true });
        else this.vars[this.vars.length - 1].value = { v: elem, boxed: true };
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1].ident[0], { v: elem, boxed: true });
        else this.vars[this.vars.length - 2].value = { v: index, boxed: false };
      }
      try {
        this.walk({ v: elem, boxed: true }, r.list);
      } catch (e) {
        if (e instanceof Break) return false;
        if (!(e instanceof Continue)) throw e;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    let ranged = false;
    if (Array.isArray(val) && val.length > 0) {
      for (let i = 0; i < val.length && one(int(i), val[i]); i++);
      ranged = true;
    } else if (isMap(val) && Object.keys(val).length > 0) {
      for (const k of sortedKeys(val)) if (!one(k, val[k])) break;
      ranged = true;
    } else if (val !== undefined && !Array.isArray(val) && !isMap(val)) this.errorf(`range can't iterate over ${sprintV(val)}`);
    if (!ranged && r.elseList) this.walk(dot, r.elseList);
    this.vars.length = mark;
  }

  private walkTemplate(dot: Dot, t: Extract<Node, { type: 'template' }>): void {
    const tmpl = this.tree.defined.get(t.name);
    if (!tmpl) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const v = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    const saved = { vars: this.vars, name: this.name };
    this.vars = [{ name: '$', value: { v, boxed: false } }];
    this.name = t.name;
    this.depth++;
    try {
      this.walk({ v, boxed: false }, tmpl as ListNode);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  private setVar(name: string, value: Dot): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): Dot {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: Dot, pipe: PipeNode): GoVal {
    this.node = pipe;
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = unbox(this.evalCommand(dot, cmd, value));
    const v = value as GoVal;
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.ident[0], { v, boxed: false });
      else this.vars.push({ name: d.ident[0], value: { v, boxed: false } });
    }
    return v;
  }

  private notAFunction(args: Arg[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Dot, cmd: CommandNode, final: Final): GoVal {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        this.node = first;
        return this.evalFieldChain(dot, first.ident, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot.v;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      default:
        return first.text;
    }
  }

  private idealConstant(n: Extract<Arg, { type: 'number' }>): GoVal {
    this.node = n;
    const hexOrRune = /^[+-]?0[xX]/.test(n.text) || n.text.startsWith("'");
    if (n.isFloat && !hexOrRune && /[.eEpP]/.test(n.text)) return new Num('float64', n.float);
    return n.isInt ? int(n.int) : undefined;
  }

  private evalChain(dot: Dot, chain: Extract<Arg, { type: 'chain' }>, args: Arg[], final: Final): GoVal {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const recv = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain({ v: recv, boxed: false }, chain.field, args, final);
  }

  private evalVariable(v: Extract<Arg, { type: 'variable' }>, args: Arg[], final: Final): GoVal {
    this.node = v;
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value.v;
    }
    return this.evalFieldChain(value, v.ident.slice(1), args, final);
  }

  private evalFieldChain(receiver: Dot, ident: string[], args: Arg[], final: Final): GoVal {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = { v: this.evalField(ident[i], [], MISSING, r), boxed: true };
    return this.evalField(ident[ident.length - 1], args, final, r);
  }

  private evalField(name: string, args: Arg[], final: Final, receiver: Dot): GoVal {
    const v = receiver.v;
    if (v === undefined) {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    const typ = receiver.boxed ? 'interface {}' : typeName(v);
    if (v === null) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    if (isMap(v)) {
      if (args.length > 1 || final !== MISSING) this.errorf(`${name} is not a method but has arguments`);
      if (hasKey(v, name)) return v[name];
      if (this.missingKeyError) this.errorf(`map has no entry for key ${goQuote(name)}`);
      return undefined;
    }
    return this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalFunction(dot: Dot, node: Extract<Arg, { type: 'identifier' }>, cmd: AnyNode, args: Arg[], final: Final): GoVal {
    this.node = node;
    const name = node.ident;
    const fn = FUNCS[name];
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    const rest = args.slice(1);
    const numIn = rest.length + (final !== MISSING ? 1 : 0);
    const paramCount = fn.fixed.length + (fn.variadic ? 1 : 0);
    if (fn.variadic) {
      if (numIn < fn.fixed.length) this.errorf(`wrong number of args for ${name}: want at least ${fn.fixed.length} got ${rest.length}`);
    } else if (numIn !== paramCount) this.errorf(`wrong number of args for ${name}: want ${paramCount} got ${numIn}`);
    const kindAt = (i: number): ParamKind => (i < fn.fixed.length ? fn.fixed[i] : fn.variadic!);
    if (name === 'and' || name === 'or') {
      let v: GoVal;
      for (const a of rest) {
        v = this.evalArg(dot, 'value', a);
        if (truth(unbox(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv = rest.map((a, i) => this.evalArg(dot, kindAt(i), a));
    if (final !== MISSING) argv.push(this.validate(final, kindAt(rest.length)));
    if (name === 'call') argv.unshift(nodeString(rest[0]));
    try {
      return fn.call(argv);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.node = cmd;
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** validateType: a value handed to a parameter of kind `kind` (undefined kind: the receiver of a chain). */
  private validate(v: GoVal, kind: ParamKind | undefined): GoVal {
    if (kind === 'value' || kind === undefined) return v;
    if (kind === 'any') return v === undefined ? null : v;
    if (v === undefined) this.errorf('invalid value; expected string');
    if (typeof v !== 'string') this.errorf(`wrong type for value; expected string; got ${v === null ? 'interface {}' : typeName(v)}`);
    return v;
  }

  private evalArg(dot: Dot, kind: ParamKind | undefined, n: Arg): GoVal {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return this.validate(dot.v, kind);
      case 'nil':
        if (kind === 'string') this.errorf('cannot assign nil to string');
        return kind === 'any' ? null : undefined;
      case 'field':
        return this.validate(this.evalFieldChain(dot, n.ident, [n], MISSING), kind);
      case 'variable':
        return this.validate(this.evalVariable(n, [], MISSING), kind);
      case 'pipe':
        return this.validate(this.evalPipeline(dot, n), kind);
      case 'identifier':
        return this.validate(this.evalFunction(dot, n, n, [n], MISSING), kind);
      case 'chain':
        return this.validate(this.evalChain(dot, n, [], MISSING), kind);
    }
    if (kind === 'string') {
      if (n.type === 'string') return n.text;
      return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      default:
        return n.text;
    }
  }
}
