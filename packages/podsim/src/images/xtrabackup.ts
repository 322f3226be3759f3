/**
 * gcr.io/google-samples/xtrabackup, the replicated MySQL tutorial's clone and backup image: a Debian
 * userland with Percona XtraBackup 2.4 (xtrabackup, xbstream), nmap's ncat and a MySQL 5.7 client.
 */
import { SIGNALS } from '../kernel/signals.js';
import { mysqlProgram } from '../programs/clients/mysql.js';
import { ncat, xbstream, xtrabackup } from '../programs/xtrabackup.js';
import type { FamilyBuild } from './families/index.js';
import { DEFAULT_PATH } from './types.js';
import { debianBase, merge } from './userland.js';

export const xtrabackupImage: FamilyBuild = (repo, tag) => ({
  name: repo,
  tags: [tag],
  ...merge(debianBase(), {
    binaries: {
      '/usr/bin/xtrabackup': xtrabackup,
      '/usr/bin/xbstream': xbstream,
      '/usr/bin/ncat': ncat,
      '/usr/bin/mysql': mysqlProgram({ flavor: 'mysql', version: 'mysql  Ver 14.14 Distrib 5.7.20, for Linux (x86_64) using  EditLine wrapper' }),
    },
  }),
  config: { cmd: ['bash'], env: { PATH: DEFAULT_PATH }, workingDir: '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
  size: 114_000_000,
  flavor: 'gnu',
});
