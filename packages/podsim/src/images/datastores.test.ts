import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';

const reach = (port: number) => {
  const server = testPod({ name: 'db', ip: '10.244.1.7' });
  const client = testPod({ name: 'client', ip: '10.244.2.3', clock: server.clock, network: server.network });
  const bb = client.run('busybox:1.36', { command: ['sleep', '3600'] });
  return { server, open: () => client.exec(bb, ['nc', '-z', '10.244.1.7', String(port)]).proc.exitCode === 0 };
};

describe('data store images', () => {
  it('postgres without POSTGRES_PASSWORD prints the entrypoint error and exits 1', () => {
    const pod = testPod();
    const c = pod.run('postgres:16');
    expect(exitOf(c)).toMatchObject({ exitCode: 1 });
    expect(logText(c)).toBe(`Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`);
  });

  it('postgres with a password initialises, opens 5432 when ready and stops fast on SIGINT (its STOPSIGNAL) with 0', () => {
    const { server, open } = reach(5432);
    const c = server.run('postgres:16', { env: { POSTGRES_PASSWORD: 'secret' } });
    expect(c.stopSignal).toBe(SIGNALS.SIGINT);
    expect(open()).toBe(false);
    server.clock.advance(2000);
    expect(logText(c)).toMatch(/LOG: {2}starting PostgreSQL 16\.\d+ \(Debian/);
    expect(logText(c)).toContain('LOG:  database system is ready to accept connections\n');
    expect(open()).toBe(true);
    c.kill(SIGNALS.SIGINT);
    server.clock.advance(500);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
    expect(logText(c)).toContain('LOG:  received fast shutdown request\n');
  });

  it('mysql needs one of its root password settings; with one it is ready on 3306 after initialising', () => {
    const pod = testPod();
    const bad = pod.run('mysql:8.0', { name: 'bad' });
    expect(exitOf(bad)).toMatchObject({ exitCode: 1 });
    expect(logText(bad)).toContain('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n');
    const { server, open } = reach(3306);
    const c = server.run('mysql:8.0', { env: { MYSQL_ROOT_PASSWORD: 'pw' } });
    server.clock.advance(5000);
    expect(open()).toBe(false);
    server.clock.advance(10_000);
    expect(logText(c)).toMatch(/\/usr\/sbin\/mysqld: ready for connections\. Version: '8\.0\.\d+'/);
    expect(open()).toBe(true);
    c.kill(SIGNALS.SIGTERM);
    server.clock.advance(2000);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('mysqladmin ping says the server is alive once it is ready, and where to look when it cannot connect (client/mysqladmin.cc)', () => {
    const pod = testPod();
    const c = pod.run('mysql:5.7', { env: { MYSQL_ALLOW_EMPTY_PASSWORD: '1' } });
    const run = (argv: string[]) => {
      const r = pod.exec(c, argv);
      pod.clock.advance(100);
      return { out: r.out.text, err: r.err.text, code: r.proc.exitCode };
    };
    expect(run(['mysqladmin', 'ping'])).toEqual({
      out: '',
      err: "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n",
      code: 1,
    });
    pod.clock.advance(30_000);
    expect(run(['mysqladmin', 'ping'])).toEqual({ out: 'mysqld is alive\n', err: '', code: 0 });
    expect(run(['mysqladmin', '-h', '127.0.0.1', '-P', '3307', 'ping'])).toEqual({
      out: '',
      err: "mysqladmin: connect to server at '127.0.0.1' failed\nerror: 'Can't connect to MySQL server on '127.0.0.1:3307' (111)'\nCheck that mysqld is running on 127.0.0.1 and that the port is 3307.\nYou can check this by doing 'telnet 127.0.0.1 3307'\n",
      code: 1,
    });
    expect(run(['mysqladmin', 'flush-everything'])).toEqual({ out: '', err: "mysqladmin: Unknown command: 'flush-everything'\n", code: 1 });
  });

  it('mariadb accepts MARIADB_ROOT_PASSWORD and names its own settings when none is given', () => {
    const pod = testPod();
    const bad = pod.run('mariadb:10.6', { name: 'bad' });
    expect(logText(bad)).toContain('You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH');
    const ok = pod.run('mariadb:10.6', { name: 'ok', env: { MARIADB_ROOT_PASSWORD: 'pw' } });
    pod.clock.advance(5000);
    expect(logText(ok)).toContain('mariadbd: ready for connections.');
  });

  it('mongo 4.2 logs text lines and 4.4+ JSON, both waiting on 27017; SIGTERM ends with 0', () => {
    const { server, open } = reach(27017);
    const old = server.run('mongo:4.2', { name: 'old' });
    server.clock.advance(1000);
    expect(logText(old)).toContain('I  NETWORK  [initandlisten] waiting for connections on port 27017\n');
    expect(open()).toBe(true);
    const pod = testPod({ name: 'new', ip: '10.244.1.8', clock: server.clock, network: server.network });
    const c = pod.run('mongo:7');
    server.clock.advance(1000);
    expect(logText(c)).toContain('"msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}');
    c.kill(SIGNALS.SIGTERM);
    server.clock.advance(500);
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
  });

  it('memcached is silent and listens on 11211; rabbitmq reports startup complete on 5672', () => {
    const { server, open } = reach(11211);
    const m = server.run('memcached:1.6');
    server.clock.advance(10);
    expect(logText(m)).toBe('');
    expect(open()).toBe(true);
    const pod = testPod({ name: 'mq', ip: '10.244.1.9', clock: server.clock, network: server.network });
    const r = pod.run('rabbitmq:3-management');
    server.clock.advance(7000);
    expect(logText(r)).toContain(' Server startup complete; 4 plugins started.');
  });

  it('the entrypoint runs other commands as given (docker-entrypoint.sh bash -c)', () => {
    const pod = testPod();
    const c = pod.run('postgres:16-alpine', { args: ['sh', '-c', 'echo $PG_MAJOR'] });
    pod.clock.advance(10);
    expect(logText(c)).toBe('16\n');
  });
});
