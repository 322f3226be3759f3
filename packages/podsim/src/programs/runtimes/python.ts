/**
 * python / python3: `--version`, `-c PROGRAM` over a subset (print, assignment, if/for/while with
 * inline or indented bodies, range/len/str/int, time.sleep, os.environ, open().write, sys.exit,
 * f-strings), `-m http.server [PORT]`, and a `>>>` prompt reading statements from stdin.
 * Outside the subset: a SyntaxError-style message on stderr and status 1.
 */
import type { Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import type { Waitable } from '../../kernel/waitable.js';
import { staticFileServer } from './static-server.js';
import { Parser, ScriptError, splitTop, tokenize, type Dialect, type Value } from './expr.js';
import { fn, Host, ScriptExit } from './host.js';

interface Stmt {
  text: string;
  body: Stmt[];
}

/** Lines and `;` into statements; a trailing `:` takes the indented lines after it, an inline one the rest. */
function parse(src: string): Stmt[] {
  const lines = src.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  let i = 0;
  const block = (indent: number): Stmt[] => {
    const out: Stmt[] = [];
    while (i < lines.length) {
      const ind = /^\s*/.exec(lines[i])?.[0].length ?? 0;
      if (ind < indent) break;
      const parts = splitTop(lines[i++], ';');
      out.push(...chain(parts, ind));
    }
    return out;
  };
  const chain = (parts: string[], ind: number): Stmt[] => {
    const out: Stmt[] = [];
    for (let k = 0; k < parts.length; k++) {
      const head = /^(if|elif|else|for|while|def|with|try|except|class)\b/.test(parts[k]) ? splitTop(parts[k], ':') : [parts[k]];
      if (head.length === 1 && parts[k].endsWith(':')) {
        out.push({ text: parts[k].slice(0, -1).trim(), body: block(ind + 1) });
      } else if (head.length > 1) {
        const rest = parts[k].slice(parts[k].indexOf(':', head[0].length) + 1).trim();
        out.push({ text: head[0], body: chain([rest, ...parts.slice(k + 1)], ind) });
        break;
      } else out.push({ text: parts[k], body: [] });
    }
    return out;
  };
  return block(0);
}

const repr = (v: Value, top = true): string => {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return top ? v : `'${v}'`;
  if (Array.isArray(v)) return `[${v.map((x) => repr(x, false)).join(', ')}]`;
  if (typeof v === 'object') return 'call' in v ? '<built-in function>' : `{${Object.entries(v).map(([k, x]) => `'${k}': ${repr(x, false)}`).join(', ')}}`;
  return String(v);
};

class Python {
  readonly vars: Record<string, Value> = {};
  private readonly dialect: Dialect;

  constructor(readonly host: Host) {
    const env = host.proc.env;
    const environ: Record<string, Value> = { ...env, get: fn(([k, d]) => env[String(k)] ?? d ?? null) };
    const file = (path: string, mode: string) => {
      let first = mode.startsWith('w');
      return {
        write: fn(([s]) => (host.writeFile(path, String(s), !first), (first = false), String(s).length)),
        read: fn(() => host.readFile(path)),
        close: fn(() => null),
      };
    };
    const modules: Record<string, Value> = {
      time: { sleep: fn(([s]) => (host.sleepLater(s), null)), time: fn(() => host.proc.clock.now() / 1000) },
      os: { environ, getenv: fn(([k, d]) => env[String(k)] ?? d ?? null), getpid: fn(() => host.proc.pid) },
      sys: { exit: fn(([c]) => { throw new ScriptExit(c === undefined || c === null ? 0 : Number(c)); }), argv: ['-c'] },
      math: { sqrt: fn(([x]) => Math.sqrt(Number(x))), pi: Math.PI, floor: fn(([x]) => Math.floor(Number(x))) },
      socket: { gethostname: fn(() => host.proc.sys.hostname()) },
    };
    Object.assign(this.vars, {
      True: true,
      False: false,
      None: null,
      print: fn((args) => (host.out(`${args.map((a) => repr(a)).join(' ')}\n`), null)),
      range: fn(([a, b, s]) => {
        const [from, to] = b === undefined ? [0, Number(a)] : [Number(a), Number(b)];
        const step = Number(s ?? 1);
        if (Math.abs((to - from) / step) > 1e6) throw new ScriptError('range too large for this sandbox');
        const out: number[] = [];
        for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i);
        return out;
      }),
      len: fn(([x]) => (typeof x === 'string' || Array.isArray(x) ? x.length : 0)),
      str: fn(([x]) => repr(x)),
      int: fn(([x]) => Math.trunc(Number(x))),
      float: fn(([x]) => Number(x)),
      abs: fn(([x]) => Math.abs(Number(x))),
      sum: fn(([xs]) => (xs as number[]).reduce((a, b) => a + b, 0)),
      open: fn(([p, m]) => file(String(p), String(m ?? 'r'))),
      __import__: fn(([m]) => modules[String(m)]),
    });
    this.dialect = {
      lookup: (name) => {
        if (name in this.vars) return this.vars[name];
        throw new ScriptError(`NameError: name '${name}' is not defined`);
      },
      string: (t) => unescape(t.text),
      truthy: (v) => !(v === false || v === null || v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)),
      fn: (p) => {
        const t = p.peek();
        if (t?.kind !== 'name' || t.text !== 'f' || p.peek(1)?.kind !== 'str') return undefined;
        p.pos++;
        const body = unescape(p.next('str').text);
        return body.replace(/\{([^{}]+)\}/g, (_, e: string) => repr(this.eval(e)));
      },
    };
    this.modules = modules;
  }

  private readonly modules: Record<string, Value>;

  eval(src: string): Value {
    const p = new Parser(tokenize(src), this.dialect);
    const v = p.expr();
    if (!p.done) throw new ScriptError(`SyntaxError: invalid syntax near '${p.peek()?.text}'`);
    return v;
  }

  *run(stmts: Stmt[]): Generator<Waitable<unknown>, 'break' | undefined, unknown> {
    for (let k = 0; k < stmts.length; k++) {
      const s = stmts[k];
      const m = /^(\w+)\s*(.*)$/s.exec(s.text) ?? ['', '', ''];
      const [, word, rest] = m;
      if (word === 'pass') continue;
      if (word === 'break') return 'break';
      if (word === 'import' || word === 'from') {
        const names = word === 'import' ? rest.split(',').map((n) => n.trim().split(/\s+as\s+/)) : [[/^(\w+)/.exec(rest)?.[1] ?? '']];
        for (const [name, alias] of names) {
          if (!(name in this.modules)) throw new ScriptError(`ModuleNotFoundError: No module named '${name}'`);
          if (word === 'import') this.vars[alias ?? name] = this.modules[name];
          else for (const n of rest.replace(/^\w+\s+import\s+/, '').split(',')) this.vars[n.trim()] = (this.modules[name] as Record<string, Value>)[n.trim()];
        }
      } else if (word === 'if') {
        let taken = this.dialect.truthy(this.eval(rest));
        if (taken && (yield* this.run(s.body)) === 'break') return 'break';
        while (/^(elif|else)\b/.test(stmts[k + 1]?.text ?? '')) {
          const next = stmts[++k];
          const cond = next.text.startsWith('else') || this.dialect.truthy(this.eval(next.text.slice(4)));
          if (!taken && cond && (yield* this.run(next.body)) === 'break') return 'break';
          taken ||= cond;
        }
      } else if (word === 'for') {
        const fm = /^(\w+)\s+in\s+(.+)$/s.exec(rest);
        if (!fm) throw new ScriptError('SyntaxError: invalid syntax');
        const items = this.eval(fm[2]);
        for (const item of typeof items === 'string' ? [...items] : (items as Value[])) {
          this.vars[fm[1]] = item;
          if ((yield* this.run(s.body)) === 'break') break;
          yield* this.host.settle();
        }
      } else if (word === 'while') {
        while (this.dialect.truthy(this.eval(rest))) {
          if ((yield* this.run(s.body)) === 'break') break;
          yield* this.host.settle();
        }
      } else if (/^(def|class|with|try|lambda|async)$/.test(word)) {
        throw new ScriptError(`'${word}' is outside what this sandbox's python runs`);
      } else {
        const assign = /^([A-Za-z_]\w*)\s*([+\-*]?=)(?!=)\s*(.+)$/s.exec(s.text);
        if (assign) {
          const v = this.eval(assign[3]);
          const old = this.vars[assign[1]] as number;
          this.vars[assign[1]] = assign[2] === '=' ? v : assign[2] === '+=' ? (typeof old === 'string' ? old + String(v) : old + Number(v)) : assign[2] === '-=' ? old - Number(v) : old * Number(v);
        } else this.eval(s.text);
      }
      yield* this.host.settle();
    }
    return undefined;
  }
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|\\|'|")/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}

