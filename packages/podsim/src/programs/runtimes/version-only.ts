/**
 * The language runtimes whose programs the sandbox does not run (ruby, php, go, java): their
 * version commands answer as the real ones; anything else says plainly that it is not simulated.
 */
import type { Program } from '../../kernel/process.js';

export function versionOnly(name: string, versionFlags: string[], banner: string, stream: 'stdout' | 'stderr' = 'stdout'): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args.length > 0 && versionFlags.includes(args[0])) {
      proc[stream].write(`${banner}\n`);
      return 0;
    }
    proc.stderr.write(`${name}: only '${versionFlags[0]}' is simulated in this sandbox; programs in this language do not run here\n`);
    return 1;
  };
}
