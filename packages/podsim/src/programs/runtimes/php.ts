/**
 * php: `-v`, `-r CODE` over a subset: echo/print, $variables with `.` concatenation and `"$x"`
 * interpolation, arithmetic, ++/--/+=/.=, if/elseif/else, while, C-style for and foreach over
 * arrays and range(), break, sleep/usleep, getenv/$_ENV, file_put_contents/file_get_contents,
 * exit/die, PHP_EOL/PHP_VERSION, strlen/strtoupper/str_repeat/implode/count/date. Outside it: a
 * PHP-style parse error on stderr and status 255.
 */
import type { Program } from '../../kernel/process.js';
import type { Waitable } from '../../kernel/waitable.js';
import { Parser, ScriptError, show, tokenize, type Dialect, type Token, type Value } from './expr.js';
import { fn, Host, ScriptExit } from './host.js';

class Php {
  readonly vars: Record<string, Value> = {};
  private readonly dialect: Dialect;
  private readonly consts: Record<string, Value>;

  constructor(
    readonly host: Host,
    version: string,
  ) {
    const env = host.proc.env;
    const num = (v: Value) => Number(v ?? 0);
    this.vars.$_ENV = { ...env };
    this.vars.$argv = ['Standard input code'];
    this.consts = {
      PHP_EOL: '\n',
      PHP_VERSION: version,
      PHP_OS: 'Linux',
      true: true,
      false: false,
      null: null,
      strlen: fn(([s]) => show(s).length),
      strtoupper: fn(([s]) => show(s).toUpperCase()),
      strtolower: fn(([s]) => show(s).toLowerCase()),
      str_repeat: fn(([s, n]) => show(s).repeat(Math.max(0, num(n)))),
      implode: fn(([sep, xs]) => (Array.isArray(xs) ? xs.map(show).join(show(sep)) : '')),
      count: fn(([xs]) => (Array.isArray(xs) ? xs.length : xs && typeof xs === 'object' ? Object.keys(xs).length : 1)),
      range: fn(([a, b]) => {
        if (Math.abs(num(b) - num(a)) > 1e6) throw new ScriptError('range(): too many elements for this sandbox');
        const out: number[] = [];
        for (let i = num(a); num(a) <= num(b) ? i <= num(b) : i >= num(b); i += num(a) <= num(b) ? 1 : -1) out.push(i);
        return out;
      }),
      getenv: fn(([k]) => (k === undefined ? { ...env } : (env[show(k)] ?? false))),
      gethostname: fn(() => host.proc.sys.hostname()),
      time: fn(() => Math.floor(host.proc.clock.now() / 1000)),
      sleep: fn(([s]) => (host.sleepLater(num(s)), 0)),
      usleep: fn(([s]) => (host.sleepLater(num(s) / 1e6), null)),
      file_put_contents: fn(([p, data, flags]) => (host.writeFile(show(p), show(data), num(flags) === 8), show(data).length)),
      file_get_contents: fn(([p]) => host.readFile(show(p))),
      FILE_APPEND: 8,
      intval: fn(([x]) => Math.trunc(num(x))),
      round: fn(([x, d]) => Number(num(x).toFixed(num(d)))),
      abs: fn(([x]) => Math.abs(num(x))),
      max: fn((xs) => Math.max(...xs.map(num))),
      min: fn((xs) => Math.min(...xs.map(num))),
      sqrt: fn(([x]) => Math.sqrt(num(x))),
      rand: fn(([a, b]) => num(a) + Math.floor(Math.random() * (num(b ?? 2147483647) - num(a) + 1))),
      phpversion: fn(() => version),
    };
    this.dialect = {
      dotConcat: true,
      lookup: (name) => {
        if (name.startsWith('$')) {
          if (!(name in this.vars)) this.host.proc.stderr.write(`PHP Warning:  Undefined variable ${name} in Command line code on line 1\n`);
          return this.vars[name] ?? null;
        }
        if (name in this.consts) return this.consts[name];
        throw new ScriptError(`Call to undefined function ${name}()`);
      },
      string: (t) => (t.quote === "'" ? t.text.replace(/\\(['\\])/g, '$1') : this.interpolate(t.text)),
      truthy: (v) => !(v === false || v === null || v === undefined || v === 0 || v === '' || v === '0' || (Array.isArray(v) && v.length === 0)),
    };
  }

  private interpolate(s: string): string {
    return s
      .replace(/\{?\$(\w+)\}?/g, (_, n: string) => show(this.vars[`$${n}`] ?? null))
      .replace(/\\(n|t|\\|"|\$)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
  }

  private block(p: Parser): Token[] {
    if (!p.is('{')) {
      const start = p.pos;
      while (!p.done && !p.is(';')) p.pos++;
      p.eat(';');
      return p.toks.slice(start, p.pos);
    }
    return p.braceBody('syntax error, unexpected end of file');
  }

  /** Tokens up to the next top-level `;` or `)` closing the current group. */
  private until(p: Parser, stop: string): Token[] {
    const start = p.pos;
    let depth = 0;
    while (!p.done) {
      const t = p.peek() as Token;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[')) depth++;
      else if (t.kind === 'op' && (t.text === ')' || t.text === ']')) {
        if (depth === 0 && stop === ')') break;
        depth--;
      } else if (depth === 0 && t.kind === 'op' && t.text === stop) break;
      p.pos++;
    }
    const out = p.toks.slice(start, p.pos);
    p.pos++;
    return out;
  }

  private cond(toks: Token[]): boolean {
    return toks.length === 0 || this.dialect.truthy(this.statement(toks));
  }

  *run(toks: Token[]): Generator<Waitable<unknown>, 'break' | undefined, unknown> {
    const p = new Parser(toks, this.dialect);
    while (!p.done) {
      if (p.eat(';')) continue;
      const t = p.peek() as Token;
      const word = t.kind === 'name' ? t.text : '';
      if (word === 'if' || word === 'while') {
        p.pos++;
        p.expect('(');
        const test = this.until(p, ')');
        const body = this.block(p);
        if (word === 'while') {
          while (this.cond(test)) {
            if ((yield* this.run(body)) === 'break') break;
            yield* this.host.settle();
          }
          continue;
        }
        let done = this.cond(test) && ((yield* this.run(body)) === 'break' ? 'break' : true);
        if (done === 'break') return 'break';
        while (p.is('elseif') || p.is('else')) {
          const isElse = p.next().text === 'else' && !p.is('if');
          if (!isElse) {
            p.eat('if');
            p.expect('(');
          }
          const t2 = isElse ? [] : this.until(p, ')');
          const b2 = this.block(p);
          if (!done && this.cond(t2)) done = (yield* this.run(b2)) === 'break' ? 'break' : true;
          if (done === 'break') return 'break';
        }
      } else if (word === 'for') {
        p.pos++;
        p.expect('(');
        const init = this.until(p, ';');
        const test = this.until(p, ';');
        const step = this.until(p, ')');
        const body = this.block(p);
        if (init.length) this.statement(init);
        while (this.cond(test)) {
          if ((yield* this.run(body)) === 'break') break;
          if (step.length) this.statement(step);
          yield* this.host.settle();
        }
      } else if (word === 'foreach') {
        p.pos++;
        p.expect('(');
        const head = this.until(p, ')');
        const as = head.findIndex((x) => x.kind === 'name' && x.text === 'as');
        const items = this.statement(head.slice(0, as));
        const names = head.slice(as + 1).filter((x) => x.kind === 'var').map((x) => x.text);
        const body = this.block(p);
        const entries = Array.isArray(items) ? items.map((v, i) => [i, v] as const) : Object.entries(items && typeof items === 'object' ? items : {});
        for (const [k, v] of entries) {
          if (names.length === 2) this.vars[names[0]] = k;
          this.vars[names[names.length - 1]] = v as Value;
          if ((yield* this.run(body)) === 'break') break;
          yield* this.host.settle();
        }
      } else if (word === 'break') {
        return 'break';
      } else if (/^(function|fn|class|interface|trait|try|switch|match|namespace|use|do)$/.test(word)) {
        throw new ScriptError(`'${word}' is outside what this sandbox's php runs`);
      } else {
        this.statement(this.until(p, ';'));
        yield* this.host.settle();
      }
    }
    return undefined;
  }

  private statement(toks: Token[]): Value {
    const p = new Parser(toks, this.dialect);
    const t = p.peek();
    if (!t) return null;
    const word = t.kind === 'name' ? t.text : '';
    if (word === 'echo' || word === 'print') {
      p.pos++;
      const items: Value[] = [];
      do items.push(p.expr());
      while (p.eat(','));
      this.host.out(items.map((v) => (v === true ? '1' : v === false || v === null ? '' : show(v))).join(''));
    } else if (word === 'exit' || word === 'die') {
      p.pos++;
      const v = p.eat('(') && !p.is(')') ? p.expr() : undefined;
      if (typeof v === 'string') {
        this.host.out(v);
        throw new ScriptExit(0);
      }
      throw new ScriptExit(v === undefined ? 0 : Number(v));
    } else if (t.kind === 'var' && ['=', '+=', '-=', '*=', '++', '--'].some((o) => p.peek(1)?.text === o && p.peek(1)?.kind === 'op')) {
      p.pos++;
      const op = p.next().text;
      const old = this.vars[t.text];
      if (op === '++' || op === '--') this.vars[t.text] = Number(old ?? 0) + (op === '++' ? 1 : -1);
      else {
        const v = p.expr();
        this.vars[t.text] = op === '=' ? v : op === '+=' ? Number(old ?? 0) + Number(v) : op === '-=' ? Number(old ?? 0) - Number(v) : Number(old ?? 0) * Number(v);
      }
    } else if (t.kind === 'var' && p.peek(1)?.text === '.' && p.peek(2)?.text === '=') {
      p.pos += 3;
      this.vars[t.text] = `${show(this.vars[t.text] ?? '')}${show(p.expr())}`;
    } else {
      const v = p.expr();
      if (!p.done) throw new ScriptError(`syntax error, unexpected token "${p.peek()?.text}"`);
      return v;
    }
    if (!p.done) throw new ScriptError(`syntax error, unexpected token "${p.peek()?.text}"`);
    return null;
  }
}

export function phpProgram(version: string, banner: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === '-v' || args[0] === '--version') {
      proc.stdout.write(`${banner}\n`);
      return 0;
    }
    if (args[0] !== '-r') {
      proc.stderr.write(`php: this sandbox's php runs -r code and -v only${args[0] ? ` (not ${args[0]})` : ''}\n`);
      return 1;
    }
    const php = new Php(new Host(proc), version);
    try {
      yield* php.run(tokenize(args[1] ?? '', true));
      return 0;
    } catch (e) {
      if (e instanceof ScriptExit) return e.code;
      if (e instanceof ScriptError) {
        const fatal = /^Call to|^range/.test(e.message);
        proc.stderr.write(`PHP ${fatal ? 'Fatal error:  Uncaught Error: ' : 'Parse error:  '}${e.message} in Command line code on line 1\n`);
        return 255;
      }
      throw e;
    }
  };
}
