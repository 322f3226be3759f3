/** env (print, or run a command with a changed environment) and printenv. */
import type { Program } from '../kernel/process.js';
import { wait } from '../kernel/waitable.js';
import { flavorOf, progName } from './util.js';

export const env: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let vars: Record<string, string> = { ...proc.env };
  while (args.length > 0) {
    const a = args[0];
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u' && args.length > 1) {
      args.shift();
      delete vars[args[0]];
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else break;
    args.shift();
  }
  if (args.length === 0) {
    proc.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const found = proc.sys.resolve(args[0], vars);
  if (!found) {
    proc.stderr.write(flavorOf(proc) === 'gnu' ? `${progName(proc)}: '${args[0]}': No such file or directory\n` : `${progName(proc)}: can't execute '${args[0]}': No such file or directory\n`);
    return 127;
  }
  const child = proc.ns.spawn({ argv: args, program: found.program, env: vars, cwd: proc.cwd, stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr, parent: proc, sys: proc.sys });
  return yield* wait(child.exited);
};

export const printenv: Program = function* (proc) {
  const names = proc.argv.slice(1);
  if (names.length === 0) {
    proc.stdout.write(Object.entries(proc.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (n in proc.env) proc.stdout.write(`${proc.env[n]}\n`);
    else status = 1;
  }
  return status;
};
