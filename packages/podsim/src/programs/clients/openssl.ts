/**
 * openssl 3.0 as far as the Secret, TLS and troubleshooting pages use it: `rand [-base64|-hex] N` (base64
 * wrapped at 64 columns as openssl does), `x509` reading a certificate (openssl-x509.ts), `req -x509 -newkey`
 * making a self-signed pair (openssl-req.ts) and `version`. The bytes are derived from the virtual time and
 * the process, so a run is reproducible. Other commands (genrsa, s_client…) say plainly that they are not simulated.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Proc, Program } from '../../kernel/process.js';
import { req } from './openssl-req.js';
import { x509 } from './openssl-x509.js';

export const OPENSSL_VERSION = 'OpenSSL 3.0.15 3 Sep 2024 (Library: OpenSSL 3.0.15 3 Sep 2024)';

function randomBytes(proc: Proc, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 32) out.set(sha256(new TextEncoder().encode(`${proc.clock.now()}:${proc.pid}:${i}`)).slice(0, n - i), i);
  return out;
}

function rand(proc: Proc, args: string[]): number {
  let format: 'raw' | 'base64' | 'hex' = 'raw';
  let count: string | undefined;
  for (const a of args) {
    if (a === '-base64') format = 'base64';
    else if (a === '-hex') format = 'hex';
    else if (a.startsWith('-')) {
      proc.stderr.write(`rand: Unknown option: ${a}\nrand: Use -help for summary.\n`);
      return 1;
    } else count = a;
  }
  const n = Number(count);
  if (count === undefined || !Number.isInteger(n) || n < 0) {
    proc.stderr.write(count === undefined ? 'rand: Missing amount\nrand: Use -help for summary.\n' : `rand: Invalid number "${count}"\n`);
    return 1;
  }
  const bytes = randomBytes(proc, n);
  if (format === 'hex') proc.stdout.write(`${bytesToHex(bytes)}\n`);
  else if (format === 'base64') {
    const b64 = btoa(String.fromCharCode(...bytes));
    proc.stdout.write(b64 === '' ? '' : `${b64.match(/.{1,64}/g)!.join('\n')}\n`);
  } else proc.stdout.write(String.fromCharCode(...bytes));
  return 0;
}

export const openssl: Program = function* (proc) {
  const [command, ...args] = proc.argv.slice(1);
  if (command === 'rand') return rand(proc, args);
  if (command === 'version') {
    proc.stdout.write(`${OPENSSL_VERSION}\n`);
    return 0;
  }
  if (command === 'x509') return yield* x509(proc, args);
  if (command === 'req') return req(proc, args);
  if (['genrsa', 'genpkey', 'rsa', 'ec', 'ecparam', 's_client', 'dgst', 'enc', 'base64', 'verify', 'pkcs12'].includes(command ?? '')) {
    proc.stderr.write(`openssl: '${command}' is not simulated in this sandbox (it needs real keys and certificates)\n`);
    return 1;
  }
  proc.stderr.write(command === undefined ? 'openssl: a command is needed (rand, x509, version)\n' : `Invalid command '${command}'; type "help" for a list.\n`);
  return 1;
};
