/**
 * The data side of postgres and mysqld/mariadbd for psql and mysql: databases of tables in
 * memory, the statements of sql-parse.ts, logins from the image's environment (POSTGRES_USER/
 * _PASSWORD/_DB, MYSQL_ROOT_PASSWORD/_DATABASE/_USER/_PASSWORD), and each server's own error texts.
 */
import type { Session } from '../../../kernel/net.js';
import { strftime } from '../../date.js';
import { parseSql, SqlSyntaxError, SqlUnsupported, type Expr, type Stmt, type TableRef } from './sql-parse.js';
import { binlogPosition, ReplicaLink, type BinlogEntry, type BinlogPosition, type Connect } from './sql-replication.js';

export type Dialect = 'postgres' | 'mysql';
export type Cell = string | number | boolean | null;

export type SqlResult =
  | { k: 'rows'; columns: { name: string; numeric: boolean }[]; rows: Cell[][] }
  /** pg's command tag (`INSERT 0 1`) and MySQL's affected rows. */
  | { k: 'done'; tag: string; affected: number; changedDb?: string }
  /** The server's whole error line; for PostgreSQL the 0-based offset it points at. */
  | { k: 'error'; text: string; position?: number };

export type Login = { ok: true; db: string; user: string } | { ok: false; text: string; noPassword?: boolean };

interface Table {
  columns: { name: string; type: string; auto: boolean }[];
  rows: Cell[][];
  next: number;
}

class QueryError extends Error {
  constructor(
    readonly text: string,
    readonly position?: number,
  ) {
    super(text);
  }
}

const NUMERIC = /^(int|integer|smallint|bigint|tinyint|mediumint|serial|bigserial|smallserial|numeric|decimal|real|float|double|int2|int4|int8|float4|float8)/;

export interface SqlServerInfo {
  dialect: Dialect;
  /** `version()`'s text. */
  version: string;
  /** Superuser (postgres: POSTGRES_USER; mysql: root) and other users → password ('' = none needed). */
  users: Record<string, string>;
  superuser: string;
  databases: string[];
  now: () => number;
  /** MySQL's system variables from its option files (server_id, log_bin, super_read_only, hostname). */
  variables?: Record<string, Cell>;
  /** Opens a session with another server (a replica's source). */
  connect?: Connect;
}

/** Statements that change data: what a MySQL source logs for its replicas. */
const WRITES = new Set<Stmt['k']>(['createTable', 'dropTable', 'createDatabase', 'dropDatabase', 'insert', 'update', 'delete']);

export class SqlEngine {
  private readonly dbs = new Map<string, Map<string, Table>>();
  private readonly binlog: BinlogEntry[] = [];
  private readonly replica: ReplicaLink;

  constructor(readonly info: SqlServerInfo) {
    for (const d of info.databases) this.dbs.set(d, new Map());
    this.replica = new ReplicaLink(info.connect);
  }

  /** Where this server's binlog stands (when log_bin is on), and the source position it replicates from. */
  replication(): { binlog?: BinlogPosition; source?: BinlogPosition } {
    const v = this.info.variables ?? {};
    const binlog = v.log_bin === 'ON' ? binlogPosition(`${String(v.log_bin_basename).split('/').pop() ?? ''}.000001`, this.binlog) : undefined;
    return { ...(binlog ? { binlog } : {}), ...(this.replica.source ? { source: this.replica.source } : {}) };
  }

  session(remoteAddr: string): Session {
    let db = '';
    let user = '';
    return {
      protocol: this.info.dialect,
      request: (m) => {
        const msg = m as { login?: { user: string; password?: string; db?: string }; query?: string; catalog?: 'databases' | 'tables'; binlog?: number; replication?: true };
        if (msg.binlog !== undefined) return { entries: user ? this.binlog.slice(msg.binlog) : [] };
        if (msg.replication) return this.replication();
        if (msg.catalog) return { owner: this.info.superuser, names: msg.catalog === 'databases' ? this.databases() : this.tables(db) };
        if (msg.login) {
          const r = this.login(remoteAddr, msg.login);
          if (r.ok) [db, user] = [r.db, r.user];
          return r;
        }
        const r = this.query(msg.query ?? '', db, user);
        if (r.k === 'done' && r.changedDb !== undefined) db = r.changedDb;
        return r;
      },
    };
  }

