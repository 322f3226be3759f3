/**
 * MySQL statement-based replication in the SQL engine, as the replicated-StatefulSet tutorial uses it.
 * Error texts are MySQL 5.7's (sql/share/errmsg-utf8.txt: ER_OPTION_PREVENTS_STATEMENT, ER_BAD_SLAVE,
 * ER_UNKNOWN_SYSTEM_VARIABLE, ER_BAD_DB_ERROR, ER_NO_SUCH_TABLE).
 */
import { describe, expect, it } from 'vitest';
import { SqlEngine, type SqlResult, type SqlServerInfo } from './sql.js';

const info = (variables: SqlServerInfo['variables'], connect?: SqlServerInfo['connect']): SqlServerInfo => ({
  dialect: 'mysql',
  version: '5.7.44-log',
  users: { root: '' },
  superuser: 'root',
  databases: [],
  now: () => 0,
  variables,
  ...(connect ? { connect } : {}),
});

const rows = (r: SqlResult) => (r.k === 'rows' ? r.rows : r);

describe('MySQL replication', () => {
  it('names tables in another database as db.table, reads system variables, refuses writes on a super-read-only server', () => {
    const db = new SqlEngine(info({ server_id: 101, super_read_only: 'OFF' }));
    expect(db.query('CREATE DATABASE test', '', 'root').k).toBe('done');
    expect(db.query('CREATE TABLE test.messages (message VARCHAR(250))', '', 'root').k).toBe('done');
    expect(db.query("INSERT INTO test.messages VALUES ('hello')", '', 'root').k).toBe('done');
    expect(rows(db.query('SELECT * FROM test.messages', '', 'root'))).toEqual([['hello']]);
    expect(db.query('SELECT * FROM nodb.t', '', 'root')).toEqual({ k: 'error', text: "ERROR 1146 (42S02): Table 'nodb.t' doesn't exist" });
    expect(db.query('CREATE TABLE nodb.t (a INT)', '', 'root')).toEqual({ k: 'error', text: "ERROR 1049 (42000): Unknown database 'nodb'" });
    expect(db.query('SELECT @@server_id', '', 'root')).toEqual({ k: 'rows', columns: [{ name: '@@server_id', numeric: true }], rows: [[101]] });
    expect(db.query('SELECT @@nosuch', '', 'root')).toEqual({ k: 'error', text: "ERROR 1193 (HY000): Unknown system variable 'nosuch'" });
    const ro = new SqlEngine(info({ super_read_only: 'ON' }));
    expect(ro.query('CREATE DATABASE x', '', 'root')).toEqual({ k: 'error', text: 'ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement' });
  });

  it('applies what the source logged once CHANGE MASTER TO and START SLAVE name it', () => {
    const source = new SqlEngine(info({ server_id: 100, log_bin: 'ON', log_bin_basename: '/var/lib/mysql/mysql-0-bin' }));
    let reachable = false;
    const replica = new SqlEngine(info({ server_id: 101, super_read_only: 'ON' }, (host, port) => (reachable && host === 'mysql-0.mysql' && port === 3306 ? source.session('10.244.1.5') : undefined)));
    expect(replica.query('START SLAVE', '', 'root')).toEqual({ k: 'error', text: 'ERROR 1200 (HY000): The server is not configured as slave; fix in config file or with CHANGE MASTER TO' });
    expect(source.replication()).toEqual({ binlog: { file: 'mysql-0-bin.000001', position: 154 } });
    source.query('CREATE DATABASE test', '', 'root');
    expect(replica.query("CHANGE MASTER TO MASTER_LOG_FILE='mysql-0-bin.000001', MASTER_LOG_POS=154, MASTER_HOST='mysql-0.mysql', MASTER_USER='root', MASTER_PASSWORD='', MASTER_CONNECT_RETRY=10", '', 'root').k).toBe('done');
    expect(replica.query('START SLAVE', '', 'root').k).toBe('done');
    // The source cannot be reached yet: nothing is applied, and the replica tries again later.
    expect(rows(replica.query('SHOW DATABASES', '', 'root'))).not.toContainEqual(['test']);
    reachable = true;
    source.query('CREATE TABLE test.messages (message VARCHAR(250))', '', 'root');
    source.query("INSERT INTO test.messages VALUES ('hello')", '', 'root');
    expect(rows(replica.query('SELECT * FROM test.messages', '', 'root'))).toEqual([['hello']]);
    source.query("INSERT INTO test.messages VALUES ('again')", '', 'root');
    expect(rows(replica.query('SELECT * FROM test.messages', '', 'root'))).toEqual([['hello'], ['again']]);
    expect(replica.replication().source).toEqual({ file: 'mysql-0-bin.000001', position: 154 });
    expect(source.replication().binlog?.position).toBeGreaterThan(154);
  });
});
