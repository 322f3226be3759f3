/** Path helpers: chmod, ln, basename, dirname, which. */
import { machineOf } from '../kernel/machine.js';
import type { Program } from '../kernel/process.js';
import { abs, badOption, errText, fail, flavorOf, getopt, missingOperand, q } from './util.js';

/** `755`, `+x`, `u+x,go-w`, `a=r` applied to `mode`; undefined when the text is not a mode. */
export function applyMode(mode: number, text: string): number | undefined {
  if (/^[0-7]{1,4}$/.test(text)) return parseInt(text, 8);
  let m = mode;
  for (const clause of text.split(',')) {
    const c = /^([ugoa]*)([+=-])([rwx]*)$/.exec(clause);
    if (!c) return undefined;
    const who = c[1] === '' || c[1].includes('a') ? 'ugo' : c[1];
    let bits = 0;
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      for (const p of c[3]) bits |= (p === 'r' ? 4 : p === 'w' ? 2 : 1) << shift;
      if (c[2] === '=') m &= ~(7 << shift);
    }
    m = c[2] === '-' ? m & ~bits : m | bits;
  }
  return m;
}

export const chmod: Program = function* (proc) {
  const args = proc.argv.slice(1).filter((a) => a !== '-R');
  const [modeText, ...files] = args;
  if (modeText === undefined || files.length === 0) return missingOperand(proc);
  const { fs } = machineOf(proc);
  let status = 0;
  const gnu = flavorOf(proc) === 'gnu';
  for (const f of files) {
    let stage = 'cannot access';
    try {
      const mode = applyMode(fs.stat(abs(proc, f)).mode, modeText);
      if (mode === undefined) return fail(proc, `invalid mode '${modeText}'`);
      stage = 'changing permissions of';
      fs.chmod(abs(proc, f), mode);
    } catch (e) {
      proc.stderr.write(gnu ? `chmod: ${stage} ${q(f)}: ${errText(e)}\n` : `chmod: ${f}: ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const ln: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'sfnv');
  if (o.error) return badOption(proc, o.error);
  const [target, name] = o.operands;
  if (target === undefined) return missingOperand(proc);
  const { fs } = machineOf(proc);
  const link = abs(proc, name ?? target.split('/').pop() ?? target);
  try {
    if (o.flags.has('f') && fs.exists(link)) fs.remove(link);
    if (o.flags.has('s')) fs.symlink(target, link);
    else fs.writeFile(link, fs.readFile(abs(proc, target)), { mode: fs.stat(abs(proc, target)).mode });
    return 0;
  } catch (e) {
    return fail(proc, flavorOf(proc) === 'gnu' ? `failed to create ${o.flags.has('s') ? 'symbolic ' : 'hard '}link ${q(name ?? target)}: ${errText(e)}` : `${name ?? target}: ${errText(e)}`);
  }
};

export const basenameProgram: Program = function* (proc) {
  const [path, suffix] = proc.argv.slice(1);
  if (path === undefined) return missingOperand(proc);
  let b = path.replace(/\/+$/, '').split('/').pop() || '/';
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  proc.stdout.write(`${b}\n`);
  return 0;
};

export const dirnameProgram: Program = function* (proc) {
  const path = proc.argv[1];
  if (path === undefined) return missingOperand(proc);
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  proc.stdout.write(`${i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i)}\n`);
  return 0;
};

export const which: Program = function* (proc) {
  let status = 0;
  for (const name of proc.argv.slice(1)) {
    const found = proc.sys.resolve(name, proc.env);
    if (found) proc.stdout.write(`${found.path}\n`);
    else status = 1;
  }
  return status;
};