  private login(remoteAddr: string, l: { user: string; password?: string; db?: string }): Login {
    const pg = this.info.dialect === 'postgres';
    const expected = this.info.users[l.user];
    // The images trust local connections (socket and 127.0.0.1) for PostgreSQL; MySQL always checks.
    const trusted = pg && (remoteAddr === '127.0.0.1' || remoteAddr === 'local');
    if (expected === undefined) {
      if (pg) return { ok: false, text: trusted ? `FATAL:  role "${l.user}" does not exist` : `FATAL:  password authentication failed for user "${l.user}"` };
      return { ok: false, text: `ERROR 1045 (28000): Access denied for user '${l.user}'@'${remoteAddr === '127.0.0.1' ? 'localhost' : remoteAddr}' (using password: ${l.password ? 'YES' : 'NO'})` };
    }
    if (!trusted && expected !== '' && l.password !== expected) {
      if (pg) return l.password === undefined ? { ok: false, text: 'fe_sendauth: no password supplied', noPassword: true } : { ok: false, text: `FATAL:  password authentication failed for user "${l.user}"` };
      return { ok: false, text: `ERROR 1045 (28000): Access denied for user '${l.user}'@'${remoteAddr === '127.0.0.1' ? 'localhost' : remoteAddr}' (using password: ${l.password ? 'YES' : 'NO'})` };
    }
    const db = l.db ?? (pg ? l.user : '');
    if (db !== '' && !this.dbs.has(db)) return { ok: false, text: pg ? `FATAL:  database "${db}" does not exist` : `ERROR 1049 (42000): Unknown database '${db}'` };
    return { ok: true, db, user: l.user };
  }

  databases(): string[] {
    return [...this.dbs.keys()].sort();
  }

  tables(db: string): string[] {
    return [...(this.dbs.get(db)?.keys() ?? [])].sort();
  }

  query(sql: string, db: string, user: string): SqlResult {
    const pg = this.info.dialect === 'postgres';
    try {
      this.replica.pull((e) => this.apply(e));
      const stmt = parseSql(sql);
      if (WRITES.has(stmt.k) && this.info.variables?.super_read_only === 'ON') throw new QueryError('ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement');
      const r = this.run(stmt, db, user);
      if (WRITES.has(stmt.k)) this.binlog.push({ db, sql });
      return r;
    } catch (e) {
      if (e instanceof SqlSyntaxError) {
        if (pg) return { k: 'error', text: `ERROR:  ${e.message}`, position: e.at };
        return { k: 'error', text: `ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${sql.slice(e.at).replace(/;\s*$/, '')}' at line 1` };
      }
      if (e instanceof SqlUnsupported) {
        return { k: 'error', text: pg ? `ERROR:  ${e.message} is not supported in this sandbox` : `ERROR 1235 (42000): This sandbox doesn't yet support '${e.message}'` };
      }
      if (e instanceof QueryError) return { k: 'error', text: e.text, position: e.position };
      throw e;
    }
  }

  /** A replicated statement: run as the source ran it (a replica with log_slave_updates off does not log it again). */
  private apply(e: BinlogEntry): void {
    try {
      this.run(parseSql(e.sql), e.db, this.info.superuser);
    } catch {
      // The SQL thread stops on an error in 5.7; here the next statement is applied anyway.
    }
  }

  /** The database a table reference names: its own `db.` in MySQL, else the session's. */
  private dbOf(db: string, t: { db?: string }): string {
    return this.info.dialect === 'mysql' && t.db !== undefined ? t.db : db;
  }

  private noTable(db: string, t: { name: string; at: number }): never {
    throw this.info.dialect === 'postgres' ? new QueryError(`ERROR:  relation "${t.name}" does not exist`, t.at) : new QueryError(`ERROR 1146 (42S02): Table '${db}.${t.name}' doesn't exist`);
  }

