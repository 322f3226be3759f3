/**
 * mysqladmin (mariadb-admin): `ping`, the health check images and Pod probes run. It connects as the
 * mysql client does and reports a failed connection as client/mysqladmin.cc does (the error, then
 * where to look); `ping` exits 0 whenever the server answered, even to refuse the login, since that
 * still means it is running (the manual's words for ping).
 */
import type { Program } from '../../kernel/process.js';
import { connect, parseArgs, type MysqlClient } from './mysql.js';

const ERROR = /^ERROR (\d+) \(\w+\): /;

export function mysqladminProgram(client: MysqlClient): Program {
  return function* (proc) {
    const name = proc.argv[0].split('/').pop() ?? 'mysqladmin';
    const commands: string[] = [];
    const o = parseArgs(proc, proc.argv.slice(1), commands);
    if (typeof o === 'string') {
      proc.stderr.write(`${name}: ${o}\n`);
      return 7;
    }
    if (commands.length === 0) {
      proc.stdout.write(`Usage: ${name} [OPTIONS] command command....\n`);
      return 1;
    }
    const unknown = commands.find((c) => c !== 'ping');
    if (unknown !== undefined) {
      proc.stderr.write(`${name}: Unknown command: '${unknown}'\n`);
      return 1;
    }
    if (o.password !== undefined && client.flavor === 'mysql') proc.stderr.write(`${name}: [Warning] Using a password on the command line interface can be insecure.\n`);
    const conn = yield* connect(proc, o, client);
    if (typeof conn !== 'string') {
      proc.stdout.write('mysqld is alive\n');
      return 0;
    }
    const errno = Number(ERROR.exec(conn)?.[1]);
    proc.stderr.write(`${name}: connect to server at '${o.host}' failed\nerror: '${conn.replace(ERROR, '')}'\n`);
    if (errno === 2002) proc.stderr.write(`Check that mysqld is running and that the socket: '${/'(\/[^']+)'/.exec(conn)?.[1] ?? ''}' exists!\n`);
    else if (errno === 2003 || errno === 2005) proc.stderr.write(`Check that mysqld is running on ${o.host} and that the port is ${o.port}.\nYou can check this by doing 'telnet ${o.host} ${o.port}'\n`);
    // Access denied (1045) came from a running server.
    return errno === 1045 ? 0 : 1;
  };
}
