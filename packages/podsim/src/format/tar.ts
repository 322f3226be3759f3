/**
 * The tar archive format (POSIX ustar, with GNU long names and PAX paths read back) over podsim's
 * streams, which carry text: an archive is the string whose UTF-8 encoding is the archive's bytes,
 * so it crosses a pipe, an exec stream or `podsim serve` unchanged, and sizes count UTF-8 bytes.
 */

export type TarEntryType = 'file' | 'dir' | 'symlink';

export interface TarEntry {
  name: string;
  type: TarEntryType;
  /** Permission bits (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** File content (files only). */
  data: string;
  /** Link target (symlinks only). */
  linkname: string;
}

const BLOCK = 512;
/** GNU tar writes whole records of 20 blocks; Go's archive/tar and busybox stop after the two zero blocks. */
export const GNU_RECORD = 20 * BLOCK;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function putString(h: Uint8Array, at: number, len: number, s: string): void {
  h.set(encoder.encode(s).subarray(0, len), at);
}

function putOctal(h: Uint8Array, at: number, len: number, n: number): void {
  putString(h, at, len - 1, Math.max(0, Math.floor(n)).toString(8).padStart(len - 1, '0'));
}

const TYPE_FLAG: Record<TarEntryType, string> = { file: '0', dir: '5', symlink: '2' };

/** Splits a long name into ustar's prefix/name fields at a slash; undefined when it cannot be. */
function ustarSplit(name: string): [prefix: string, rest: string] | undefined {
  const bytes = encoder.encode(name).length;
  if (bytes <= 100) return ['', name];
  for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(rest).length <= 100 && rest) return [prefix, rest];
  }
  return undefined;
}

function header(e: { name: string; typeflag: string; mode: number; uid: number; gid: number; mtime: number; size: number; linkname: string }, prefix = ''): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, e.name);
  putOctal(h, 100, 8, e.mode);
  putOctal(h, 108, 8, e.uid);
  putOctal(h, 116, 8, e.gid);
  putOctal(h, 124, 12, e.size);
  putOctal(h, 136, 12, e.mtime);
  h.fill(0x20, 148, 156);
  putString(h, 156, 1, e.typeflag);
  putString(h, 157, 100, e.linkname);
  putString(h, 257, 8, 'ustar\x0000');
  putString(h, 265, 32, e.uid === 0 ? 'root' : '');
  putString(h, 297, 32, e.gid === 0 ? 'root' : '');
  putString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 7, sum.toString(8).padStart(6, '0') + '\0');
  return h;
}

function zeros(n: number): string {
  return '\0'.repeat(n);
}

function padded(text: string): string {
  const rem = encoder.encode(text).length % BLOCK;
  return rem ? text + zeros(BLOCK - rem) : text;
}

/** One entry's blocks; a name ustar cannot hold goes first in a GNU `././@LongLink` entry. */
function entryBlocks(e: TarEntry): string {
  const size = e.type === 'file' ? encoder.encode(e.data).length : 0;
  const fields = { typeflag: TYPE_FLAG[e.type], mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, size, linkname: e.linkname };
  const split = ustarSplit(e.name);
  let out = '';
  if (!split) {
    const long = e.name + '\0';
    out += decoder.decode(header({ ...fields, name: '././@LongLink', typeflag: 'L', mode: 0o644, size: encoder.encode(long).length, linkname: '' })) + padded(long);
  }
  const [prefix, name] = split ?? ['', e.name];
  out += decoder.decode(header({ ...fields, name }, prefix));
  if (e.type === 'file') out += padded(e.data);
  return out;
}

/** The archive of `entries`, ended by two zero blocks and padded to `recordSize` bytes when given. */
export function encodeTar(entries: TarEntry[], recordSize = 0): string {
  let out = entries.map(entryBlocks).join('') + zeros(2 * BLOCK);
  if (recordSize) {
    const rem = encoder.encode(out).length % recordSize;
    if (rem) out += zeros(recordSize - rem);
  }
  return out;
}

export interface DecodedTar {
  entries: TarEntry[];
  /** The end-of-archive blocks were seen. */
  ended: boolean;
  /** Why reading stopped early: no archive at all, a bad checksum, a truncated entry. */
  error?: 'not-tar' | 'truncated';
}

function field(b: Uint8Array, at: number, len: number): string {
  const s = b.subarray(at, at + len);
  const nul = s.indexOf(0);
  return decoder.decode(nul < 0 ? s : s.subarray(0, nul));
}

function octal(b: Uint8Array, at: number, len: number): number {
  const t = field(b, at, len).trim();
  return t ? parseInt(t, 8) : 0;
}

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum === octal(h, 148, 8);
}

/** PAX extended header records `LEN key=value\n`: the path and linkpath overrides. */
function paxRecords(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\d+ ([^=]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Reads an archive (a tar stream's text) entry by entry, as far as it is whole. */
export function decodeTar(archive: string): DecodedTar {
  const bytes = encoder.encode(archive);
  const entries: TarEntry[] = [];
  let longName: string | undefined;
  let longLink: string | undefined;
  for (let at = 0; ; ) {
    // Ending on a block boundary without the zero blocks is taken as the end by both GNU tar and busybox.
    if (at === bytes.length && at > 0) return { entries, ended: false };
    if (at + BLOCK > bytes.length) return { entries, ended: false, error: at === 0 ? 'not-tar' : 'truncated' };
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return { entries, ended: true };
    if (!checksumOk(h)) return { entries, ended: false, error: at === 0 ? 'not-tar' : 'truncated' };
    const size = octal(h, 124, 12);
    const dataAt = at + BLOCK;
    if (dataAt + size > bytes.length) return { entries, ended: false, error: 'truncated' };
    const data = decoder.decode(bytes.subarray(dataAt, dataAt + size));
    at = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    const typeflag = field(h, 156, 1) || '0';
    if (typeflag === 'L' || typeflag === 'K') {
      const value = data.replace(/\0+$/, '');
      if (typeflag === 'L') longName = value;
      else longLink = value;
      continue;
    }
    if (typeflag === 'x') {
      const pax = paxRecords(data);
      longName = pax.path ?? longName;
      longLink = pax.linkpath ?? longLink;
      continue;
    }
    if (typeflag === 'g') continue;
    const prefix = field(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    const type: TarEntryType = typeflag === '5' ? 'dir' : typeflag === '2' ? 'symlink' : 'file';
    entries.push({ name, type, mode: octal(h, 100, 8) & 0o7777, uid: octal(h, 108, 8), gid: octal(h, 116, 8), mtime: octal(h, 136, 12), data: type === 'file' ? data : '', linkname: longLink ?? field(h, 157, 100) });
    longName = undefined;
    longLink = undefined;
  }
}
