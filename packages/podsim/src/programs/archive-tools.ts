/** The archive tool; its code is a lazy part (archive-tools.lazy.ts). */
import { lazyPrograms } from '../kernel/lazy-program.js';
import { LazyPart } from '../lazy/part.js';
import tools from './archive-tools.lazy.js';

export const ARCHIVE_TOOLS = lazyPrograms(new LazyPart('archive-tools', tools), ['tar']);
