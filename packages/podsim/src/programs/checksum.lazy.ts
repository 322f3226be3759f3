/**
 * md5sum, sha1sum and the SHA-2 sums: `<hex>  <name>` per file (stdin is `-`), `-c` checks a list; and
 * the SHA-512 hex digest CoreDNS logs of its configuration. The digests come from @noble/hashes
 * (synchronous and pure JS, unlike WebCrypto); a chunk of their own in the site's worker (lazy/part.ts),
 * as SHA-512's 64-bit arithmetic alone would cost the boot chunk 1 KB gzip.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Program } from '../kernel/process.js';
import { readSources, reportOpenError } from './input.js';
import { badOption, getopt } from './util.js';

type Hash = (data: Uint8Array) => Uint8Array;

function checksum(hash: Hash): Program {
  return function* (proc) {
    const o = getopt(proc.argv.slice(1), 'bctwz', { long: { binary: 'b', check: 'c', text: 't', warn: 'w', quiet: '', status: '', strict: '', tag: '' } });
    if (o.error) return badOption(proc, o.error);
    const digest = (data: string) => bytesToHex(hash(new TextEncoder().encode(data)));
    let status = 0;
    for (const src of yield* readSources(proc, o.operands)) {
      if ('error' in src) {
        yield* reportOpenError(proc, src.name, src.error);
        status = 1;
        continue;
      }
      if (!o.flags.has('c')) {
        proc.stdout.write(`${digest(src.data)}  ${src.name}\n`);
        continue;
      }
      let failed = 0;
      for (const line of src.data.split('\n').filter(Boolean)) {
        const m = /^([0-9a-fA-F]+) [ *](.+)$/.exec(line);
        if (!m) continue;
        const target = (yield* readSources(proc, [m[2]]))[0];
        const ok = !('error' in target) && digest(target.data) === m[1].toLowerCase();
        if (!ok) failed++;
        proc.stdout.write(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
      if (failed > 0) {
        proc.stderr.write(`${proc.argv[0].split('/').pop()}: WARNING: ${failed} computed checksum${failed > 1 ? 's' : ''} did NOT match\n`);
        status = 1;
      }
    }
    return status;
  };
}

export default {
  md5sum: checksum(md5),
  sha1sum: checksum(sha1),
  sha224sum: checksum(sha224),
  sha256sum: checksum(sha256),
  sha384sum: checksum(sha384),
  sha512sum: checksum(sha512),
  sha512Hex: (text: string) => bytesToHex(sha512(new TextEncoder().encode(text))),
};
