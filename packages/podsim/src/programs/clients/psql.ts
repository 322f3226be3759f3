/**
 * psql: connecting (socket or TCP, -h -p -U -d, URIs, PG* variables, the password prompt), -c and
 * statements at the `db=#` prompt, results in psql's aligned format (-t, -A), command tags,
 * errors with their LINE/caret, and the meta-commands \l \dt \c \conninfo \q. The server side is
 * programs/servers/engines/sql.ts.
 */
import type { Session } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import type { Waitable } from '../../kernel/waitable.js';
import { Host } from '../runtimes/host.js';
import type { Login, SqlResult } from '../servers/engines/sql.js';
import { pgCell, psqlTable } from './sql-tables.js';
import { splitStatements } from './sql-input.js';
import { openSession } from './wire.js';
import { CONNECT_ERROR_TEXT } from '../net-client.js';

interface Catalog {
  owner: string;
  names: string[];
}

const SOCKET = '/var/run/postgresql/.s.PGSQL.5432';

interface Conn {
  session: Session;
  db: string;
  user: string;
  host?: string;
  port: number;
  serverVersion: string;
}

interface Options {
  host?: string;
  port: number;
  user: string;
  db?: string;
  commands: string[];
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  password?: string;
}

function parseArgs(proc: Proc, args: string[]): Options | string {
  const env = proc.env;
  const o: Options = { host: env.PGHOST, port: Number(env.PGPORT ?? 5432), user: env.PGUSER ?? env.USER ?? 'root', db: env.PGDATABASE, commands: [], tuplesOnly: false, unaligned: false, quiet: false, password: env.PGPASSWORD };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (/^(-h|--host)/.test(a)) o.host = value();
    else if (/^(-p|--port)/.test(a)) o.port = Number(value());
    else if (/^(-U|--username)/.test(a)) o.user = value();
    else if (/^(-d|--dbname)/.test(a)) o.db = value();
    else if (/^(-c|--command)/.test(a)) o.commands.push(value());
    else if (a === '-t' || a === '--tuples-only') o.tuplesOnly = true;
    else if (a === '-A' || a === '--no-align') o.unaligned = true;
    else if (a === '-At' || a === '-tA') o.tuplesOnly = o.unaligned = true;
    else if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (['-w', '-W', '-X', '--no-password', '--password', '--no-psqlrc'].includes(a)) continue;
    else if (a.startsWith('-')) return `invalid option -- '${a.replace(/^-+/, '')}'`;
    else positional.push(a);
  }
  for (const p of positional) {
    const uri = /^postgres(?:ql)?:\/\/(?:([^:@/]+)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?(?:\/([^?]*))?/.exec(p);
    if (uri) {
      o.user = uri[1] ?? o.user;
      o.password = uri[2] ?? o.password;
      o.host = uri[3] || o.host;
      o.port = uri[4] ? Number(uri[4]) : o.port;
      o.db = uri[5] || o.db;
    } else if (o.db === undefined) o.db = p;
    else o.user = p;
  }
  return o;
}

function where(o: Options, ip?: string): string {
  if (!o.host) return `connection to server on socket "${SOCKET}" failed`;
  const numeric = /^[\d.]+$/.test(o.host) || o.host.includes(':');
  return `connection to server at "${o.host}"${numeric || !ip ? '' : ` (${ip})`}, port ${o.port} failed`;
}

