/** Programs only the reader's machine has (on top of the shared coreutils in src/programs). */
import type { Program } from '../../kernel/process.js';
import { clear } from './clear.js';
import { diff } from './diff.js';
import { editor } from './editor.js';
import { watch } from './watch.js';

export const HOST_PROGRAMS: Record<string, Program> = {
  clear,
  diff,
  watch,
  vi: editor('vi'),
  vim: editor('vi'),
  nano: editor('nano'),
  code: editor('code'),
};
