/**
 * node: `--version`, `-e`/`-p` CODE over a subset (console.log/error, let/const/var, assignment,
 * ++/+=, if/else, while, for(;;), arrow functions, setTimeout/setInterval with the event loop
 * running until no timer is left, process.env, process.exit, fs.writeFileSync, template
 * literals), and a `>` prompt. Outside it: a SyntaxError on stderr and status 1.
 */
import type { Program } from '../../kernel/process.js';
import { sleep, wait, type Waitable } from '../../kernel/waitable.js';
import { Parser, ScriptError, show, tokenize, type Dialect, type Token, type Value } from './expr.js';
import { jsMethod, truthy } from './node-methods.js';
import { fn, Host, ScriptExit } from './host.js';

interface Timer {
  at: number;
  every?: number;
  body: Value;
}

const inspect = (v: Value, top = true): string => {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return top ? v : `'${v}'`;
  if (Array.isArray(v)) return `[ ${v.map((x) => inspect(x, false)).join(', ')} ]`;
  if (typeof v === 'object') return 'call' in v ? '[Function (anonymous)]' : `{ ${Object.entries(v).map(([k, x]) => `${k}: ${inspect(x, false)}`).join(', ')} }`;
  return String(v);
};

class Node {
  readonly vars: Record<string, Value> = {};
  readonly timers: Timer[] = [];
  readonly dialect: Dialect;