function* connect(proc: Proc, o: Options): Generator<Waitable<unknown>, Conn | string, unknown> {
  const opened = openSession(proc, o.host ?? '127.0.0.1', o.port);
  if (!opened.ok) {
    if (opened.error === 'ENOTFOUND') return `could not translate host name "${o.host}" to address: Name or service not known`;
    if (!o.host) return `${where(o)}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`;
    if (opened.error === 'EPROTO') return `${where(o, opened.ip)}: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.`;
    return `${where(o, opened.ip)}: ${CONNECT_ERROR_TEXT[opened.error]}\n\tIs the server running on that host and accepting TCP/IP connections?`;
  }
  if (opened.session.protocol !== 'postgres') return `${where(o, opened.ip)}: received invalid response to SSL negotiation: ${opened.session.protocol === 'mysql' ? 'J' : '-'}`;
  const login = (password?: string) => opened.session.request({ login: { user: o.user, password, db: o.db } }) as Login;
  let r = login(o.password);
  if (!r.ok && r.noPassword && proc.stdin.isTTY) {
    proc.stdout.write(`Password for user ${o.user}: `);
    const line = (yield* new Host(proc).readLine()) ?? '';
    proc.stdout.write('\n');
    r = login(line);
  }
  if (!r.ok) return `${where(o, opened.ip)}: ${r.text}`;
  const serverVersion = String((opened.session.request({ query: 'SELECT version()' }) as SqlResult & { k: 'rows' }).rows[0][0]);
  return { session: opened.session, db: r.db, user: r.user, host: o.host, port: o.port, serverVersion };
}

/** `\l` as psql of the server's major version lays it out. */
function listDatabases(major: number, owner: string, names: string[]): string {
  const columns = ['Name', 'Owner', 'Encoding', ...(major >= 15 ? ['Locale Provider'] : []), 'Collate', 'Ctype', ...(major >= 17 ? ['Locale'] : major >= 15 ? ['ICU Locale'] : []), ...(major >= 16 ? ['ICU Rules'] : []), 'Access privileges'];
  const rows = names.map((n) => {
    const acl = n.startsWith('template') ? `=c/${owner}\n${owner}=CTc/${owner}` : '';
    return [n, owner, 'UTF8', ...(major >= 15 ? ['libc'] : []), 'en_US.utf8', 'en_US.utf8', ...(major >= 15 ? [''] : []), ...(major >= 16 ? [''] : []), acl];
  });
  // PostgreSQL 15 put Locale Provider after ICU Locale.
  if (major === 15) for (const r of [columns, ...rows]) r.splice(3, 4, r[4], r[5], r[6], r[3]);
  return psqlTable(columns.map((name) => ({ name, numeric: false })), rows, 'List of databases');
}

function runMeta(proc: Proc, conn: Conn, line: string, o: Options): 'quit' | undefined {
  const [cmd, arg] = line.trim().split(/\s+/);
  const major = Number(/PostgreSQL (\d+)/.exec(conn.serverVersion)?.[1] ?? 16);
  if (cmd === '\\q') return 'quit';
  if (cmd === '\\l' || cmd === '\\list' || cmd === '\\l+') {
    const { owner, names } = conn.session.request({ catalog: 'databases' }) as Catalog;
    proc.stdout.write(listDatabases(major, owner, names));
  } else if (cmd === '\\dt' || cmd === '\\d') {
    const { owner, names } = conn.session.request({ catalog: 'tables' }) as Catalog;
    if (names.length === 0) proc.stdout.write('Did not find any relations.\n');
    else proc.stdout.write(psqlTable(['Schema', 'Name', 'Type', 'Owner'].map((name) => ({ name, numeric: false })), names.map((t) => ['public', t, 'table', owner]), 'List of relations'));
  } else if (cmd === '\\c' || cmd === '\\connect') {
    const r = conn.session.request({ login: { user: conn.user, db: arg ?? conn.db } }) as Login;
    if (!r.ok) proc.stderr.write(`${where(o)}: ${r.text}\nPrevious connection kept\n`);
    else {
      conn.db = r.db;
      proc.stdout.write(`You are now connected to database "${r.db}" as user "${r.user}".\n`);
    }
  } else if (cmd === '\\conninfo') {
    proc.stdout.write(conn.host ? `You are connected to database "${conn.db}" as user "${conn.user}" on host "${conn.host}" at port "${conn.port}".\n` : `You are connected to database "${conn.db}" as user "${conn.user}" via socket in "/var/run/postgresql" at port "${conn.port}".\n`);
  } else proc.stderr.write(`invalid command ${cmd}\nTry \\? for help.\n`);
  return undefined;
}

