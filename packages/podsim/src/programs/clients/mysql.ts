/**
 * The mysql (and mariadb) command-line client: connecting (socket or TCP, -h -P -u -p, database),
 * -e and statements at the `mysql>` prompt, boxed tables with `N rows in set`, the tab-separated
 * batch format into a pipe, `Query OK`, USE, and the client's connection errors. The server side
 * is programs/servers/engines/sql.ts.
 */
import type { Session } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import type { Waitable } from '../../kernel/waitable.js';
import { Host } from '../runtimes/host.js';
import type { Login, SqlResult } from '../servers/engines/sql.js';
import { myCell, mysqlBatch, mysqlTable } from './sql-tables.js';
import { splitStatements } from './sql-input.js';
import { openSession } from './wire.js';

export interface MysqlClient {
  /** `mysql` or `mariadb`. */
  flavor: 'mysql' | 'mariadb';
  /** --version line. */
  version: string;
  /** MySQL's banner ends its copyright at the release's year (welcome_copyright_notice.h). */
  copyrightYear?: string;
}

interface Options {
  host: string;
  port: number;
  user: string;
  password?: string;
  prompt: boolean;
  db?: string;
  execute?: string;
  batch: boolean;
  table: boolean;
  headers: boolean;
}

/** The client's options; a word that is no option is the database (`mysqladmin` takes its commands from `words`). */
export function parseArgs(proc: Proc, args: string[], words?: string[]): Options | string {
  const o: Options = { host: 'localhost', port: 3306, user: proc.env.USER ?? 'root', prompt: false, batch: false, table: false, headers: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = (name: string) => (a.startsWith(`--${name}=`) ? a.slice(name.length + 3) : a === `--${name}` ? args[++i] : undefined);
    const short = (c: string) => (a === `-${c}` ? args[++i] : a.startsWith(`-${c}`) ? a.slice(2) : undefined);
    let v: string | undefined;
    if ((v = short('h') ?? long('host')) !== undefined) o.host = v;
    else if ((v = short('P') ?? long('port')) !== undefined) o.port = Number(v);
    else if ((v = short('u') ?? long('user')) !== undefined) o.user = v;
    else if ((v = short('D') ?? long('database')) !== undefined) o.db = v;
    else if ((v = short('e') ?? long('execute')) !== undefined) o.execute = v;
    else if (a === '-p' || a === '--password') o.prompt = true;
    else if (a.startsWith('-p')) o.password = a.slice(2);
    else if (a.startsWith('--password=')) o.password = a.slice(11);
    else if (a === '-B' || a === '--batch' || a === '-s' || a === '--silent') o.batch = true;
    else if (a === '-t' || a === '--table') o.table = true;
    else if (a === '-N' || a === '--skip-column-names') o.headers = false;
    else if (a.startsWith('--protocol') || a === '--ssl=0' || a === '--skip-ssl') continue;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else if (words) words.push(a);
    else o.db = a;
  }
  return o;
}

export function* connect(proc: Proc, o: Options, client: MysqlClient): Generator<Waitable<unknown>, { session: Session; db: string } | string, unknown> {
  // `localhost` means the socket, as for the real client.
  const socket = o.host === 'localhost';
  const opened = openSession(proc, socket ? '127.0.0.1' : o.host, o.port);
  if (!opened.ok) {
    // MariaDB's Debian/Ubuntu builds (the mariadb image, the reader's Debian client) default to /run/mysqld, as mariadbd's own ready line says.
    if (socket) return `ERROR 2002 (HY000): Can't connect to local ${client.flavor === 'mariadb' ? "server through socket '/run" : "MySQL server through socket '/var/run"}/mysqld/mysqld.sock' (2)`;
    if (opened.error === 'ENOTFOUND') return `ERROR 2005 (HY000): Unknown ${client.flavor === 'mariadb' ? 'server' : 'MySQL server'} host '${o.host}' (-2)`;
    if (opened.error === 'EPROTO') return `ERROR 2013 (HY000): Lost connection to ${client.flavor === 'mariadb' ? 'server' : 'MySQL server'} at 'reading initial communication packet', system error: 0`;
    return `ERROR 2003 (HY000): Can't connect to ${client.flavor === 'mariadb' ? 'server' : 'MySQL server'} on '${o.host}${client.flavor === 'mysql' ? `:${o.port}` : ''}' (${opened.error === 'ECONNREFUSED' ? 111 : 113})`;
  }
  let password = o.password;
  if (o.prompt) {
    proc.stdout.write('Enter password: ');
    password = proc.stdin.isTTY ? ((yield* new Host(proc).readLine()) ?? '') : '';
    proc.stdout.write('\n');
  }
  if (opened.session.protocol !== 'mysql') return `ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0`;
  const r = opened.session.request({ login: { user: o.user, password, db: o.db } }) as Login;
  if (!r.ok) return r.text;
  return { session: opened.session, db: r.db };
}

