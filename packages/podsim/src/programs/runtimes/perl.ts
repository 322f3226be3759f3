/**
 * perl: `-v`, `-e CODE` with `-l`, `-w`, `-n`-free clusters (`-wle`) and `-Mbignum=bpi`, over a
 * subset: print, my/assignment, ++/+=, sleep, if/else, for/foreach over lists and ranges, while,
 * last, exit, %ENV, "$x" interpolation, bpi(N). Outside it: a perl-style syntax error, status 255.
 */
import type { Program } from '../../kernel/process.js';
import type { Waitable } from '../../kernel/waitable.js';
import { Parser, ScriptError, show, tokenize, type Dialect, type Token, type Value } from './expr.js';
import { fn, Host, ScriptExit } from './host.js';

/** π to `digits` significant digits, rounded (Machin's formula in BigInt fixed point). */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(digits, 20_000));
  const scale = 10n ** BigInt(n + 10);
  const arctanInv = (x: bigint) => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k += 2n) {
      sum += (k % 4n === 1n ? 1n : -1n) * (term / k);
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  // pi has n+11 digits here: keep n, rounding on the next one.
  const next = (pi / 10n ** 10n) % 10n;
  const s = (pi / 10n ** 11n + (next >= 5n ? 1n : 0n)).toString();
  const kept = s.slice(0, n);
  return n === 1 ? kept : `${kept[0]}.${kept.slice(1)}`;
}

class Perl {
  readonly vars: Record<string, Value> = {};
  private readonly dialect: Dialect;

