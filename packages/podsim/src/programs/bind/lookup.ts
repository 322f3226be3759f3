/**
 * What the BIND 9 tools (dig, host, nslookup of the dnsutils / bind-tools packages) share: asking the
 * resolv.conf nameserver (or `@server`) with its retries, and what 9.18 prints when no server
 * answers: every timed-out try (`;; communications error to S#53: timed out`), then
 * `;; no servers could be reached`.
 */
import type { Proc } from '../../kernel/process.js';
import { sleep, wait, type Task } from '../../kernel/waitable.js';
import { candidateNames, queryDns, resolverConf } from '../net-client.js';

export interface BindRelease {
  /** As `dig` prints it after `DiG ` (Debian appends its package revision). */
  version: string;
}

const TRY_MS = 5_000;

export type Answer = { fqdn: string; ips: string[]; extra: { name: string; ip: string }[] } | { nxdomain: true } | { timedOut: true };

export type QueryType = 'A' | 'PTR' | 'SRV';

/** Asks `server` for each name in turn until one has addresses; waits out the tries when nothing answers. */
export function* ask(proc: Proc, server: string, names: string[], type: QueryType, tries: number): Task<Answer> {
  for (const name of names) {
    const reply = queryDns(proc, server, { name, type });
    if (!reply) {
      yield* wait(sleep(proc.clock, TRY_MS * tries));
      return { timedOut: true };
    }
    if (reply.answers.length) return { fqdn: name, ips: reply.answers, extra: reply.extra ?? [] };
  }
  return { nxdomain: true };
}

export interface Query {
  /** As the tools print it: the name asked for, or an address's in-addr.arpa name. */
  name: string;
  server: string;
  explicit: boolean;
  ptr: boolean;
  type: QueryType;
  found: Answer;
}

/**
 * host's and nslookup's `NAME [SERVER]`: an address is asked for its PTR record, a name for A
 * records (or the type `-t TYPE` / `-type=TYPE` names: SRV) over the search list. Undefined, after
 * the usage text, without a NAME.
 */
export function* query(proc: Proc, usage: string, tries: number): Task<Query | undefined> {
  const args = proc.argv.slice(1);
  let asked = 'A';
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const typed = args[i] === '-t' ? args[++i] : /^-(?:type|query|q)=(.+)$/i.exec(args[i])?.[1];
    if (typed !== undefined) asked = typed.toUpperCase();
    else if (!args[i].startsWith('-')) operands.push(args[i]);
  }
  const [name, explicit] = operands;
  if (!name) {
    proc.stderr.write(usage);
    return undefined;
  }
  const server = serverOf(proc, explicit);
  const ptr = /^\d+\.\d+\.\d+\.\d+$/.test(name);
  const type: QueryType = ptr ? 'PTR' : asked === 'SRV' ? 'SRV' : 'A';
  const found = yield* ask(proc, server, ptr ? [name] : candidateNames(proc, name), type, tries);
  return { name: ptr ? reverseName(name) : name, server, explicit: explicit !== undefined, ptr, type, found };
}

export function serverOf(proc: Proc, explicit: string | undefined): string {
  return explicit ?? resolverConf(proc).nameserver ?? '127.0.0.1';
}

/** The lines printed when no server answered `tries` times. */
export function unreachable(server: string, tries: number): string {
  return `${`;; communications error to ${server}#53: timed out\n`.repeat(tries)};; no servers could be reached\n`;
}

/** `10.96.0.1` → `1.0.96.10.in-addr.arpa` */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}
