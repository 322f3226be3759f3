/**
 * `openssl req -x509 -newkey rsa:BITS` (OpenSSL 3.0) as the TLS pages use it: a new key and a self-signed
 * certificate for the `-subj` name, valid `-days` (30 by default) from now, written PEM-encoded to
 * -keyout and -out (stdout without -out). The key is a PKCS#8 `PRIVATE KEY`, unencrypted with
 * -nodes/-noenc; the progress line of dots and pluses and the `-----` after it go to stderr as openssl's
 * do. The key material is derived from the virtual time and the process: structurally real, not a
 * working key (x509.ts). Without -subj openssl would prompt for each name field; the sandbox asks for -subj.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { certificateDer, pem, privateKeyDer, type Name } from '../../format/x509.js';
import { machineOf } from '../../kernel/machine.js';
import type { Proc } from '../../kernel/process.js';
import { abs, errText } from '../util.js';

const DAY = 86_400_000;
const KNOWN = new Set(['C', 'ST', 'L', 'O', 'OU', 'CN']);

function bytes(seed: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 32) out.set(sha256(new TextEncoder().encode(`${seed}:${i}`)).slice(0, n - i), i);
  return out;
}

/** `/CN=my-nginx/O=my-nginx` as openssl reads it (parse_name): `/`-separated type=value pairs. */
function subjectOf(proc: Proc, text: string): Name | string {
  if (!text.startsWith('/')) return `req: name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${text}'`;
  const out: Name = [];
  for (const part of text.slice(1).split('/').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) return `req: Hit end of string before finding the '='`;
    const type = part.slice(0, eq);
    if (!KNOWN.has(type)) proc.stderr.write(`req: Skipping unknown subject name attribute "${type}"\n`);
    else out.push([type, part.slice(eq + 1)]);
  }
  return out;
}

/** The keygen callback's trace: a `.` per candidate, `+` per test passed, `*` per prime found. */
function progress(seed: Uint8Array): string {
  const marks = [...seed].map((b) => (b < 150 ? '.' : b < 240 ? '+' : '.+')).join('');
  return `${marks}${'+'.repeat(39)}*${marks.slice(0, 40)}${'+'.repeat(39)}*${marks.slice(40, 80)}\n-----\n`;
}

export function req(proc: Proc, args: string[]): number {
  const o: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^--/, '-');
    if (['-x509', '-nodes', '-noenc', '-new', '-batch'].includes(a)) o[a] = true;
    else if (['-days', '-newkey', '-keyout', '-out', '-subj'].includes(a)) {
      const v = args[++i];
      if (v === undefined) {
        proc.stderr.write(`req: Option ${a} needs a value\nreq: Use -help for summary.\n`);
        return 1;
      }
      o[a] = v;
    } else if (/^-(sha\d+|utf8)$/.test(a)) o[a] = true;
    else {
      proc.stderr.write(`req: Unknown option: ${a}\nreq: Use -help for summary.\n`);
      return 1;
    }
  }
  if (!o['-x509'] || typeof o['-newkey'] !== 'string') {
    proc.stderr.write("req: only 'req -x509 -newkey rsa:BITS' (a new key and a self-signed certificate) is simulated in this sandbox\n");
    return 1;
  }
  const bits = /^rsa:(\d+)$/.exec(o['-newkey']);
  if (!bits || Number(bits[1]) < 512 || Number(bits[1]) > 16384) {
    proc.stderr.write(`req: the sandbox makes RSA keys of 512 to 16384 bits (-newkey rsa:2048), not '${o['-newkey']}'\n`);
    return 1;
  }
  if (typeof o['-subj'] !== 'string') {
    proc.stderr.write('req: the sandbox cannot prompt for the name fields: give them with -subj "/CN=name/O=org"\n');
    return 1;
  }
  const subject = subjectOf(proc, o['-subj']);
  if (typeof subject === 'string') {
    proc.stderr.write(`${subject}\n`);
    return 1;
  }
  const days = o['-days'] === undefined ? 30 : Number(o['-days']);
  if (!Number.isInteger(days) || days < 0) {
    proc.stderr.write(`req: Invalid number "${String(o['-days'])}" for option -days\n`);
    return 1;
  }
  const size = Number(bits[1]) / 8;
  const seed = `${proc.clock.now()}:${proc.pid}`;
  const modulus = bytes(`key:${seed}`, size);
  const now = proc.clock.now();
  const cert = certificateDer({ serial: bytes(`serial:${seed}`, 20), issuer: subject, subject, notBefore: now, notAfter: now + days * DAY, ca: true, modulus, signature: bytes(`sig:${seed}`, size) });
  const key = pem('PRIVATE KEY', privateKeyDer(modulus, bytes(`private:${seed}`, size)));
  proc.stderr.write(progress(bytes(`progress:${seed}`, 120)));
  const fs = machineOf(proc).fs;
  const write = (path: string, text: string): boolean => {
    try {
      fs.writeFile(abs(proc, path), text);
      return true;
    } catch (e) {
      proc.stderr.write(`req: Can't open "${path}" for writing, ${errText(e)}\n`);
      return false;
    }
  };
  if (!write(typeof o['-keyout'] === 'string' ? o['-keyout'] : 'privkey.pem', key)) return 1;
  if (typeof o['-out'] !== 'string') proc.stdout.write(pem('CERTIFICATE', cert));
  else if (!write(o['-out'], pem('CERTIFICATE', cert))) return 1;
  return 0;
}
