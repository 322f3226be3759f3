/**
 * The client tools' programs by command name: a chunk of its own in the site's worker (lazy/part.ts).
 */
import { BIND_TOOLS } from '../bind/index.js';
import { jq } from './jq.js';
import { mongosh } from './mongosh.js';
import { mysqlProgram } from './mysql.js';
import { psqlProgram } from './psql.js';
import { openssl } from './openssl.js';
import { ip } from '../ip.js';
import { iproute2Ip } from '../iproute2-ip.js';
import { iputilsPing } from '../iputils-ping.js';
import { ping } from '../ping.js';
import { redisCli } from './redis-cli.js';

export default {
  jq,
  mongosh,
  // Debian bookworm's clients: postgresql-client-15 and default-mysql-client (MariaDB 10.11).
  mysql: mysqlProgram({ flavor: 'mariadb', version: 'mysql  Ver 15.1 Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64) using  EditLine wrapper' }),
  psql: psqlProgram('15.10 (Debian 15.10-0+deb12u1)'),
  openssl,
  ping,
  // busybox's applet (userland.ts), apart from the iproute2 `ip` of the nodes and the reader's machine.
  'busybox-ip': ip,
  'iputils-ping': iputilsPing,
  'iproute2-ip': iproute2Ip,
  'redis-cli': redisCli,
  ...BIND_TOOLS,
};
