/** Builtins that run other code or describe commands: eval, source, exec, command, type, trap, history. */
import { FsError } from '../../kernel/fs.js';
import { parseSignal, signalName } from '../../kernel/signals.js';
import { evaluate, ArithError } from '../arith.js';
import { ExitSignal, ReturnSignal } from '../control.js';
import { execProgram, spawnProgram, waitForeground } from '../foreground.js';
import type { Shell } from '../shell.js';
import type { Builtin } from './types.js';

export const evalBuiltin: Builtin = function* (sh, argv, io) {
  return yield* sh.runSource(sh, argv.slice(1).join(' '), io);
};

export const source: Builtin = function* (sh, argv, io) {
  const file = argv[1];
  if (file === undefined) {
    sh.error(`${argv[0]}: filename argument required`, io);
    return 2;
  }
  let text: string;
  try {
    text = sh.fs.readFile(sh.resolvePath(file));
  } catch (e) {
    sh.error(sh.flavour.name === 'bash' ? `${file}: ${e instanceof FsError ? e.text : String(e)}` : `.: can't open '${file}'`, io);
    return 1;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  try {
    return yield* sh.runSource(sh, text, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.positional = saved;
  }
};

/** `exec cmd`: the command replaces the shell, so the shell ends with its status. */
export const exec: Builtin = function* (sh, argv, io) {
  if (argv.length < 2) return 0;
  const env = sh.environment();
  const found = sh.proc.sys.resolve(argv[1], env, sh.fs);
  if (!found) {
    sh.error(sh.flavour.name === 'bash' ? `exec: ${argv[1]}: not found` : sh.flavour.notFound(argv[1]), io);
    throw new ExitSignal(127);
  }
  return yield* execProgram(sh, argv.slice(1), found.program, env, io);
};

export type CommandKind = { kind: 'alias'; value: string } | { kind: 'function' } | { kind: 'builtin' } | { kind: 'file'; path: string } | undefined;

export function commandKind(sh: Shell, name: string, builtins: Record<string, Builtin>): CommandKind {
  const a = sh.aliases.get(name);
  if (a !== undefined) return { kind: 'alias', value: a };
  if (sh.functions.has(name)) return { kind: 'function' };
  if (builtins[name]) return { kind: 'builtin' };
  const found = sh.proc.sys.resolve(name, sh.environment(), sh.fs);
  return found ? { kind: 'file', path: found.path } : undefined;
}

export function typeBuiltin(builtins: Record<string, Builtin>): Builtin {
  return function* (sh, argv, io) {
    let status = 0;
    const terse = argv[1] === '-t';
    for (const name of argv.slice(terse ? 2 : 1)) {
      const k = commandKind(sh, name, builtins);
      if (terse) {
        if (k) io.stdout.write(`${k.kind}\n`);
        else status = 1;
        continue;
      }
      if (!k) {
        if (sh.flavour.name === 'bash') sh.error(`type: ${name}: not found`, io);
        else io.stdout.write(`${name}: not found\n`);
        status = 1;
        continue;
      }
      const text =
        k.kind === 'alias'
          ? sh.flavour.name === 'bash'
            ? `is aliased to \`${k.value}'`
            : `is an alias for ${k.value}`
          : k.kind === 'function'
            ? 'is a function'
            : k.kind === 'builtin'
              ? sh.flavour.name === 'bash'
                ? 'is a shell builtin'
                : 'is a shell builtin'
              : `is ${k.path}`;
      io.stdout.write(`${name} ${text}\n`);
    }
    return status;
  };
}

export function commandBuiltin(builtins: Record<string, Builtin>): Builtin {
  return function* (sh, argv, io) {
    if (argv[1] === '-v' || argv[1] === '-V') {
      let status = 0;
      for (const name of argv.slice(2)) {
        const k = commandKind(sh, name, builtins);
        if (!k) status = 1;
        else io.stdout.write(`${k.kind === 'file' ? k.path : k.kind === 'alias' ? `alias ${name}='${k.value}'` : name}\n`);
      }
      return status;
    }
    const args = argv.slice(1);
    if (args.length === 0) return 0;
    const b = builtins[args[0]];
    if (b) return yield* b(sh, args, io);
    const env = sh.environment();
    const found = sh.proc.sys.resolve(args[0], env, sh.fs);
    if (!found) {
      sh.error(sh.flavour.notFound(args[0]), io);
      return 127;
    }
    const p = spawnProgram(sh, args, found.program, env, io, sh.jobControl ? { newGroup: true } : {});
    return yield* waitForeground(sh, [p], args.join(' '));
  };
}

function signalSpec(s: string): number | 'EXIT' | undefined {
  if (s === 'EXIT' || s === '0') return 'EXIT';
  return parseSignal(s);
}

export const trap: Builtin = function* (sh, argv, io) {
  if (argv.length === 1 || argv[1] === '-p') {
    for (const [sig, action] of sh.traps) io.stdout.write(`trap -- '${action.replace(/'/g, `'\\''`)}' ${sig === 'EXIT' ? 'EXIT' : (signalName(sig) ?? sig)}\n`);
    return 0;
  }
  if (argv[1] === '-l') {
    io.stdout.write('1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n');
    return 0;
  }
  let action: string | undefined = argv[1];
  let specs = argv.slice(2);
  if (signalSpec(action) !== undefined && /^\d+$/.test(action) === false && specs.length === 0) {
    specs = [action];
    action = '-';
  }
  if (action === '-') action = undefined;
  let status = 0;
  for (const s of specs) {
    const sig = signalSpec(s);
    if (sig === undefined) {
      sh.error(sh.flavour.name === 'bash' ? `trap: ${s}: invalid signal specification` : `trap: ${s}: bad trap`, io);
      status = 1;
      continue;
    }
    if (action === undefined) {
      sh.traps.delete(sig);
      if (sig !== 'EXIT') sh.proc.trap(sig, 'default');
    } else {
      sh.traps.set(sig, action);
      if (sig !== 'EXIT') sh.proc.trap(sig, action === '' ? 'ignore' : () => sh.pendingTraps.push(sig));
    }
  }
  return status;
};

export const history: Builtin = function* (sh, argv, io) {
  if (argv[1] === '-c') {
    sh.history.clear();
    return 0;
  }
  const n = argv[1] === undefined ? undefined : Number(argv[1]);
  if (n !== undefined && !Number.isInteger(n)) {
    sh.error(`history: ${argv[1]}: numeric argument required`, io);
    return 1;
  }
  io.stdout.write(sh.history.format(n));
  return 0;
};

export const letBuiltin: Builtin = function* (sh, argv, io) {
  let v = 0;
  try {
    for (const e of argv.slice(1)) v = evaluate(e, { get: (n) => sh.getVar(n), set: (n, x) => sh.setVar(n, x) });
  } catch (e) {
    sh.error(`let: ${e instanceof ArithError ? e.message : String(e)}`, io);
    return 1;
  }
  return v === 0 ? 1 : 0;
};