  private table(session: string, t: TableRef): Table {
    const db = this.dbOf(session, t);
    const schema = db === '' ? this.schema(db) : this.dbs.get(db);
    return schema?.get(t.name) ?? this.noTable(db, t);
  }

  private schema(db: string): Map<string, Table> {
    const schema = this.dbs.get(db);
    if (!schema) throw new QueryError(db === '' ? 'ERROR 1046 (3D000): No database selected' : `ERROR 1049 (42000): Unknown database '${db}'`);
    return schema;
  }

  private run(s: Stmt, db: string, user: string): SqlResult {
    const pg = this.info.dialect === 'postgres';
    switch (s.k) {
      case 'select':
        return this.select(s, db, user);
      case 'createTable': {
        const schema = this.schema(this.dbOf(db, s));
        if (schema.has(s.name)) {
          if (s.ifNotExists) return { k: 'done', tag: 'CREATE TABLE', affected: 0 };
          throw new QueryError(pg ? `ERROR:  relation "${s.name}" already exists` : `ERROR 1050 (42S01): Table '${s.name}' already exists`);
        }
        schema.set(s.name, { columns: s.columns, rows: [], next: 1 });
        return { k: 'done', tag: 'CREATE TABLE', affected: 0 };
      }
      case 'dropTable': {
        const schema = this.schema(db);
        for (const n of s.names) {
          if (!schema.delete(n) && !s.ifExists) throw new QueryError(pg ? `ERROR:  table "${n}" does not exist` : `ERROR 1051 (42S02): Unknown table '${db}.${n}'`);
        }
        return { k: 'done', tag: 'DROP TABLE', affected: 0 };
      }
      case 'createDatabase':
        if (this.dbs.has(s.name)) {
          if (s.ifNotExists) return { k: 'done', tag: 'CREATE DATABASE', affected: 0 };
          throw new QueryError(pg ? `ERROR:  database "${s.name}" already exists` : `ERROR 1007 (HY000): Can't create database '${s.name}'; database exists`);
        }
        this.dbs.set(s.name, new Map());
        return { k: 'done', tag: 'CREATE DATABASE', affected: 1 };
      case 'dropDatabase':
        if (!this.dbs.delete(s.name) && !s.ifExists) throw new QueryError(pg ? `ERROR:  database "${s.name}" does not exist` : `ERROR 1008 (HY000): Can't drop database '${s.name}'; database doesn't exist`);
        return { k: 'done', tag: 'DROP DATABASE', affected: 0 };
      case 'insert': {
        const t = this.table(db, s.table);
        const names = s.columns ?? t.columns.map((c) => c.name);
        for (const n of names) if (!t.columns.some((c) => c.name === n)) this.noColumn(n, 'field list');
        for (const [r, values] of s.rows.entries()) {
          if (values.length !== names.length) {
            throw new QueryError(pg ? `ERROR:  INSERT has ${values.length > names.length ? 'more' : 'fewer'} expressions than target columns` : `ERROR 1136 (21S01): Column count doesn't match value count at row ${r + 1}`);
          }
          const row = t.columns.map((c) => {
            const at = names.indexOf(c.name);
            if (at >= 0) return this.coerce(c, this.eval(values[at], () => undefined, db, user));
            return c.auto ? t.next++ : null;
          });
          t.rows.push(row);
        }
        return { k: 'done', tag: `INSERT 0 ${s.rows.length}`, affected: s.rows.length };
      }
      case 'update':
      case 'delete': {
        const t = this.table(db, s.table);
        const lookup = (row: Cell[]) => (n: string) => {
          const at = t.columns.findIndex((c) => c.name === n);
          return at < 0 ? this.noColumn(n, 'where clause') : row[at];
        };
        const hit = t.rows.filter((row) => !s.where || truthy(this.eval(s.where, lookup(row), db, user)));
        if (s.k === 'delete') t.rows = t.rows.filter((row) => !hit.includes(row));
        else {
          for (const row of hit) {
            for (const [c, e] of s.set) {
              const at = t.columns.findIndex((col) => col.name === c);
              if (at < 0) this.noColumn(c, 'field list');
              row[at] = this.coerce(t.columns[at], this.eval(e, lookup(row), db, user));
            }
          }
        }
        return { k: 'done', tag: `${s.k.toUpperCase()} ${hit.length}`, affected: hit.length };
      }
      case 'show':
        if (pg) throw new QueryError(`ERROR:  unrecognized configuration parameter "${s.what}"`);
        if (s.what === 'databases') return { k: 'rows', columns: [{ name: 'Database', numeric: false }], rows: ['information_schema', 'mysql', 'performance_schema', 'sys', ...this.dbs.keys()].sort().map((d) => [d]) };
        return { k: 'rows', columns: [{ name: `Tables_in_${db}`, numeric: false }], rows: this.tables(db).map((n) => [n]) };
      case 'use':
        if (pg) throw new SqlSyntaxError('USE', 0);
        if (!this.dbs.has(s.name)) throw new QueryError(`ERROR 1049 (42000): Unknown database '${s.name}'`);
        return { k: 'done', tag: 'USE', affected: 0, changedDb: s.name };
      case 'changeMaster':
      case 'slave': {
        if (pg) throw new SqlSyntaxError(s.k === 'slave' ? (s.start ? 'START' : 'STOP') : 'CHANGE', 0);
        const error = s.k === 'changeMaster' ? this.replica.change(s.options) : s.start ? this.replica.start() : ((this.replica.running = false), undefined);
        if (error) throw new QueryError(error);
        return { k: 'done', tag: s.k === 'slave' ? 'SLAVE' : 'CHANGE MASTER', affected: 0 };
      }
    }
  }

