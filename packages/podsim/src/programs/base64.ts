/**
 * base64 [-d] [-w COLS] [FILE]: encodes stdin or a file (lines wrapped at 76 columns, -w 0 for
 * none) or decodes it (-d; newlines ignored, anything else outside the alphabet is an error).
 * Text is UTF-8, as `echo -n 'é' | base64` sees it.
 */
import type { Program } from '../kernel/process.js';
import { readSources, reportOpenError } from './input.js';
import { badOption, fail, getopt } from './util.js';

export const base64: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'dw:i', { long: { decode: 'd', 'ignore-garbage': 'i' } });
  if (o.error) return badOption(proc, o.error);
  const [src] = yield* readSources(proc, o.operands.slice(0, 1));
  if ('error' in src) {
    yield* reportOpenError(proc, src.name, src.error);
    return 1;
  }
  if (o.flags.has('d')) {
    const text = src.data.replace(/\n/g, '');
    const clean = o.flags.has('i') ? text.replace(/[^A-Za-z0-9+/=]/g, '') : text;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return fail(proc, 'invalid input');
    const bytes = Uint8Array.from(atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    proc.stdout.write(new TextDecoder().decode(bytes));
    return 0;
  }
  const bytes = new TextEncoder().encode(src.data);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const encoded = btoa(bin);
  const wrap = o.flags.get('w');
  const cols = wrap !== undefined ? Number(wrap) : 76;
  if (!Number.isInteger(cols) || cols < 0) return fail(proc, `invalid wrap size: '${wrap}'`);
  const lines = cols === 0 ? [encoded] : (encoded.match(new RegExp(`.{1,${cols}}`, 'g')) ?? ['']);
  // -w 0 ends without a newline, as GNU base64 does.
  proc.stdout.write(encoded === '' ? '' : cols === 0 ? encoded : `${lines.join('\n')}\n`);
  return 0;
};
