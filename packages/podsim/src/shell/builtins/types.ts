import type { Task } from '../../kernel/waitable.js';
import type { Io } from '../io.js';
import type { Shell } from '../shell.js';

/** A builtin runs inside the shell's own process; argv[0] is its name. */
export type Builtin = (sh: Shell, argv: string[], io: Io) => Task<number>;
