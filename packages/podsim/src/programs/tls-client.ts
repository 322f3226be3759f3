/**
 * The client side of a TLS handshake as curl 8.5 with OpenSSL 3.0 ends it (lib/vtls/openssl.c): the CA
 * file is loaded first (unreadable: error 77, unless -k makes verification optional), a server that does
 * not speak TLS fails with OpenSSL's "wrong version number" (35), a certificate no trusted CA signed or
 * one that does not name the host the URL gives fails verification (60).
 */
import { machineOf } from '../kernel/machine.js';
import type { HttpResponse, Listener } from '../kernel/net.js';
import type { Proc } from '../kernel/process.js';
import { abs } from './util.js';

export interface TlsOptions {
  /** -k / --insecure: do not verify the peer. */
  insecure: boolean;
  /** --cacert FILE: the CAs to trust instead of the system's. */
  cacert?: string;
}

export interface TlsFailure {
  code: number;
  message: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const pemBlocks = (text: string): string[] => (text.match(PEM_BLOCK) ?? []).map((b) => b.replace(/\s+/g, ''));

/** Why the handshake with `listener` for `host` fails, or undefined when it succeeds. */
export function handshake(proc: Proc, listener: Listener, host: string, o: TlsOptions): TlsFailure | undefined {
  let trusted: string[] | undefined;
  if (o.cacert !== undefined) {
    const text = machineOf(proc).fs.readFileOr(abs(proc, o.cacert), '');
    trusted = pemBlocks(text);
    if (!trusted.length && !o.insecure) return { code: 77, message: `error setting certificate file: ${o.cacert}` };
  }
  const cert = listener.tls;
  if (!cert) return { code: 35, message: 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number' };
  if (o.insecure) return undefined;
  const issuedBy = cert.issuer === 'public' ? trusted === undefined : cert.issuer !== 'self' && !!trusted?.includes(pemBlocks(cert.issuer)[0]);
  if (!issuedBy) return { code: 60, message: `SSL certificate problem: ${cert.issuer === 'self' ? 'self-signed certificate' : 'unable to get local issuer certificate'}` };
  if (!cert.names.includes(host)) return { code: 60, message: `SSL: no alternative certificate subject name matches target host name '${host}'` };
  return undefined;
}

/** What curl adds after a verification failure (src/tool_operate.c, CURL_CA_CERT_ERRORMSG in 8.5.0). */
export const CA_CERT_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** What Go's net/http writes to a plain-HTTP request on a TLS port (server.go). */
export const PLAIN_HTTP_TO_TLS: HttpResponse = { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' };
