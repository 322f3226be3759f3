/** The checksum programs and digests; their code is a lazy part (checksum.lazy.ts). */
import { lazyPrograms } from '../kernel/lazy-program.js';
import { LazyPart } from '../lazy/part.js';
import contents from './checksum.lazy.js';

export const CHECKSUMS = new LazyPart('checksums', contents);

export const CHECKSUM_PROGRAMS = lazyPrograms(CHECKSUMS, ['md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum']);
