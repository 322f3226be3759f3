/**
 * What mysqld takes from its option files and its pod: the [mysqld] options of /etc/mysql/conf.d/*.cnf
 * (where the images' my.cnf includes them from, and where the pages mount theirs) as the system
 * variables they set, and how the server reaches another one (a replica's source).
 */
import { machineOf } from '../../../kernel/machine.js';
import type { Proc } from '../../../kernel/process.js';
import { connect, resolveHost } from '../../net-client.js';
import type { Cell, SqlServerInfo } from './sql.js';

const CONF_DIR = '/etc/mysql/conf.d';

/** `[mysqld]` options by name (dashes for underscores, as mysqld reads them); a bare option is ''. */
export function mysqldOptions(proc: Proc): Record<string, string> {
  const fs = machineOf(proc).fs;
  const out: Record<string, string> = {};
  let names: string[];
  try {
    names = fs.readdir(CONF_DIR).filter((n) => n.endsWith('.cnf')).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    let section = '';
    for (const raw of fs.readFileOr(`${CONF_DIR}/${n}`).split('\n')) {
      const line = raw.replace(/^\s*[#;].*$/, '').trim();
      const header = /^\[(.+)\]$/.exec(line);
      if (header) section = header[1].trim();
      else if (section === 'mysqld' && line !== '') {
        const eq = line.indexOf('=');
        out[(eq < 0 ? line : line.slice(0, eq)).trim().replace(/_/g, '-')] = eq < 0 ? '' : line.slice(eq + 1).trim();
      }
    }
  }
  return out;
}

const on = (v: string | undefined, byDefault: boolean) => (v === undefined ? byDefault : !/^(0|off|false)$/i.test(v)) ? 'ON' : 'OFF';

/**
 * The system variables the options set, with the server's defaults: server_id 0 in 5.7 and 1 from 8.0,
 * the binlog off in 5.7 and on from 8.0, its base name `HOSTNAME-bin` in the data directory.
 */
export function mysqldRuntime(proc: Proc, version: string): Pick<SqlServerInfo, 'variables' | 'connect'> {
  const o = mysqldOptions(proc);
  const eight = Number(version.split('.')[0]) >= 8;
  const hostname = proc.sys.hostname();
  const variables: Record<string, Cell> = {
    hostname,
    server_id: o['server-id'] !== undefined ? Number(o['server-id']) : eight ? 1 : 0,
    log_bin: on(o['log-bin'] ?? (o['skip-log-bin'] !== undefined || o['disable-log-bin'] !== undefined ? '0' : undefined), eight),
    log_bin_basename: `/var/lib/mysql/${o['log-bin'] || `${hostname}-bin`}`,
    super_read_only: on(o['super-read-only'], false),
    read_only: on(o['super-read-only'] ?? o['read-only'], false),
  };
  const self = machineOf(proc).net?.ip ?? '127.0.0.1';
  return {
    variables,
    connect: (host, port) => {
      const ip = resolveHost(proc, host);
      const to = ip === undefined ? 'EHOSTUNREACH' : connect(proc, ip, port);
      return typeof to === 'string' ? undefined : to.open?.(self);
    },
  };
}
