/** sudo on a node: the reader is root there, so the command runs as root with sudo's variables set. */
import type { Program } from '../../kernel/process.js';
import { wait } from '../../kernel/waitable.js';

const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

export const sudo: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let loginShell = false;
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '--') break;
    if (a === '-i' || a === '-s' || a === '--login' || a === '--shell') loginShell = true;
    else if (a === '-u' || a === '--user') {
      const user = args.shift();
      if (user !== 'root') {
        proc.stderr.write(`sudo: unknown user ${user ?? ''}\nsudo: error initializing audit plugin sudoers_audit\n`);
        return 1;
      }
    } else if (!/^-[EHnSkA]+$/.test(a)) {
      proc.stderr.write(`sudo: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\n${USAGE}`);
      return 1;
    }
  }
  if (args.length === 0 && !loginShell) {
    proc.stderr.write(USAGE);
    return 1;
  }
  const argv = args.length ? args : ['-bash'];
  const command = argv[0] === '-bash' ? 'bash' : argv[0];
  const found = proc.sys.resolve(command, proc.env);
  if (!found) {
    proc.stderr.write(`sudo: ${command}: command not found\n`);
    return 1;
  }
  const env = { ...proc.env, USER: 'root', LOGNAME: 'root', HOME: '/root', SUDO_USER: proc.env.USER ?? 'root', SUDO_UID: '0', SUDO_GID: '0', SUDO_COMMAND: `/usr/bin/${command}` };
  const child = proc.ns.spawn({ argv, program: found.program, env, cwd: loginShell && args.length === 0 ? '/root' : proc.cwd, stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr, parent: proc, sys: proc.sys });
  return yield* wait(child.exited);
};