export function pythonProgram(version: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args[0] === '--version' || args[0] === '-V') {
      proc.stdout.write(`Python ${version}\n`);
      return 0;
    }
    if (args[0] === '-m' && args[1] === 'http.server') return yield* staticFileServer(proc, Number(args[2] ?? 8000));
    // Python turns SIGINT into KeyboardInterrupt (also as PID 1, where a default disposition would be ignored).
    proc.trap(SIGNALS.SIGINT, () => {
      proc.stderr.write('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nKeyboardInterrupt\n');
      proc.terminate(130, SIGNALS.SIGINT);
    });
    const host = new Host(proc);
    const py = new Python(host);
    const code = args[0] === '-c' ? args[1] : undefined;
    if (args[0] === '-c' && code === undefined) {
      proc.stderr.write('Argument expected for the -c option\n');
      return 2;
    }
    const exec = function* (src: string) {
      try {
        yield* py.run(parse(src));
        return 0;
      } catch (e) {
        if (e instanceof ScriptExit) return e.code;
        if (e instanceof ScriptError) {
          proc.stderr.write(`Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n${/^\w+Error:/.test(e.message) ? e.message : `SyntaxError: ${e.message}`}\n`);
          return 1;
        }
        throw e;
      }
    };
    if (code !== undefined) return yield* exec(code);
    if (args[0] !== undefined && !args[0].startsWith('-')) {
      proc.stderr.write(`python: can't open file '${args[0]}': this sandbox's python runs -c programs and its prompt only\n`);
      return 2;
    }
    proc.stdout.write(`Python ${version} (main) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n>>> `);
    for (;;) {
      const line = yield* host.readLine();
      if (line === undefined) break;
      if (line.trim() === 'exit()' || line.trim() === 'quit()') return 0;
      if (line.trim() !== '') {
        try {
          const v = /^[\w.]+\s*=|^(import|for|while|if|from|print)\b/.test(line.trim()) ? undefined : py.eval(line);
          if (v === undefined) yield* py.run(parse(line));
          else if (v !== null) proc.stdout.write(`${repr(v, false)}\n`);
        } catch (e) {
          if (e instanceof ScriptExit) return e.code;
          if (!(e instanceof ScriptError)) throw e;
          proc.stdout.write(`${/^\w+Error:/.test(e.message) ? e.message : `SyntaxError: ${e.message}`}\n`);
        }
      }
      proc.stdout.write('>>> ');
    }
    proc.stdout.write('\n');
    return 0;
  };
}
