/** Variable and option builtins: export, unset, set, local, read, alias, unalias. */
import { readLine } from '../io.js';
import type { Builtin } from './types.js';
import type { Shell } from '../shell.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's quoting in `set`/`declare -p` output: plain when safe, else '…'. */
function quoteValue(v: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export const exportBuiltin: Builtin = function* (sh, argv, io) {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    const names = [...sh.vars.keys()].filter((k) => sh.vars.get(k)!.exported).sort();
    for (const k of names) {
      const v = sh.vars.get(k)!.value;
      io.stdout.write(sh.flavour.name === 'bash' ? `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n` : `export ${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      sh.error(sh.flavour.name === 'bash' ? `export: \`${a}': not a valid identifier` : `export: ${a}: bad variable name`, io);
      status = 1;
      continue;
    }
    sh.exportVar(name, eq < 0 ? undefined : a.slice(eq + 1));
  }
  return status;
};

export const unset: Builtin = function* (sh, argv) {
  let functions = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) sh.functions.delete(a);
    else sh.unsetVar(a);
  }
  return 0;
};

export const local: Builtin = function* (sh, argv, io) {
  const frame = sh.locals[sh.locals.length - 1];
  if (!frame) {
    sh.error('local: can only be used in a function', io);
    return 1;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!frame.has(name)) frame.set(name, sh.vars.get(name) && { ...sh.vars.get(name)! });
    sh.setVar(name, eq < 0 ? '' : a.slice(eq + 1));
  }
  return 0;
};

const OPTION_LETTERS: Record<string, keyof Shell['opts']> = { e: 'errexit', u: 'nounset', x: 'xtrace' };

export const set: Builtin = function* (sh, argv, io) {
  if (argv.length === 1) {
    for (const k of [...sh.vars.keys()].sort()) io.stdout.write(`${k}=${quoteValue(sh.vars.get(k)!.value)}\n`);
    return 0;
  }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.positional = argv.slice(i + 1);
      return 0;
    }
    if ((a === '-o' || a === '+o') && argv[i + 1]) {
      const name = argv[++i];
      const key = name === 'pipefail' ? 'pipefail' : name === 'errexit' ? 'errexit' : name === 'nounset' ? 'nounset' : name === 'xtrace' ? 'xtrace' : undefined;
      if (!key) {
        sh.error(`set: ${name}: invalid option name`, io);
        return 1;
      }
      sh.opts[key] = a === '-o';
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const l of a.slice(1)) {
        const key = OPTION_LETTERS[l];
        if (key) sh.opts[key] = a[0] === '-';
      }
      continue;
    }
    sh.positional = argv.slice(i);
    return 0;
  }
  return 0;
};

export const read: Builtin = function* (sh, argv, io) {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r') raw = true;
    else if (a === '-p') io.stderr.write(argv[++i] ?? '');
    else if (a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
    else if (a.startsWith('-') && a.length > 1) continue;
    else names.push(a);
  }
  if (names.length === 0) names.push('REPLY');
  let line = yield* readLine(io.stdin);
  if (line === null) {
    for (const n of names) sh.setVar(n, '');
    return 1;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  if (names.length === 1 && names[0] === 'REPLY' && argv.every((a) => a !== 'REPLY')) {
    sh.setVar('REPLY', line);
    return 0;
  }
  const ws = ifs.replace(/[^ \t\n]/g, '');
  let rest = ws ? line.replace(new RegExp(`^[${ws}]+`), '') : line;
  names.forEach((n, idx) => {
    if (idx === names.length - 1) {
      sh.setVar(n, ws ? rest.replace(new RegExp(`[${ws}]+$`), '') : rest);
      return;
    }
    const m = new RegExp(`^([^${ifs.replace(/[\]\\^-]/g, '\\$&')}]*)[${ifs.replace(/[\]\\^-]/g, '\\$&')}]*`).exec(rest);
    sh.setVar(n, m ? m[1] : rest);
    rest = m ? rest.slice(m[0].length) : '';
  });
  return 0;
};

export const alias: Builtin = function* (sh, argv, io) {
  const show = (k: string) => io.stdout.write(`alias ${k}='${sh.aliases.get(k)!.replace(/'/g, `'\\''`)}'\n`);
  if (argv.length === 1 || argv[1] === '-p') {
    for (const k of [...sh.aliases.keys()].sort()) show(k);
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) show(a);
    else {
      sh.error(`alias: ${a}: not found`, io);
      status = 1;
    }
  }
  return status;
};

export const unalias: Builtin = function* (sh, argv, io) {
  if (argv[1] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (!sh.aliases.delete(a)) {
      sh.error(`unalias: ${a}: not found`, io);
      status = 1;
    }
  }
  return status;
};