  private noColumn(name: string, where: string): never {
    throw new QueryError(this.info.dialect === 'postgres' ? `ERROR:  column "${name}" does not exist` : `ERROR 1054 (42S22): Unknown column '${name}' in '${where}'`);
  }

  private coerce(col: { type: string }, v: Cell): Cell {
    if (v === null || !NUMERIC.test(col.type) || typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
    throw new QueryError(this.info.dialect === 'postgres' ? `ERROR:  invalid input syntax for type integer: "${v}"` : `ERROR 1366 (HY000): Incorrect integer value: '${v}' for column`);
  }

  private select(s: Stmt & { k: 'select' }, db: string, user: string): SqlResult {
    const pg = this.info.dialect === 'postgres';
    const t = s.from ? this.table(db, s.from) : undefined;
    const lookup = (row: Cell[]) => (n: string) => {
      const at = t ? t.columns.findIndex((c) => c.name === n) : -1;
      return at < 0 ? this.noColumn(n, 'field list') : row[at];
    };
    let rows = t ? t.rows.filter((row) => !s.where || truthy(this.eval(s.where, lookup(row), db, user))) : s.where && !truthy(this.eval(s.where, () => undefined, db, user)) ? [] : [[]];
    for (const o of [...(s.order ?? [])].reverse()) {
      rows = [...rows].sort((a, b) => compare(this.eval(o.expr, lookup(a), db, user), this.eval(o.expr, lookup(b), db, user)) * (o.desc ? -1 : 1));
    }
    if (s.limit !== undefined) rows = rows.slice(0, s.limit);
    const items = s.items.flatMap((it) => (it.expr.k === 'star' ? (t ? t.columns.map((c) => ({ expr: { k: 'col', name: c.name } as Expr, text: c.name, alias: undefined })) : this.noTable(db, { name: '*', at: 0 })) : [it]));
    const aggregate = items.some((it) => it.expr.k === 'call' && it.expr.name === 'count');
    const out = aggregate ? [items.map((it) => (it.expr.k === 'call' && it.expr.name === 'count' ? rows.length : rows[0] ? this.eval(it.expr, lookup(rows[0]), db, user) : null))] : rows.map((row) => items.map((it) => this.eval(it.expr, lookup(row), db, user)));
    const columns = items.map((it, c) => {
      const e = it.expr;
      const name = it.alias ?? (pg ? (e.k === 'col' ? e.name : e.k === 'call' ? e.name.replace(/^current_timestamp$/, 'current_timestamp') : '?column?') : it.text);
      const typed = e.k === 'col' && t?.columns.find((col) => col.name === e.name);
      return { name, numeric: typed ? NUMERIC.test(typed.type) : out.length > 0 && out.every((r) => typeof r[c] === 'number' || r[c] === null) && out.some((r) => r[c] !== null) };
    });
    return { k: 'rows', columns, rows: out };
  }

  private eval(e: Expr, col: (name: string) => Cell | undefined, db: string, user: string): Cell {
    const pg = this.info.dialect === 'postgres';
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'star':
        return null;
      case 'sysvar': {
        const v = this.info.variables?.[e.name];
        if (pg || v === undefined) throw new QueryError(pg ? 'ERROR:  syntax error at or near "@@"' : `ERROR 1193 (HY000): Unknown system variable '${e.name}'`);
        return v;
      }
      case 'col': {
        const v = col(e.name);
        return v === undefined ? this.noColumn(e.name, 'field list') : v;
      }
      case 'not': {
        const v = this.eval(e.a, col, db, user);
        return v === null ? null : !truthy(v);
      }
      case 'call': {
        const args = e.args.map((a) => this.eval(a, col, db, user));
        const now = this.info.now();
        switch (e.name) {
          case 'version':
            return this.info.version;
          case 'now':
          case 'current_timestamp':
            // PostgreSQL drops the fraction's trailing zeros (…:10.03+00).
            return pg ? `${strftime('%Y-%m-%d %H:%M:%S', now)}${`.${String(now % 1000).padStart(3, '0')}`.replace(/\.?0+$/, '')}+00` : strftime('%Y-%m-%d %H:%M:%S', now);
          case 'current_date':
            return strftime('%Y-%m-%d', now);
          case 'current_database':
          case 'database':
            return db;
          case 'current_user':
          case 'user':
            return pg ? user : `${user}@localhost`;
          case 'upper':
          case 'lower':
            return args[0] === null ? null : e.name === 'upper' ? String(args[0]).toUpperCase() : String(args[0]).toLowerCase();
          case 'length':
            return args[0] === null ? null : String(args[0]).length;
          case 'concat':
            return args.map((a) => (a === null ? '' : String(a))).join('');
          case 'coalesce':
            return args.find((a) => a !== null) ?? null;
          case 'abs':
            return args[0] === null ? null : Math.abs(Number(args[0]));
          case 'count':
            return null;
          default:
            throw new QueryError(pg ? `ERROR:  function ${e.name}(${e.args.map(() => 'unknown').join(', ')}) does not exist` : `ERROR 1305 (42000): FUNCTION ${db || 'mysql'}.${e.name} does not exist`);
        }
      }
      case 'op': {
        const a = this.eval(e.a, col, db, user);
        const b = this.eval(e.b, col, db, user);
        if (e.op === 'AND') return a === null || b === null ? null : truthy(a) && truthy(b);
        if (e.op === 'OR') return truthy(a) || truthy(b);
        if (a === null || b === null) return null;
        if (e.op === '||') return pg ? `${String(a)}${String(b)}` : truthy(a) || truthy(b);
        if (e.op === 'LIKE') return new RegExp(`^${String(b).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, pg ? '' : 'i').test(String(a));
        if (['=', '<>', '!=', '<', '>', '<=', '>='].includes(e.op)) {
          const c = compare(a, b);
          return { '=': c === 0, '<>': c !== 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[e.op] ?? false;
        }
        const [x, y] = [Number(a), Number(b)];
        if (e.op === '+') return x + y;
        if (e.op === '-') return x - y;
        if (e.op === '*') return x * y;
        if (y === 0) {
          if (pg) throw new QueryError('ERROR:  division by zero');
          return null;
        }
        if (e.op === '%') return x % y;
        // PostgreSQL divides integers as integers; MySQL gives a decimal with 4 places.
        return pg && Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : pg ? x / y : (x / y).toFixed(4);
      }
    }
  }
}

function truthy(v: Cell): boolean {
  return v !== null && v !== false && v !== 0 && v !== '0' && v !== '';
}

function compare(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
