/** Builtins that only print or change the shell's own state: echo, pwd, cd, exit and friends. */
import { X } from '../../kernel/access.js';
import { FsError } from '../../kernel/fs.js';
import { BreakSignal, ExitSignal, ReturnSignal } from '../control.js';
import type { Builtin } from './types.js';

export const trueBuiltin: Builtin = function* () {
  return 0;
};

export const falseBuiltin: Builtin = function* () {
  return 1;
};

/** Backslash escapes of `echo -e` and printf's %b. Returns the text and whether \c stopped output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
    if (c in simple) out += simple[c];
    else if (c === 'c') return { text: out, stop: true };
    else if (c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (c === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0];
      if (m) {
        out += String.fromCharCode(parseInt(m, 16));
        i += m.length;
      } else out += '\\x';
    } else out += '\\' + c;
  }
  return { text: out, stop: false };
}

export const echo: Builtin = function* (sh, argv, io) {
  if (sh.flavour.xsiEcho) {
    const noNewline = argv[1] === '-n';
    const r = echoEscapes(argv.slice(noNewline ? 2 : 1).join(' '));
    io.stdout.write(r.text + (noNewline || r.stop ? '' : '\n'));
    return 0;
  }
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) {
    for (const f of argv[i].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.stdout.write(text + (newline ? '\n' : ''));
  return 0;
};

export const pwd: Builtin = function* (sh, _argv, io) {
  io.stdout.write(sh.cwd + '\n');
  return 0;
};

export const cd: Builtin = function* (sh, argv, io) {
  let dir = argv[1];
  let print = false;
  if (dir === undefined || dir === '~') dir = sh.getVar('HOME') ?? '/';
  else if (dir === '-') {
    dir = sh.getVar('OLDPWD') ?? '';
    if (!dir) {
      sh.error('cd: OLDPWD not set', io);
      return 1;
    }
    print = true;
  }
  if (argv.length > 2 && sh.flavour.name === 'bash') {
    sh.error('cd: too many arguments', io);
    return 1;
  }
  const abs = sh.resolvePath(dir);
  try {
    if (sh.fs.stat(abs).kind !== 'dir') throw new FsError('ENOTDIR', abs);
    sh.fs.access(abs, X);
  } catch (e) {
    sh.error(sh.flavour.cdFailed(dir, e instanceof FsError ? e.text : String(e)), io);
    return 1;
  }
  sh.setVar('OLDPWD', sh.cwd, true);
  sh.cwd = abs;
  sh.proc.cwd = abs;
  sh.setVar('PWD', abs, true);
  if (print) io.stdout.write(abs + '\n');
  return 0;
};

function statusArg(sh: Parameters<Builtin>[0], arg: string | undefined, io: Parameters<Builtin>[2], name: string): number {
  if (arg === undefined) return sh.status;
  if (!/^-?\d+$/.test(arg)) {
    sh.error(`${name}: ${arg}: numeric argument required`, io);
    return 2;
  }
  return Number(arg) & 255;
}

export const exit: Builtin = function* (sh, argv, io) {
  throw new ExitSignal(statusArg(sh, argv[1], io, 'exit'));
};

export const returnBuiltin: Builtin = function* (sh, argv, io) {
  if (sh.locals.length === 0 && !sh.origin.script) {
    sh.error("return: can only `return' from a function or sourced script", io);
    return 1;
  }
  throw new ReturnSignal(statusArg(sh, argv[1], io, 'return'));
};

export function loopControl(kind: 'break' | 'continue'): Builtin {
  return function* (sh, argv, io) {
    if (sh.loopDepth === 0) {
      if (sh.flavour.name === 'bash') sh.error(`${kind}: only meaningful in a \`for', \`while', or \`until' loop`, io);
      return 0;
    }
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      sh.error(`${kind}: ${argv[1]}: loop count out of range`, io);
      return 1;
    }
    throw new BreakSignal(kind, Math.min(n, sh.loopDepth));
  };
}

export const shift: Builtin = function* (sh, argv, io) {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0 || n > sh.positional.length) {
    if (sh.flavour.name === 'ash') sh.error("shift: can't shift that many", io);
    return 1;
  }
  sh.positional = sh.positional.slice(n);
  return 0;
};
