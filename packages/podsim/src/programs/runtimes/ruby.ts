/**
 * ruby: `-v`/`--version`, `-e CODE` over a subset: puts/print/p, variables and `+=`, arithmetic with
 * integer division, strings with `#{}` interpolation, if/unless/elsif/else, while/until, loop,
 * `N.times`/`each`/`upto` blocks, statement modifiers, break/next, sleep, ENV, File.write/read,
 * exit/abort and the usual methods on numbers, strings and arrays. Outside it: an error on stderr
 * naming what is not run here, status 1.
 */
import type { Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import type { Waitable } from '../../kernel/waitable.js';
import { Parser, ScriptError, tokenize, type Dialect, type Token, type Value } from './expr.js';
import { fn, Host, ScriptExit } from './host.js';
import { RubySyntax, type Stmt } from './ruby-syntax.js';
import { float, inspect, method, putsText, range, rubyArith, toS } from './ruby-values.js';

class Jump extends Error {
  constructor(readonly word: 'break' | 'next') {
    super(word);
  }
}

class Ruby {
  readonly vars: Record<string, Value> = {};
  readonly dialect: Dialect;

  constructor(
    readonly host: Host,
    readonly legacyQuotes: boolean,
  ) {
    const env = host.proc.env;
    const ENV: Record<string, Value> = { ...env, fetch: fn(([k, d]) => env[toS(k)] ?? d ?? this.fail(`key not found: ${inspect(k)} (KeyError)`)), key: fn(([k]) => toS(k) in env) };
    Object.assign(this.vars, {
      nil: null,
      true: true,
      false: false,
      ENV,
      File: {
        write: fn(([path, data]) => (host.writeFile(toS(path), toS(data), false), toS(data).length)),
        read: fn(([path]) => host.readFile(toS(path))),
      },
      Time: { now: { to_i: Math.floor(host.proc.clock.now() / 1000), to_f: host.proc.clock.now() / 1000 } },
      Math: { sqrt: fn(([x]) => Math.sqrt(Number(x))), PI: Math.PI },
      rand: fn(([n]) => Math.floor(Math.random() * Number(n ?? 1))),
      format: fn(([f, ...a]) => toS(f).replace(/%[-\d.]*[sdf]/g, (spec) => (spec.endsWith('f') ? Number(a.shift()).toFixed(Number(/\.(\d+)/.exec(spec)?.[1] ?? 6)) : toS(a.shift() ?? null)))),
    });
    this.dialect = {
      lookup: (name) => {
        if (name in this.vars) return this.vars[name];
        if (name === '$stdout' || name === 'STDOUT' || name === '$stderr' || name === 'STDERR') return {};
        return this.fail(`undefined local variable or method ${this.q(name)} for main${legacyQuotes ? ':Object' : ''} (NameError)`);
      },
      string: (t) => (t.quote === "'" ? t.text.replace(/\\(['\\])/g, '$1') : this.interpolate(t.text)),
      truthy: (v) => !(v === false || v === null || v === undefined),
      method,
      arith: rubyArith,
      number: (text) => (/[.e]/i.test(text) ? float(Number(text)) : Number(text)),
      fn: (p) => {
        if (!p.is('(')) return undefined;
        let depth = 0;
        for (let i = p.pos; i < p.toks.length; i++) {
          const t = p.toks[i];
          if (t.text === '(' || t.text === '[') depth++;
          else if (t.text === ')' || t.text === ']') depth--;
          if (depth === 0) return undefined;
          if (depth === 1 && t.text === '..') {
            p.pos++;
            const from = p.expr();
            p.expect('..');
            const exclusive = p.eat('.');
            const to = p.expr();
            p.expect(')');
            return range(from, to, exclusive);
          }
        }
        return undefined;
      },
    };
  }

  q(name: string): string {
    return this.legacyQuotes ? `\`${name}'` : `'${name}'`;
  }

  fail(message: string): never {
    throw new ScriptError(message);
  }

  private interpolate(s: string): string {
    return s
      .replace(/#\{([^}]*)\}/g, (_, e: string) => toS(this.eval(tokenize(e, true))))
      .replace(/\\(n|t|e|\\|"|#)/g, (_, c: string) => ({ n: '\n', t: '\t', e: '\x1b' })[c] ?? c);
  }

  eval(toks: Token[]): Value {
    const p = new Parser(toks, this.dialect);
    const v = p.expr();
    if (!p.done) throw new ScriptError(`syntax error, unexpected '${p.peek()?.text}'`);
    return v;
  }

  /** Arguments of a command called without parentheses (`puts a, b`) or with them. */
  private args(toks: Token[]): Value[] {
    if (toks.length === 0) return [];
    const p = new Parser(toks, this.dialect);
    const wrapped = p.is('(') && toks[toks.length - 1].text === ')';
    const list: Value[] = [];
    if (wrapped) {
      p.pos++;
      list.push(...p.list(')'));
    } else do list.push(p.expr());
    while (p.eat(','));
    if (!p.done) throw new ScriptError(`syntax error, unexpected '${p.peek()?.text}'`);
    return list;
  }

  *run(stmts: Stmt[]): Generator<Waitable<unknown>, void, unknown> {
    for (const s of stmts) {
      if (s.kind === 'simple') this.simple(s.toks);
      else if (s.kind === 'if') {
        const branch = s.branches.find((b) => this.dialect.truthy(this.eval(b.cond)) !== b.negate);
        yield* this.run(branch?.body ?? s.otherwise);
      } else if (s.kind === 'while') {
        while (this.dialect.truthy(this.eval(s.cond)) !== s.until) if ((yield* this.loopBody(s.body)) === 'break') break;
      } else if (s.kind === 'modifier') {
        const test = () => this.dialect.truthy(this.eval(s.cond)) === (s.word === 'if' || s.word === 'while');
        if (s.word === 'if' || s.word === 'unless') {
          if (test()) yield* this.run([s.stmt]);
        } else while (test()) if ((yield* this.loopBody([s.stmt])) === 'break') break;
      } else yield* this.block(s);
      yield* this.host.settle();
    }
  }

  private *loopBody(body: Stmt[]): Generator<Waitable<unknown>, 'break' | undefined, unknown> {
    try {
      yield* this.run(body);
    } catch (e) {
      if (!(e instanceof Jump)) throw e;
      if (e.word === 'break') return 'break';
    }
    yield* this.host.settle();
    return undefined;
  }

  private *block(s: Extract<Stmt, { kind: 'block' }>): Generator<Waitable<unknown>, void, unknown> {
    const r = s.receiver;
    let dot = -1;
    let depth = 0;
    r.forEach((t, i) => {
      if (t.kind !== 'op') return;
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === ')' || t.text === ']') depth--;
      else if (depth === 0 && t.text === '.') dot = i;
    });
    const name = dot < 0 ? r[0].text : r[dot + 1]?.text;
    const bind = (values: Value[]) => s.params.forEach((p, i) => (this.vars[p] = values[i] ?? null));
    if (name === 'loop' && r.length === 1) {
      for (;;) if ((yield* this.loopBody(s.body)) === 'break') return;
    }
    if (dot < 0) throw new ScriptError(`blocks are run for loop, times, upto, each and each_with_index only (not ${this.q(name)})`);
    const recv = this.eval(r.slice(0, dot));
    const args = this.args(r.slice(dot + 2));
    let items: Value[][];
    if (name === 'times') items = range(0, Number(recv) - 1, false).map((i) => [i]);
    else if (name === 'upto') items = range(recv, args[0], false).map((i) => [i]);
    else if (name === 'each' && Array.isArray(recv)) items = recv.map((x) => [x]);
    else if (name === 'each_with_index' && Array.isArray(recv)) items = recv.map((x, i) => [x, i]);
    else if (name === 'each' && recv && typeof recv === 'object') items = Object.entries(recv).map(([k, v]) => [k, v]);
    else throw new ScriptError(`blocks are run for loop, times, upto, each and each_with_index only (not ${this.q(name ?? '?')})`);
    for (const values of items) {
      bind(values);
      if ((yield* this.loopBody(s.body)) === 'break') return;
    }
  }

  private simple(toks: Token[]): void {
    const head = toks[0];
    const rest = toks.slice(1);
    const word = head.kind === 'name' ? head.text : '';
    if (word === 'puts' || word === 'print' || word === 'p' || word === 'pp' || word === 'warn') {
      const args = this.args(rest);
      const text = word === 'print' ? args.map(toS).join('') : word === 'p' || word === 'pp' ? putsText(args.map(inspect)) : putsText(args);
      this.host.proc[word === 'warn' ? 'stderr' : 'stdout'].write(text);
    } else if (word === 'sleep') this.host.sleepLater(this.args(rest)[0] ?? 0);
    else if (word === 'exit' || word === 'exit!') throw new ScriptExit(rest.length ? Number(this.args(rest)[0] === false ? 1 : this.args(rest)[0]) : 0);
    else if (word === 'abort') {
      this.host.proc.stderr.write(putsText(this.args(rest)));
      throw new ScriptExit(1);
    } else if (word === 'break' || word === 'next') throw new Jump(word);
    else if (word === 'require') this.args(rest);
    else if (word === 'raise') this.fail(`${toS(this.args(rest)[0] ?? 'unhandled exception')} (RuntimeError)`);
    else {
      const at = toks.findIndex((t) => t.kind === 'op' && ['=', '+=', '-=', '*='].includes(t.text));
      if (at < 0) {
        this.eval(toks);
        return;
      }
      const value = this.eval(toks.slice(at + 1));
      const op = toks[at].text;
      const target = toks.slice(0, at);
      if (target.length === 1 && target[0].kind === 'name') {
        const old = this.vars[target[0].text];
        this.vars[target[0].text] = op === '=' ? value : op === '+=' ? (typeof old === 'string' ? old + toS(value) : Number(old) + Number(value)) : op === '-=' ? Number(old) - Number(value) : Number(old) * Number(value);
      } else if (target.length >= 4 && target[1].text === '[' && target[target.length - 1].text === ']') {
        (this.eval([target[0]]) as Record<string, Value>)[toS(this.eval(target.slice(2, -1)))] = value;
      } else if (!/^(\$stdout|STDOUT|\$stderr|STDERR)$/.test(target[0]?.text ?? '')) this.fail(`cannot assign to ${target.map((t) => t.text).join('')}`);
    }
  }
}

export function rubyProgram(version: string, banner: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    const legacy = Number(version.split('.')[0]) < 3 || (version.startsWith('3.') && Number(version.split('.')[1]) < 4);
    let code: string | undefined;
    for (let i = 0; i < args.length && code === undefined; i++) {
      const a = args[i];
      if (a === '-v' || a === '--version') {
        proc.stdout.write(`${banner}\n`);
        if (a === '--version' || args.length === 1) return 0;
      } else if (a === '-e') code = args[++i] ?? '';
      else if (a === '-w' || a === '-W') continue;
      else if (a.startsWith('-')) {
        proc.stderr.write(`ruby: invalid option ${a}  (-h will show valid options) (RuntimeError)\n`);
        return 1;
      } else {
        proc.stderr.write(`ruby: this sandbox's ruby runs -e programs only (cannot run ${a})\n`);
        return 1;
      }
    }
    if (code === undefined) {
      proc.stderr.write('ruby: this sandbox runs ruby -e programs only (no script from stdin)\n');
      return 1;
    }
    const ruby = new Ruby(new Host(proc), legacy);
    const where = `-e:1:in ${ruby.q('<main>')}`;
    // ruby turns SIGINT into an Interrupt exception (also as PID 1, where the default would be ignored)
    proc.trap(SIGNALS.SIGINT, () => {
      proc.stderr.write(`${where}: Interrupt\n`);
      proc.terminate(130, SIGNALS.SIGINT);
    });
    try {
      yield* ruby.run(new RubySyntax(code).program());
      return 0;
    } catch (e) {
      if (e instanceof ScriptExit) return e.code;
      if (e instanceof Jump) return 0;
      if (e instanceof ScriptError) {
        const msg = /\(\w+Error\)$/.test(e.message) ? e.message : `${e.message} (this sandbox's ruby runs a subset of Ruby: NotImplementedError)`;
        proc.stderr.write(`${msg.startsWith('syntax error') ? `-e:1: ${msg}` : `${where}: ${msg}`}\n`);
        return 1;
      }
      throw e;
    }
  };
}
