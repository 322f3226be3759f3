/**
 * psql and mysql against the simulated postgres and mysql servers. Expected tables: the PostgreSQL
 * tutorial's weather table (postgresql.org/docs/current/tutorial-select.html, printed there without
 * line-end spaces) and `SELECT 1`; the MySQL manual's tutorial (dev.mysql.com/doc/refman/8.0/en/
 * entering-queries.html and retrieving-data.html: the pet table, `SELECT VERSION(), CURRENT_DATE`).
 * Connection and statement errors: the texts libpq and the mysql client print.
 */
import { describe, expect, it } from 'vitest';
import { Pipe, StringSink } from '../../kernel/streams.js';
import { logText, testPod } from '../../runtime/testing.js';

const trimEnds = (s: string) => s.replace(/ +$/gm, '');

function postgres(env: Record<string, string> = { POSTGRES_PASSWORD: 'secret' }) {
  const pod = testPod();
  const c = pod.run('postgres:16', { env });
  pod.clock.advance(10_000);
  const psql = (...args: string[]) => {
    const r = pod.exec(c, ['psql', ...args]);
    pod.clock.advance(10);
    return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
  };
  return { pod, c, psql };
}

describe('psql', () => {
  it('prints results in psql’s aligned format, with command tags', () => {
    const { psql } = postgres();
    expect(psql('-U', 'postgres', '-c', 'SELECT 1;').out).toBe(' ?column? \n----------\n        1\n(1 row)\n\n');
    const setup = [
      'CREATE TABLE weather (city varchar(80), temp_lo int, temp_hi int, prcp real, date date);',
      "INSERT INTO weather VALUES ('San Francisco', 46, 50, 0.25, '1994-11-27');",
      "INSERT INTO weather (city, temp_lo, temp_hi, prcp, date) VALUES ('San Francisco', 43, 57, 0.0, '1994-11-29');",
      "INSERT INTO weather (date, city, temp_hi, temp_lo) VALUES ('1994-11-29', 'Hayward', 54, 37);",
    ];
    expect(psql('-U', 'postgres', '-c', setup.join(' ')).out).toBe('CREATE TABLE\nINSERT 0 1\nINSERT 0 1\nINSERT 0 1\n');
    expect(trimEnds(psql('-U', 'postgres', '-c', 'SELECT * FROM weather;').out)).toBe(
      '     city      | temp_lo | temp_hi | prcp |    date\n' +
        '---------------+---------+---------+------+------------\n' +
        ' San Francisco |      46 |      50 | 0.25 | 1994-11-27\n' +
        ' San Francisco |      43 |      57 |    0 | 1994-11-29\n' +
        ' Hayward       |      37 |      54 |      | 1994-11-29\n' +
        '(3 rows)\n\n',
    );
    expect(psql('-U', 'postgres', '-tA', '-c', "SELECT city FROM weather WHERE temp_lo < 40").out).toBe('Hayward\n');
  });

  it('errors as the server words them, with the LINE and caret; exit 1', () => {
    const { psql } = postgres();
    const missing = psql('-U', 'postgres', '-c', 'SELECT * FROM nope;');
    expect(missing.err).toBe('ERROR:  relation "nope" does not exist\nLINE 1: SELECT * FROM nope;\n                      ^\n');
    expect(missing.code).toBe(1);
    expect(psql('-U', 'postgres', '-c', 'selec 1;').err).toBe('ERROR:  syntax error at or near "selec"\nLINE 1: selec 1;\n        ^\n');
    expect(psql('-U', 'postgres', '-c', 'ALTER TABLE x ADD y int;')).toMatchObject({ code: 1, err: 'ERROR:  ALTER TABLE is not supported in this sandbox\n' });
  });

  it('connects as the image’s user; root has no role; a server that is not there', () => {
    const { psql } = postgres({ POSTGRES_PASSWORD: 'pw', POSTGRES_USER: 'app', POSTGRES_DB: 'shop' });
    expect(psql('-U', 'app', '-d', 'shop', '-tA', '-c', 'SELECT current_database()').out).toBe('shop\n');
    expect(psql('-c', 'SELECT 1')).toMatchObject({ code: 2, err: 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n' });
    expect(psql('-h', 'localhost', '-p', '5433', '-U', 'app').err).toBe(
      'psql: error: connection to server at "localhost" (127.0.0.1), port 5433 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n',
    );
  });

  it('from another pod: the password is checked (PGPASSWORD)', () => {
    const { pod } = postgres({ POSTGRES_PASSWORD: 'pw' });
    const other = testPod({ ip: '10.244.2.9', clock: pod.clock, network: pod.network });
    const c = other.run('postgres:16', { env: { POSTGRES_PASSWORD: 'x' } });
    const run = (env: Record<string, string>) => {
      const r = other.exec(c, ['env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'psql', '-h', '10.244.1.5', '-U', 'postgres', '-tA', '-c', 'SELECT 1']);
      other.clock.advance(10);
      return { out: r.out.text, err: r.err.text };
    };
    expect(run({ PGPASSWORD: 'pw' }).out).toBe('1\n');
    expect(run({ PGPASSWORD: 'bad' }).err).toBe('psql: error: connection to server at "10.244.1.5", port 5432 failed: FATAL:  password authentication failed for user "postgres"\n');
  });
});

describe('mysql', () => {
  function mysql(image = 'mysql:8.0') {
    const pod = testPod();
    const c = pod.run(image, { env: { MYSQL_ROOT_PASSWORD: 'secret', MYSQL_DATABASE: 'menagerie', MARIADB_ROOT_PASSWORD: 'secret' } });
    pod.clock.advance(20_000);
    return (argv: string[], tty = false) => {
      const r = pod.exec(c, argv);
      if (tty) Object.assign(r.out, { isTTY: true });
      pod.clock.advance(10);
      return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
    };
  }

  it('runs the manual’s tutorial statements; tab-separated into a pipe', () => {
    const run = mysql();
    const setup = "CREATE TABLE pet (name VARCHAR(20), owner VARCHAR(20), species VARCHAR(20), sex CHAR(1), birth DATE, death DATE); INSERT INTO pet VALUES ('Bowser','Diane','dog','m','1979-08-31','1995-07-29');";
    expect(run(['mysql', '-uroot', '-psecret', 'menagerie', '-e', setup])).toMatchObject({ code: 0, err: 'mysql: [Warning] Using a password on the command line interface can be insecure.\n' });
    expect(run(['mysql', '-uroot', '-psecret', 'menagerie', '-e', "SELECT * FROM pet WHERE name = 'Bowser'"]).out).toBe('name\towner\tspecies\tsex\tbirth\tdeath\nBowser\tDiane\tdog\tm\t1979-08-31\t1995-07-29\n');
    expect(run(['mysql', '-uroot', '-psecret', '-N', '-e', 'SHOW DATABASES']).out).toBe('information_schema\nmenagerie\nmysql\nperformance_schema\nsys\n');
  });

  it('draws boxed tables with -t (as on a terminal), numbers right-aligned', () => {
    const run = mysql();
    expect(run(['mysql', '-uroot', '-psecret', '-t', '-e', 'SELECT VERSION(), CURRENT_DATE']).out).toMatch(/^\+-+\+-+\+\n\| VERSION\(\) \| CURRENT_DATE \|\n\+-+\+-+\+\n\| 8\.0\.\d+ +\| \d{4}-\d\d-\d\d {3}\|\n\+-+\+-+\+\n$/);
    expect(run(['mysql', '-uroot', '-psecret', '-t', '-e', 'SELECT 1']).out).toBe('+---+\n| 1 |\n+---+\n| 1 |\n+---+\n');
  });

  it('reports what the client reports: access denied, unknown table, syntax, no server', () => {
    const run = mysql();
    expect(run(['mysql', '-uroot', '-pwrong', '-e', 'SELECT 1']).err).toContain("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n");
    expect(run(['mysql', '-uroot', '-psecret', 'menagerie', '-e', 'SELECT * FROM nope'])).toMatchObject({ code: 1, err: expect.stringContaining("ERROR 1146 (42S02): Table 'menagerie.nope' doesn't exist\n") });
    expect(run(['mysql', '-uroot', '-psecret', '-e', 'SELEC 1']).err).toContain("ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1\n");
    expect(run(['mysql', '-h', '127.0.0.1', '-P', '3307', '-uroot', '-e', 'SELECT 1']).err).toBe("ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:3307' (111)\n");
  });

  // client/mysql.cc's greeting; welcome_copyright_notice.h ends the copyright at the release's year
  // (8.0.36 came out in January 2024: official-images history).
  it.each([['mysql:8.0.36', '2024']])('%s at a terminal: the monitor greeting, prompt and a boxed SHOW DATABASES', (image, year) => {
    const pod = testPod();
    const c = pod.run(image, { env: { MYSQL_ROOT_PASSWORD: 'secret' } });
    pod.clock.advance(20_000);
    const stdin = Object.assign(new Pipe(), { isTTY: true });
    const out = Object.assign(new StringSink(), { isTTY: true });
    const r = c.exec(['mysql', '-uroot', '-psecret'], { stdin, stdout: out, stderr: new StringSink(), tty: true });
    expect(r.ok).toBe(true);
    stdin.write('SHOW DATABASES;\nquit\n');
    pod.clock.advance(100);
    const version = image.split(':')[1];
    expect(out.text).toBe(
      `Welcome to the MySQL monitor.  Commands end with ; or \\g.\nYour MySQL connection id is 8\nServer version: ${version} MySQL Community Server - GPL\n\n` +
        `Copyright (c) 2000, ${year}, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n\n` +
        "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n" +
        'mysql> +--------------------+\n| Database           |\n+--------------------+\n| information_schema |\n| mysql              |\n| performance_schema |\n| sys                |\n+--------------------+\n4 rows in set (0.00 sec)\n\nmysql> Bye\n',
    );
  });

  // `mysql --version` as 5.7 and 8.0 clients print it (5.7: the old "Ver 14.14 Distrib" form, quoted in many install guides).
  it('mysql --version per client generation', () => {
    const pod = testPod();
    const old = pod.run('mysql:5.7.44', { name: 'old', command: ['mysql', '--version'] });
    const cur = pod.run('mysql:8.0.36', { name: 'cur', command: ['mysql', '--version'] });
    pod.clock.advance(100);
    expect(logText(old)).toBe('mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper\n');
    expect(logText(cur)).toBe('mysql  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)\n');
  });

  // 5.7 servers' version_comment is "MySQL Community Server (GPL)"; 8.0 changed it to "- GPL".
  it('the monitor greeting names a 5.7 server with its own comment', () => {
    const pod = testPod();
    const c = pod.run('mysql:5.7.44', { env: { MYSQL_ROOT_PASSWORD: 'secret' } });
    pod.clock.advance(20_000);
    const stdin = Object.assign(new Pipe(), { isTTY: true });
    const out = Object.assign(new StringSink(), { isTTY: true });
    c.exec(['mysql', '-uroot', '-psecret'], { stdin, stdout: out, stderr: new StringSink(), tty: true });
    stdin.write('quit\n');
    pod.clock.advance(100);
    expect(out.text).toContain('\nServer version: 5.7.44 MySQL Community Server (GPL)\n');
  });

  // client/mysql.cc (CR_CONNECTION_ERROR) and libmariadb's errmsg.c: "local MySQL server" vs "local server";
  // the socket each image's client is built with (mysqld's and mariadbd's "ready for connections" lines name it).
  it('no server on the socket: ERROR 2002 with the socket path of each client', () => {
    const pod = testPod();
    const my = pod.run('mysql:8.0', { name: 'my', command: ['sleep', '3600'] });
    const maria = pod.run('mariadb:10.11', { name: 'maria', command: ['sleep', '3600'] });
    const a = pod.exec(my, ['mysql', '-uroot', '-e', 'SELECT 1']);
    const b = pod.exec(maria, ['mysql', '-uroot', '-e', 'SELECT 1']);
    pod.clock.advance(100);
    expect(a.err.text).toBe("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n");
    expect(b.err.text).toBe("ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n");
    expect(b.proc.exitCode).toBe(1);
  });

  it('mariadb 11 has `mariadb` and no `mysql`', () => {
    const run = mysql('mariadb:11');
    expect(run(['mariadb', '-uroot', '-psecret', '-e', 'SELECT 1+1']).out).toBe('1+1\n2\n');
    expect(() => run(['mysql', '--version'])).toThrow(/executable file not found/);
  });
});
