/** `exec "$@"` for entrypoint programs: the same process becomes another program (PID and streams kept). */
import type { Proc } from '../kernel/process.js';
import type { Task } from '../kernel/waitable.js';

export function* execInPlace(proc: Proc, argv: string[], scriptName: string): Task<number> {
  const found = argv[0] === undefined ? undefined : proc.sys.resolve(argv[0], proc.env);
  if (!found) {
    proc.stderr.write(`${scriptName}: exec: ${argv[0] ?? ''}: not found\n`);
    return 127;
  }
  proc.exec(argv);
  return yield* found.program(proc);
}
