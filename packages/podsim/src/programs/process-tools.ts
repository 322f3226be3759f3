/** The process listing tools; their code is a lazy part (process-tools.lazy.ts). */
import { lazyPrograms } from '../kernel/lazy-program.js';
import { LazyPart } from '../lazy/part.js';
import tools from './process-tools.lazy.js';

export const PROCESS_TOOLS = lazyPrograms(new LazyPart('process-tools', tools), ['ps', 'lsof']);
