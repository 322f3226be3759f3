/** clear(1): home, erase the screen and the scrollback (ncurses' E3 extension), as on xterm. */
import type { Program } from '../../kernel/process.js';

export const clear: Program = function* (proc) {
  proc.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};
