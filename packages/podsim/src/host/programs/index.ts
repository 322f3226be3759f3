/** Programs only the reader's machine has (on top of the shared coreutils in src/programs). */
import type { Program } from '../../kernel/process.js';
import { clear } from './clear.js';
import { lazyPrograms } from '../../kernel/lazy-program.js';
import { LazyPart } from '../../lazy/part.js';
import tools from './tools.lazy.js';
import { editor } from './editor.js';
import { watch } from './watch.js';

export const HOST_PROGRAMS: Record<string, Program> = {
  clear,
  ...lazyPrograms(new LazyPart('host-tools', tools), ['diff', 'kompose', 'ssh']),
  watch,
  vi: editor('vi'),
  vim: editor('vi'),
  nano: editor('nano'),
  code: editor('code'),
};