function show(proc: Proc, r: SqlResult, sql: string, o: Options): boolean {
  if (r.k === 'error') {
    let text = r.text;
    if (r.position !== undefined) {
      const line = sql.split('\n')[0];
      text += `\nLINE 1: ${line}\n${' '.repeat(8 + Math.min(r.position, line.length))}^`;
    }
    proc.stderr.write(`${text}\n`);
    return false;
  }
  if (r.k === 'done') {
    if (!o.quiet && !o.tuplesOnly) proc.stdout.write(`${r.tag}\n`);
    return true;
  }
  const rows = r.rows.map((row) => row.map(pgCell));
  if (o.unaligned) {
    const lines = [...(o.tuplesOnly ? [] : [r.columns.map((c) => c.name).join('|')]), ...rows.map((row) => row.join('|')), ...(o.tuplesOnly ? [] : [`(${rows.length} row${rows.length === 1 ? '' : 's'})`])];
    proc.stdout.write(lines.map((l) => `${l}\n`).join(''));
  } else if (o.tuplesOnly) {
    const table = psqlTable(r.columns, rows).split('\n');
    proc.stdout.write(`${table.slice(2, 2 + rows.length).map((l) => `${l}\n`).join('')}\n`);
  } else proc.stdout.write(psqlTable(r.columns, rows));
  return true;
}

export function psqlProgram(clientVersion: string): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args.includes('--version') || args.includes('-V')) {
      proc.stdout.write(`psql (PostgreSQL) ${clientVersion}\n`);
      return 0;
    }
    const o = parseArgs(proc, args);
    if (typeof o === 'string') {
      proc.stderr.write(`psql: error: ${o}\npsql: hint: Try "psql --help" for more information.\n`);
      return 1;
    }
    const conn = yield* connect(proc, o);
    if (typeof conn === 'string') {
      proc.stderr.write(`psql: error: ${conn}\n`);
      return 2;
    }
    const run = (text: string): boolean => {
      if (text.trim().startsWith('\\')) return (runMeta(proc, conn, text, o), true);
      let ok = true;
      const { complete, rest } = splitStatements(text);
      for (const sql of rest === '' ? complete : [...complete, rest]) ok = show(proc, conn.session.request({ query: sql }) as SqlResult, sql, o) && ok;
      return ok;
    };
    if (o.commands.length > 0) {
      for (const c of o.commands) if (!run(c)) return 1;
      return 0;
    }
    const interactive = proc.stdin.isTTY === true;
    const superuser = conn.user === (proc.env.POSTGRES_USER ?? 'postgres') || conn.user === 'postgres';
    if (interactive) {
      const server = conn.serverVersion.replace(/^PostgreSQL (\S+)(?: \((.*?)\))? on .*$/, (_, v: string, d?: string) => (d ? `${v} (${d})` : v));
      const same = server === clientVersion;
      proc.stdout.write(`psql (${clientVersion}${same ? '' : `, server ${server}`})\n`);
      if (!same && Number(server.split('.')[0]) > Number(clientVersion.split('.')[0])) {
        proc.stdout.write(`WARNING: psql major version ${clientVersion.split('.')[0]}, server major version ${server.split('.')[0]}.\n         Some psql features might not work.\n`);
      }
      proc.stdout.write('Type "help" for help.\n\n');
    }
    const lines = new Host(proc);
    let buffer = '';
    for (;;) {
      if (interactive) proc.stdout.write(`${conn.db}${buffer === '' ? '=' : '-'}${superuser ? '#' : '>'} `);
      const line = yield* lines.readLine();
      if (line === undefined) {
        if (interactive) proc.stdout.write('\\q\n');
        return 0;
      }
      if (buffer === '' && line.trim().startsWith('\\')) {
        if (runMeta(proc, conn, line, o) === 'quit') return 0;
        continue;
      }
      if (buffer === '' && /^\s*(quit|exit)\s*$/.test(line)) return 0;
      buffer += `${buffer === '' ? '' : '\n'}${line}`;
      const { complete, rest } = splitStatements(buffer);
      for (const sql of complete) show(proc, conn.session.request({ query: sql }) as SqlResult, sql, o);
      buffer = rest;
    }
  };
}
