/**
 * X.509 certificates in DER (ITU-T X.690) and PEM: built for the certificates kubeadm issues (the
 * cluster CA, the admin's client certificate) and read back by `openssl x509`. The structure is real,
 * so any DER reader parses it; the key and signature bytes are derived stand-ins, not a working key.
 */

type Der = Uint8Array;

const concat = (parts: Der[]): Der => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function tlv(tag: number, content: Der): Der {
  const n = content.length;
  const len: number[] = [];
  if (n < 0x80) len.push(n);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
    len.push(0x80 | bytes.length, ...bytes);
  }
  return concat([Uint8Array.of(tag, ...len), content]);
}

const seq = (...items: Der[]): Der => tlv(0x30, concat(items));
const set = (...items: Der[]): Der => tlv(0x31, concat(items));
const explicit = (n: number, item: Der): Der => tlv(0xa0 | n, item);
const utf8 = (s: string): Der => new TextEncoder().encode(s);

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps the sign bit clear). */
function integer(bytes: Der): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const b = bytes.slice(start);
  return tlv(0x02, b[0] & 0x80 ? concat([Uint8Array.of(0), b]) : b);
}

const smallInt = (n: number): Der => integer(Uint8Array.of(n >> 16, (n >> 8) & 0xff, n & 0xff));

function oid(dotted: string): Der {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const v of rest) {
    const chunk: number[] = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

const NULL = Uint8Array.of(0x05, 0x00);
const bitString = (bytes: Der): Der => tlv(0x03, concat([Uint8Array.of(0), bytes]));
const octets = (bytes: Der): Der => tlv(0x04, bytes);
const TRUE = Uint8Array.of(0x01, 0x01, 0xff);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(ms: number): Der {
  const d = new Date(ms);
  const rest = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  return y < 2050 ? tlv(0x17, utf8(`${pad(y % 100)}${rest}`)) : tlv(0x18, utf8(`${y}${rest}`));
}

/** Distinguished name attributes in order, e.g. [['O', 'kubeadm:cluster-admins'], ['CN', 'kubernetes-admin']]. */
export type Name = [string, string][];

const ATTRIBUTES: Record<string, string> = { CN: '2.5.4.3', O: '2.5.4.10', OU: '2.5.4.11', C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7' };

const name = (n: Name): Der => seq(...n.map(([k, v]) => set(seq(oid(ATTRIBUTES[k]), tlv(0x0c, utf8(v))))));

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

export interface CertificateSpec {
  serial: Der;
  issuer: Name;
  subject: Name;
  notBefore: number;
  notAfter: number;
  ca: boolean;
  /** Stand-in bytes for the RSA-2048 modulus and the signature (256 bytes each). */
  modulus: Der;
  signature: Der;
  /** extendedKeyUsage: clientAuth for a client certificate. */
  clientAuth?: boolean;
}

export function certificateDer(c: CertificateSpec): Der {
  const rsaKey = seq(integer(concat([Uint8Array.of(0x80), c.modulus.slice(1)])), smallInt(65537));
  const keyUsage = c.ca ? Uint8Array.of(0x03, 0x02, 0x02, 0xa4) : Uint8Array.of(0x03, 0x02, 0x05, 0xa0);
  const extensions = [seq(oid('2.5.29.15'), TRUE, octets(keyUsage))];
  if (c.clientAuth) extensions.push(seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.2')))));
  extensions.push(seq(oid('2.5.29.19'), TRUE, octets(c.ca ? seq(Uint8Array.of(0x01, 0x01, 0xff)) : seq())));
  const tbs = seq(
    explicit(0, integer(Uint8Array.of(2))),
    integer(c.serial),
    seq(oid(SHA256_WITH_RSA), NULL),
    name(c.issuer),
    seq(time(c.notBefore), time(c.notAfter)),
    name(c.subject),
    seq(seq(oid('1.2.840.113549.1.1.1'), NULL), bitString(rsaKey)),
    explicit(3, seq(...extensions)),
  );
  return seq(tbs, seq(oid(SHA256_WITH_RSA), NULL), bitString(c.signature));
}

/**
 * An RSA key as PKCS#8 PrivateKeyInfo (RFC 5208) around RSAPrivateKey (RFC 8017): the modulus the
 * certificate carries, exponent 65537, and stand-in bytes for the private parts.
 */
export function privateKeyDer(modulus: Der, secret: Der): Der {
  const half = secret.subarray(0, secret.length >> 1);
  const parts = [secret, half, secret.subarray(half.length), half.subarray(1), secret.subarray(half.length + 1), half.subarray(2)];
  const rsa = seq(integer(Uint8Array.of(0)), integer(concat([Uint8Array.of(0x80), modulus.slice(1)])), smallInt(65537), ...parts.map(integer));
  return seq(integer(Uint8Array.of(0)), seq(oid('1.2.840.113549.1.1.1'), NULL), octets(rsa));
}

const toBase64 = (bytes: Der): string => btoa(String.fromCharCode(...bytes));

export function pem(label: string, der: Der): string {
  return `-----BEGIN ${label}-----\n${toBase64(der).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER of the first PEM block labelled `label` in `text`, or undefined. */
export function fromPem(text: string, label: string): Der | undefined {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!m) return undefined;
  try {
    return Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

interface Node {
  tag: number;
  content: Der;
}

function read(der: Der, at: number): { node: Node; next: number } {
  if (at + 2 > der.length) throw new Error('truncated');
  const tag = der[at];
  let len = der[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i];
    start += n;
  }
  if (start + len > der.length) throw new Error('truncated');
  return { node: { tag, content: der.subarray(start, start + len) }, next: start + len };
}

function children(n: Node): Node[] {
  const out: Node[] = [];
  for (let at = 0; at < n.content.length; ) {
    const r = read(n.content, at);
    out.push(r.node);
    at = r.next;
  }
  return out;
}

function readTime(n: Node): number {
  const s = new TextDecoder().decode(n.content);
  const m = /^(\d{2}|\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s);
  if (!m) throw new Error('bad time');
  const y = m[1].length === 2 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const ATTRIBUTE_NAMES = Object.fromEntries(Object.entries(ATTRIBUTES).map(([k, v]) => [v, k]));

function readOid(n: Node): string {
  const b = n.content;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  for (let i = 1, v = 0; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function readName(n: Node): Name {
  return children(n).map((rdn) => {
    const [type, value] = children(children(rdn)[0]);
    return [ATTRIBUTE_NAMES[readOid(type)] ?? readOid(type), new TextDecoder().decode(value.content)];
  });
}

export interface Certificate {
  serial: Der;
  issuer: Name;
  subject: Name;
  notBefore: number;
  notAfter: number;
}

/** The fields `openssl x509` prints, or undefined when `der` is not a certificate. */
export function parseCertificate(der: Der): Certificate | undefined {
  try {
    const cert = read(der, 0).node;
    const tbs = children(children(cert)[0]);
    const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
    const [serial, , issuer, validity, subject] = fields;
    const [from, to] = children(validity);
    return { serial: serial.content, issuer: readName(issuer), subject: readName(subject), notBefore: readTime(from), notAfter: readTime(to) };
  } catch {
    return undefined;
  }
}
