/** docker.io/library/httpd (Debian): httpd-foreground on port 80, "It works!", STOPSIGNAL SIGWINCH. */
import { SIGNALS } from '../kernel/signals.js';
import { HTDOCS, HTTPD_VERSION, httpdForeground } from '../programs/servers/httpd.js';
import type { Image } from './types.js';
import { debianBase, merge } from './userland.js';

export const httpd: Image = {
  name: 'docker.io/library/httpd',
  tags: ['latest', '2', '2.4', HTTPD_VERSION, 'bookworm', '2.4-bookworm'],
  ...merge(debianBase(), {
    files: { [`${HTDOCS}/index.html`]: '<html><body><h1>It works!</h1></body></html>\n' },
    binaries: { '/usr/local/apache2/bin/httpd-foreground': httpdForeground },
  }),
  config: {
    cmd: ['httpd-foreground'],
    env: { PATH: '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION },
    workingDir: '/usr/local/apache2',
    stopSignal: SIGNALS.SIGWINCH,
    exposedPorts: [80],
    user: '',
  },
  size: 58_360_418,
  flavor: 'gnu',
};