function seconds(): string {
  return '(0.00 sec)';
}

export function mysqlProgram(client: MysqlClient): Program {
  return function* (proc) {
    const args = proc.argv.slice(1);
    if (args.includes('--version') || args.includes('-V')) {
      proc.stdout.write(`${client.version}\n`);
      return 0;
    }
    const o = parseArgs(proc, args);
    if (typeof o === 'string') {
      proc.stderr.write(`${client.flavor}: ${o}\n`);
      return 7;
    }
    if (o.password !== undefined && client.flavor === 'mysql') proc.stderr.write('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
    const conn = yield* connect(proc, o, client);
    if (typeof conn === 'string') {
      proc.stderr.write(`${conn}\n`);
      return 1;
    }
    let db = conn.db;
    const interactive = o.execute === undefined && proc.stdin.isTTY === true;
    const tables = o.table || (!o.batch && (interactive || (o.execute !== undefined && proc.stdout.isTTY === true)));
    const show = (r: SqlResult): boolean => {
      if (r.k === 'error') {
        proc.stderr.write(`${r.text}\n`);
        return false;
      }
      if (r.k === 'done') {
        if (r.changedDb !== undefined) db = r.changedDb;
        if (interactive) proc.stdout.write(r.changedDb !== undefined ? 'Database changed\n' : `Query OK, ${r.affected} row${r.affected === 1 ? '' : 's'} affected ${seconds()}\n\n`);
        return true;
      }
      const rows = r.rows.map((row) => row.map(myCell));
      if (rows.length === 0 && interactive) proc.stdout.write(`Empty set ${seconds()}\n\n`);
      else if (rows.length === 0) return true;
      else if (tables) {
        proc.stdout.write(mysqlTable(r.columns, rows));
        if (interactive) proc.stdout.write(`${rows.length} row${rows.length === 1 ? '' : 's'} in set ${seconds()}\n\n`);
      } else proc.stdout.write(mysqlBatch(r.columns, rows, o.headers));
      return true;
    };
    const run = (sql: string): boolean => show(conn.session.request({ query: sql }) as SqlResult);
    if (o.execute !== undefined) {
      const { complete, rest } = splitStatements(o.execute);
      for (const sql of rest === '' ? complete : [...complete, rest]) if (!run(sql)) return 1;
      return 0;
    }
    if (interactive) {
      const version = (conn.session.request({ query: 'SELECT version()' }) as SqlResult & { k: 'rows' }).rows[0][0];
      proc.stdout.write(
        client.flavor === 'mariadb'
          ? `Welcome to the MariaDB monitor.  Commands end with ; or \\g.\nYour MariaDB connection id is 3\nServer version: ${String(version)} mariadb.org binary distribution\n\nCopyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\n`
          : `Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is 8\nServer version: ${String(version)} ${/^5\./.test(String(version)) ? 'MySQL Community Server (GPL)' : 'MySQL Community Server - GPL'}\n\nCopyright (c) 2000, ${client.copyrightYear ?? '2024'}, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\n`,
      );
      proc.stdout.write(`Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n`);
    }
    const lines = new Host(proc);
    let buffer = '';
    for (;;) {
      if (interactive) proc.stdout.write(buffer !== '' ? '    -> ' : client.flavor === 'mariadb' ? `MariaDB [${db || '(none)'}]> ` : 'mysql> ');
      const line = yield* lines.readLine();
      if (line === undefined) {
        if (interactive) proc.stdout.write('Bye\n');
        return 0;
      }
      if (buffer === '' && /^\s*(quit|exit|\\q)\s*;?\s*$/i.test(line)) {
        if (interactive) proc.stdout.write('Bye\n');
        return 0;
      }
      // `use db` needs no semicolon at the prompt.
      buffer += `${buffer === '' ? '' : '\n'}${line}`;
      if (/^\s*use\s+\S+\s*$/i.test(buffer)) buffer += ';';
      const { complete, rest } = splitStatements(buffer);
      for (const sql of complete) if (!run(sql) && !interactive) return 1;
      buffer = rest;
    }
  };
}
