/**
 * `openssl x509` (OpenSSL 3.0) reading a PEM certificate from -in FILE or stdin: -noout, and the
 * print options in the order given (-dates, -startdate, -enddate, -subject, -issuer, -serial), then
 * the certificate again unless -noout. Texts as openssl prints them: ASN1_TIME_print's
 * `Feb 13 05:57:47 2024 GMT`, the one-line names `subject=O = x, CN = y`, the serial in upper-case hex.
 */
import { fromPem, parseCertificate, pem, type Certificate, type Name } from '../../format/x509.js';
import type { Proc } from '../../kernel/process.js';
import type { Waitable } from '../../kernel/waitable.js';
import { readSources } from '../input.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

export function asn1Time(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

const oneline = (n: Name): string => n.map(([k, v]) => `${k} = ${v}`).join(', ');
const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase().replace(/^(00)+(?=.)/, '');

const PRINTS: Record<string, (c: Certificate) => string[]> = {
  '-dates': (c) => [`notBefore=${asn1Time(c.notBefore)}`, `notAfter=${asn1Time(c.notAfter)}`],
  '-startdate': (c) => [`notBefore=${asn1Time(c.notBefore)}`],
  '-enddate': (c) => [`notAfter=${asn1Time(c.notAfter)}`],
  '-subject': (c) => [`subject=${oneline(c.subject)}`],
  '-issuer': (c) => [`issuer=${oneline(c.issuer)}`],
  '-serial': (c) => [`serial=${hex(c.serial)}`],
};

export function* x509(proc: Proc, args: string[]): Generator<Waitable<unknown>, number, unknown> {
  let input: string | undefined;
  let noout = false;
  const prints: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^--/, '-');
    if (a === '-in') input = args[++i];
    else if (a === '-noout') noout = true;
    else if (PRINTS[a]) prints.push(a);
    else if (a === '-inform' && /^pem$/i.test(args[i + 1] ?? '')) i++;
    else {
      proc.stderr.write(a === '-text' || a === '-inform' ? `x509: '${a}' is not simulated in this sandbox (-dates, -startdate, -enddate, -subject, -issuer, -serial, -noout, -in are)\n` : `x509: Unknown option: ${a}\nx509: Use -help for summary.\n`);
      return 1;
    }
  }
  const [src] = yield* readSources(proc, input === undefined ? [] : [input]);
  const from = input ?? '<stdin>';
  if ('error' in src) {
    proc.stderr.write(`Could not open file or uri for loading certificate from ${from}\nUnable to load certificate\n`);
    return 1;
  }
  const der = fromPem(src.data, 'CERTIFICATE');
  const cert = der && parseCertificate(der);
  if (!der || !cert) {
    proc.stderr.write(`Could not read certificate from ${from}\nUnable to load certificate\n`);
    return 1;
  }
  const lines = prints.flatMap((p) => PRINTS[p](cert));
  proc.stdout.write(lines.map((l) => `${l}\n`).join('') + (noout ? '' : pem('CERTIFICATE', der)));
  return 0;
}
