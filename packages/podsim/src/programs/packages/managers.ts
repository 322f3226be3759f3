/** The package managers as images ship them; their code is a lazy part (managers.lazy.ts). */
import { lazyPrograms } from '../../kernel/lazy-program.js';
import { LazyPart } from '../../lazy/part.js';
import managers from './managers.lazy.js';

export const PACKAGE_MANAGERS = lazyPrograms(new LazyPart('package-managers', managers), ['apk', 'apt-get', 'dnf']);