  constructor(readonly host: Host) {
    const env = host.proc.env;
    const timer = (every: boolean) => fn(([body, ms]) => (this.timers.push({ at: host.proc.clock.now() + Math.max(1, Number(ms ?? 1)), every: every ? Math.max(1, Number(ms ?? 1)) : undefined, body }), this.timers.length));
    const fs = { writeFileSync: fn(([p, d]) => (host.writeFile(String(p), show(d), false), undefined)), appendFileSync: fn(([p, d]) => (host.writeFile(String(p), show(d), true), undefined)), readFileSync: fn(([p]) => host.readFile(String(p))) };
    const modules: Record<string, Value> = { fs, os: { hostname: fn(() => host.proc.sys.hostname()) } };
    Object.assign(this.vars, {
      true: true,
      false: false,
      null: null,
      undefined,
      console: { log: fn((a) => (host.out(`${a.map((x) => inspect(x)).join(' ')}\n`), undefined)), error: fn((a) => (host.proc.stderr.write(`${a.map((x) => inspect(x)).join(' ')}\n`), undefined)) },
      process: { env: { ...env }, exit: fn(([c]) => { throw new ScriptExit(Number(c ?? 0)); }), pid: host.proc.pid, argv: ['/usr/local/bin/node'] },
      setTimeout: timer(false),
      setInterval: timer(true),
      require: fn(([m]) => modules[String(m).replace(/^node:/, '')] ?? (() => { throw new ScriptError(`Cannot find module '${show(m)}'`); })()),
      Math: { floor: fn(([x]) => Math.floor(Number(x))), random: fn(() => 0.5), round: fn(([x]) => Math.round(Number(x))), PI: Math.PI },
      Date: { now: fn(() => host.proc.clock.now()) },
      JSON: { stringify: fn(([x]) => JSON.stringify(x)) },
    });
    this.dialect = {
      lookup: (name) => {
        if (name in this.vars) return this.vars[name];
        throw new ScriptError(`ReferenceError: ${name} is not defined`);
      },
      string: (t) => {
        const s = t.text.replace(/\\(n|t|\\|'|"|`)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
        return t.quote === '`' ? s.replace(/\$\{([^}]+)\}/g, (_, e: string) => inspect(new Parser(tokenize(e), this.dialect).expr())) : s;
      },
      truthy,
      fn: (p) => this.arrow(p),
      method: (v, name) => jsMethod(v, name),
    };
  }

  /** `() => expr`, `(a) => { … }`, `x => …`, `function () { … }` as a value holding its tokens. */
  private arrow(p: Parser): Value | undefined {
    let i = p.pos;
    const params: string[] = [];
    if (p.peek()?.text === 'function') {
      i++;
      if (p.toks[i]?.kind === 'name') i++;
    }
    if (p.toks[i]?.kind === 'name' && p.toks[i + 1]?.text === '=>') {
      params.push(p.toks[i].text);
      i += 1;
    } else if (p.toks[i]?.text === '(') {
      for (i++; p.toks[i] && p.toks[i].text !== ')'; i++) if (p.toks[i].kind === 'name') params.push(p.toks[i].text);
      i++;
    } else return undefined;
    const isFunction = p.peek()?.text === 'function';
    if (!isFunction && p.toks[i]?.text !== '=>') return undefined;
    if (!isFunction) i++;
    p.pos = i;
    const body = p.is('{') ? this.block(p) : this.until(p, [',', ')', ';']);
    const expression = !isFunction && p.toks[i]?.text !== '{';
    return fn((args) => {
      params.forEach((n, k) => (this.vars[n] = args[k]));
      if (expression) return new Parser(body, this.dialect).expr();
      // A callback runs to completion; its pauses are skipped, and an endless one is cut off.
      const gen = this.run(body);
      let pauses = 0;
      for (let r = gen.next(); !r.done; r = gen.next()) if (++pauses > 10_000) throw new ScriptError('RangeError: callback ran too long for this sandbox');
      return undefined;
    });
  }

  private until(p: Parser, stops: string[]): Token[] {
    const start = p.pos;
    for (let depth = 0; !p.done; p.pos++) {
      const t = p.peek() as Token;
      if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
      else if (t.kind === 'op' && ')]}'.includes(t.text)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && t.kind === 'op' && stops.includes(t.text)) break;
    }
    return p.toks.slice(start, p.pos);
  }

  private block(p: Parser): Token[] {
    p.expect('{');
    const body = this.until(p, []);
    p.expect('}');
    return body;
  }

  private body(p: Parser): Token[] {
    if (p.is('{')) return this.block(p);
    const s = this.until(p, [';']);
    p.eat(';');
    return s;
  }

  *run(toks: Token[]): Generator<Waitable<unknown>, undefined, unknown> {
    const p = new Parser(toks, this.dialect);
    while (!p.done) {
      if (p.eat(';')) continue;
      const w = p.peek()?.text;
      if (w === 'while' || w === 'if') {
        p.pos++;
        p.expect('(');
        const cond = this.until(p, []);
        p.expect(')');
        const body = this.body(p);
        const test = () => this.dialect.truthy(new Parser(cond, this.dialect).expr());
        if (w === 'while') {
          while (test()) {
            yield* this.run(body);
            yield* this.host.settle();
          }
        } else {
          const other = p.eat('else') ? this.body(p) : [];
          yield* this.run(test() ? body : other);
        }
      } else if (w === 'for') {
        p.pos++;
        p.expect('(');
        const init = this.until(p, [';']);
        p.expect(';');
        const cond = this.until(p, [';']);
        p.expect(';');
        const step = this.until(p, []);
        p.expect(')');
        const body = this.body(p);
        yield* this.run(init);
        while (cond.length === 0 || this.dialect.truthy(new Parser(cond, this.dialect).expr())) {
          yield* this.run(body);
          yield* this.run(step);
          yield* this.host.settle();
        }
      } else {
        this.statement(new Parser(this.until(p, [';']), this.dialect));
        yield* this.host.settle();
      }
    }
    return undefined;
  }

  private statement(p: Parser): void {
    if (p.eat('let') || p.eat('const') || p.eat('var')) {
      const name = p.next('name').text;
      this.vars[name] = p.eat('=') ? p.expr() : undefined;
    } else if (p.peek()?.kind === 'name' && ['=', '+=', '-=', '++', '--'].includes(p.peek(1)?.text ?? '')) {
      const name = p.next().text;
      const op = p.next().text;
      const old = this.vars[name] as number;
      this.vars[name] = op === '=' ? p.expr() : op === '++' ? old + 1 : op === '--' ? old - 1 : op === '+=' ? (typeof old === 'string' ? old + show(p.expr()) : old + Number(p.expr())) : old - Number(p.expr());
    } else p.expr();
    if (!p.done) throw new ScriptError(`SyntaxError: Unexpected token '${p.peek()?.text}'`);
  }

  /** The event loop: timers in due order until none is left. */
  *loop() {
    while (this.timers.length > 0) {
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers[0];
      const now = this.host.proc.clock.now();
      if (t.at > now) yield* wait(sleep(this.host.proc.clock, t.at - now));
      if (t.every) t.at += t.every;
      else this.timers.shift();
      const f = t.body as { call?: (a: Value[]) => Value };
      if (typeof f?.call !== 'function') throw new ScriptError('TypeError [ERR_INVALID_ARG_TYPE]: The "callback" argument must be of type function');
      f.call([]);
    }
  }
}

export function nodeProgram(version: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === '--version' || args[0] === '-v') {
      proc.stdout.write(`v${version}\n`);
      return 0;
    }
    const host = new Host(proc);
    const node = new Node(host);
    const exec = function* (code: string, printResult: boolean) {
      try {
        if (printResult) host.out(`${inspect(new Parser(tokenize(code), node.dialect).expr())}\n`);
        else yield* node.run(tokenize(code));
        yield* node.loop();
        return 0;
      } catch (e) {
        if (e instanceof ScriptExit) return e.code;
        if (e instanceof ScriptError) {
          proc.stderr.write(`[eval]:1\n${code.split('\n')[0]}\n\n${/^\w*Error/.test(e.message) ? e.message : `SyntaxError: ${e.message}`}\n\nNode.js v${version}\n`);
          return 1;
        }
        throw e;
      }
    };
    if (args[0] === '-e' || args[0] === '--eval' || args[0] === '-p') {
      if (args[1] === undefined) {
        proc.stderr.write(`node: ${args[0]} requires an argument\n`);
        return 9;
      }
      return yield* exec(args[1], args[0] === '-p');
    }
    if (args[0] !== undefined) {
      proc.stderr.write(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '/${args[0]}'\n\nNode.js v${version}\n`);
      return 1;
    }
    proc.stdout.write(`Welcome to Node.js v${version}.\nType ".help" for more information.\n> `);
    for (;;) {
      const line = yield* host.readLine();
      if (line === undefined || line.trim() === '.exit') break;
      if (line.trim() !== '') {
        try {
          if (/^(let|const|var|while|for|if)\b/.test(line.trim())) {
            yield* node.run(tokenize(line));
            host.out('undefined\n');
          } else host.out(`${inspect(new Parser(tokenize(line), node.dialect).expr(), false)}\n`);
        } catch (e) {
          if (e instanceof ScriptExit) return e.code;
          if (!(e instanceof ScriptError)) throw e;
          host.out(`Uncaught ${/^\w*Error/.test(e.message) ? e.message : `SyntaxError: ${e.message}`}\n`);
        }
      }
      host.out('> ');
    }
    return 0;
  };
}
