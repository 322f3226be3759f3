/**
 * BIND's dig: the name as given (no search list unless +search), `@server`, `-x` for PTR, `+short`
 * (the addresses alone) and the full answer: banner, header with status and flags (CoreDNS answers
 * authoritatively for cluster.local and does not recurse: `qr aa rd` and the recursion warning),
 * question and answer sections in BIND's tab-stop layout (records at columns 24/32/40/48), the
 * cluster zone's SOA under AUTHORITY for NXDOMAIN, and the statistics lines.
 */
import type { Proc, Program } from '../../kernel/process.js';
import { candidateNames } from '../net-client.js';
import { strftime } from '../date.js';
import { ask, reverseName, serverOf, unreachable, type BindRelease } from './lookup.js';

const TRIES = 3;
/** The Corefile's `ttl 30` for the kubernetes plugin's records. */
const TTL = 30;

/** BIND's master-file style: each field starts at its tab stop (tabs of 8), or after one space once past it. */
function record(fields: string[], stops: number[]): string {
  let out = '';
  let col = 0;
  fields.forEach((f, i) => {
    if (i > 0) {
      const stop = stops[i - 1];
      if (col >= stop) {
        out += ' ';
        col++;
      } else {
        while (col < stop) {
          out += '\t';
          col = (Math.floor(col / 8) + 1) * 8;
        }
      }
    }
    out += f;
    col += f.length;
  });
  return out;
}

/** Wire length of a name: a length byte per label plus the root. */
const wireLength = (fqdn: string) => fqdn.split('.').filter(Boolean).reduce((n, l) => n + l.length + 1, 1);

function queryId(proc: Proc, name: string): number {
  let h = proc.clock.now() >>> 0;
  for (const c of name) h = (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0) & 0xffff;
  return h & 0xffff;
}

export function bindDig(release: BindRelease): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    const short = args.includes('+short');
    const search = args.includes('+search');
    const at = args.find((a) => a.startsWith('@'))?.slice(1);
    const x = args.indexOf('-x');
    const ptr = x >= 0 ? args[x + 1] : undefined;
    const plain = args.filter((a, i) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-') && !(x >= 0 && i === x + 1));
    const typeArg = plain.find((a) => /^(A|AAAA|PTR|SRV|MX|TXT|NS|SOA|ANY)$/i.test(a));
    const name = ptr ?? plain.find((a) => a !== typeArg) ?? '.';
    const server = serverOf(proc, at);
    const qname = ptr ? `${reverseName(ptr)}.` : name.endsWith('.') ? name : `${name}.`;
    const qtype = ptr ? 'PTR' : (typeArg ?? 'A').toUpperCase();
    const names = ptr ? [ptr] : search ? candidateNames(proc, name) : [name.replace(/\.$/, '')];
    const found = qtype === 'A' || qtype === 'PTR' || qtype === 'SRV' ? yield* ask(proc, server, names, qtype, TRIES) : { nxdomain: true as const };
    const banner = `; <<>> DiG ${release.version} <<>> ${args.join(' ')}\n${at ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
    if ('timedOut' in found) {
      const text = unreachable(server, TRIES);
      proc.stdout.write(short ? text : `${text.replace(/;; no servers.*\n$/, '')}\n${banner};; no servers could be reached\n\n`);
      // dig's status for "no reply from server".
      return 9;
    }
    const answered = 'ips' in found;
    const owner = answered && !ptr ? `${found.fqdn}.` : qname;
    const rdata = answered ? found.ips.map((v) => (ptr ? `${v}.` : v)) : [];
    if (short) {
      proc.stdout.write(rdata.map((r) => `${r}\n`).join(''));
      return 0;
    }
    const zone = 'cluster.local.';
    const soa = `ns.dns.${zone} hostmaster.${zone} ${Math.floor(proc.clock.now() / 1000)} 7200 1800 86400 ${TTL}`;
    const authority = !answered && owner.endsWith(zone) ? [record([zone, String(TTL), 'IN', 'SOA', soa], [24, 32, 40, 48])] : [];
    const answers = rdata.map((r) => record([owner, String(TTL), 'IN', qtype, r], [24, 32, 40, 48]));
    const extra = answered ? found.extra.map((e) => record([`${e.name}.`, String(TTL), 'IN', 'A', e.ip], [24, 32, 40, 48])) : [];
    // Owners are pointers to names already in the message; an SRV target is written out (RFC 2782).
    const rdataSize = (r: string) => (qtype === 'SRV' ? 6 + wireLength(r.split(' ')[3]) : ptr ? wireLength(r) : 4);
    const size = 12 + wireLength(owner) + 4 + rdata.reduce((n, r) => n + 2 + 10 + rdataSize(r), 0) + extra.length * (2 + 10 + 4) + (authority.length ? 2 + 10 + 2 * wireLength(zone) + 20 : 0) + 11;
    let out = `\n${banner};; Got answer:\n`;
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${answered ? 'NOERROR' : 'NXDOMAIN'}, id: ${queryId(proc, qname)}\n`;
    out += `;; flags: qr aa rd; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${extra.length + 1}\n;; WARNING: recursion requested but not available\n\n`;
    out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n${record([`;${qname}`, 'IN', qtype], [32, 40])}\n\n`;
    if (answers.length) out += `;; ANSWER SECTION:\n${answers.join('\n')}\n\n`;
    if (authority.length) out += `;; AUTHORITY SECTION:\n${authority.join('\n')}\n\n`;
    if (extra.length) out += `;; ADDITIONAL SECTION:\n${extra.join('\n')}\n\n`;
    out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${strftime('%a %b %d %H:%M:%S UTC %Y', proc.clock.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`;
    proc.stdout.write(out);
    return 0;
  };
}
