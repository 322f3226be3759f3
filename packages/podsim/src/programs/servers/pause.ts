/** The pause binary (kubernetes build/pause/linux/pause.c): waits; SIGINT/SIGTERM end it with 0. */
import type { Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';

export const pauseProgram: Program = function* (proc) {
  if (proc.argv[1] === '-v') {
    proc.stdout.write('pause.c v3.10\n');
    return 0;
  }
  const down = (sig: number) => {
    proc.stderr.write(`Shutting down, got signal: ${sig === SIGNALS.SIGINT ? 'Interrupt' : 'Terminated'}\n`);
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGINT, down);
  proc.trap(SIGNALS.SIGTERM, down);
  yield* wait(forever);
  return 0;
};