  constructor(
    readonly host: Host,
    readonly newline: boolean,
    modules: string[],
  ) {
    const env = host.proc.env;
    this.vars['%ENV'] = { ...env };
    if (modules.some((m) => /^bignum=.*\bbpi\b/.test(m) || m === 'bignum')) this.vars.bpi = fn(([n]) => piDigits(Number(n ?? 40)));
    Object.assign(this.vars, {
      length: fn(([s]) => show(s).length),
      time: fn(() => Math.floor(host.proc.clock.now() / 1000)),
      uc: fn(([s]) => show(s).toUpperCase()),
      lc: fn(([s]) => show(s).toLowerCase()),
    });
    this.dialect = {
      dotConcat: true,
      lookup: (name) => {
        if (name.startsWith('$')) {
          if (name === '$ENV') return this.vars['%ENV'];
          return this.vars[name];
        }
        if (name in this.vars) return this.vars[name];
        throw new ScriptError(`Bareword "${name}" not allowed`);
      },
      string: (t) => (t.quote === "'" ? t.text.replace(/\\'/g, "'") : this.interpolate(t.text)),
      truthy: (v) => !(v === undefined || v === null || v === '' || v === '0' || v === 0 || v === false),
    };
  }

  private interpolate(s: string): string {
    return s
      .replace(/\$\{(\w+)\}|\$(\w+)(?:\{(\w+)\})?/g, (_, a: string, b: string, key: string) => {
        if (b === 'ENV' && key) return show((this.vars['%ENV'] as Record<string, Value>)[key]);
        return show(this.vars[`$${a ?? b}`]);
      })
      .replace(/\\(n|t|\\|"|\$)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
  }

  private list(p: Parser): Value[] {
    const out: Value[] = [];
    while (!p.done && !p.is(';') && !p.is(')') && !p.is('}')) {
      const v = p.expr();
      if (p.eat('..')) {
        const end = Number(p.expr());
        if (end - Number(v) > 1e6) throw new ScriptError('Range iterator outside integer range');
        for (let i = Number(v); i <= end; i++) out.push(i);
      } else out.push(v);
      if (!p.eat(',')) break;
    }
    return out;
  }

  private block(p: Parser): Token[] {
    return p.braceBody('Missing right curly or square bracket');
  }

  *run(toks: Token[]): Generator<Waitable<unknown>, 'last' | undefined, unknown> {
    const p = new Parser(toks, this.dialect);
    while (!p.done) {
      if (p.eat(';')) continue;
      const t = p.peek() as Token;
      if (t.kind === 'name' && (t.text === 'for' || t.text === 'foreach')) {
        p.pos++;
        p.eat('my');
        const v = p.peek()?.kind === 'var' ? p.next().text : '$_';
        p.expect('(');
        const items = this.list(p);
        p.expect(')');
        const body = this.block(p);
        for (const item of items) {
          this.vars[v] = item;
          if ((yield* this.run(body)) === 'last') break;
          yield* this.host.settle();
        }
      } else if (t.kind === 'name' && (t.text === 'while' || t.text === 'if' || t.text === 'unless')) {
        p.pos++;
        p.expect('(');
        const start = p.pos;
        const test = () => {
          p.pos = start;
          const v = this.dialect.truthy(p.expr());
          p.expect(')');
          return t.text === 'unless' ? !v : v;
        };
        let cond = test();
        const body = this.block(p);
        const after = p.pos;
        if (t.text === 'while') {
          while (cond) {
            if ((yield* this.run(body)) === 'last') break;
            yield* this.host.settle();
            cond = test();
          }
          p.pos = after;
        } else {
          const other = p.eat('else') ? this.block(p) : [];
          if ((yield* this.run(cond ? body : other)) === 'last') return 'last';
        }
      } else {
        const r = this.statement(p);
        if (r === 'last') return r;
        yield* this.host.settle();
      }
    }
    return undefined;
  }

  private statement(p: Parser): 'last' | undefined {
    const t = p.next();
    if (t.kind === 'name' && t.text === 'last') return 'last';
    if (t.kind === 'name' && t.text === 'print') {
      const fh = p.peek()?.text === 'STDERR' ? (p.pos++, 'stderr') : 'stdout';
      const items = this.list(p);
      this.host.proc[fh].write(`${items.map(show).join('')}${this.newline ? '\n' : ''}`);
    } else if (t.kind === 'name' && t.text === 'sleep') this.host.sleepLater(p.expr());
    else if (t.kind === 'name' && t.text === 'exit') throw new ScriptExit(p.done || p.is(';') ? 0 : Number(p.expr()));
    else if (t.kind === 'name' && t.text === 'my' && p.peek()?.kind === 'var') return this.statement(p);
    else if (t.kind === 'var' && p.is('=')) {
      p.pos++;
      this.vars[t.text] = p.expr();
    } else if (t.kind === 'var' && (p.is('++') || p.is('--') || p.is('+=') || p.is('-='))) {
      const op = p.next().text;
      const old = Number(this.vars[t.text] ?? 0);
      this.vars[t.text] = op === '++' ? old + 1 : op === '--' ? old - 1 : op === '+=' ? old + Number(p.expr()) : old - Number(p.expr());
    } else {
      p.pos--;
      p.expr();
    }
    if (!p.done && !p.eat(';') && !p.is('}')) throw new ScriptError(`syntax error at -e line 1, near "${p.peek()?.text}"`);
    return undefined;
  }
}

export function perlProgram(version: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    let code: string | undefined;
    let newline = false;
    const modules: string[] = [];
    for (let i = 0; i < args.length && code === undefined; i++) {
      const a = args[i];
      if (a === '-v' || a === '--version') {
        proc.stdout.write(`\nThis is perl 5, version ${version.split('.')[1]}, subversion ${version.split('.')[2] ?? 0} (v${version}) built for x86_64-linux-gnu-thread-multi\n\nCopyright 1987-2024, Larry Wall\n`);
        return 0;
      }
      if (a.startsWith('-M')) modules.push(a.slice(2));
      else if (/^-[wlE e]+$/.test(a) || /^-[wl]*e$/.test(a) || /^-[wlE]+$/.test(a)) {
        if (a.includes('l')) newline = true;
        if (a.includes('e') || a.includes('E')) code = args[++i] ?? '';
      } else if (a.startsWith('-')) {
        proc.stderr.write(`Unrecognized switch: ${a}  (-h will show valid options).\n`);
        return 29;
      } else {
        proc.stderr.write(`Can't open perl script "${a}": this sandbox's perl runs -e programs only\n`);
        return 2;
      }
    }
    if (code === undefined) {
      proc.stderr.write('perl: this sandbox runs perl -e programs only (no script from stdin)\n');
      return 2;
    }
    const perl = new Perl(new Host(proc), newline, modules);
    try {
      yield* perl.run(tokenize(code, true));
      return 0;
    } catch (e) {
      if (e instanceof ScriptExit) return e.code;
      if (e instanceof ScriptError) {
        proc.stderr.write(`${e.message} at -e line 1.\nExecution of -e aborted due to compilation errors.\n`);
        return 255;
      }
      throw e;
    }
  };
}
