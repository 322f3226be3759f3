/**
 * docker.io/library/nginx (nginx/docker-nginx mainline): Debian tags and alpine tags. EXPOSE 80,
 * ENTRYPOINT /docker-entrypoint.sh, CMD nginx -g 'daemon off;', STOPSIGNAL SIGQUIT.
 */
import { SIGNALS } from '../kernel/signals.js';
import { PROGRAMS } from '../programs/index.js';
import { NGINX_HTML_ROOT, nginxBinary, nginxEntrypoint, type NginxBuild } from '../programs/servers/nginx.js';
import { DEFAULT_PATH } from '../runtime/exec-path.js';
import type { Image, ImageConfig } from './types.js';
import { alpineBase, debianBase, merge, type Userland } from './userland.js';

const VERSION = '1.27.3';

/** The `<head>` both stock pages share. */
const pageHead = (title: string) => `<!DOCTYPE html>
<html>
<head>
<title>${title}</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
`;

export const NGINX_INDEX_HTML = `${pageHead('Welcome to nginx!')}<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X_HTML = `${pageHead('Error')}<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const SCRIPTS = ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh'];

function nginxParts(build: NginxBuild): Partial<Userland> {
  return {
    files: {
      [`${NGINX_HTML_ROOT}/index.html`]: NGINX_INDEX_HTML,
      [`${NGINX_HTML_ROOT}/50x.html`]: NGINX_50X_HTML,
      '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
      '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    access_log  /var/log/nginx/access.log  main;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      '/docker-entrypoint.d/': '',
      '/var/log/nginx/': '',
      '/var/cache/nginx/': '',
    },
    links: { '/var/log/nginx/access.log': '/dev/stdout', '/var/log/nginx/error.log': '/dev/stderr' },
    binaries: { '/docker-entrypoint.sh': nginxEntrypoint(build), '/usr/sbin/nginx': nginxBinary(build) },
  };
}

const config = (env: Record<string, string>): ImageConfig => ({
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEFAULT_PATH, NGINX_VERSION: VERSION, ...env },
  workingDir: '/',
  stopSignal: SIGNALS.SIGQUIT,
  exposedPorts: [80],
  user: '',
});

const debian = merge(debianBase(), { binaries: { '/usr/bin/curl': PROGRAMS.curl } }, nginxParts({ version: VERSION, builtBy: 'built by gcc 12.2.0 (Debian 12.2.0-14) ', scripts: SCRIPTS }));

export const nginx: Image = {
  name: 'docker.io/library/nginx',
  tags: ['latest', 'mainline', '1', '1.27', '1.27.3', 'bookworm', 'mainline-bookworm', '1.27-bookworm', 'stable', '1.26', '1.26.2'],
  ...debian,
  config: config({ NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }),
  size: 72_188_133,
  flavor: 'gnu',
};

const alpineParts = merge(alpineBase(), { binaries: { '/usr/bin/curl': PROGRAMS.curl } }, nginxParts({ version: VERSION, builtBy: 'built by gcc 14.2.0 (Alpine 14.2.0) ', scripts: SCRIPTS }));

export const nginxAlpine: Image = {
  name: 'docker.io/library/nginx',
  tags: ['alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', '1.27.3-alpine', 'stable-alpine', 'alpine3.20'],
  ...alpineParts,
  config: config({ NJS_VERSION: '0.8.7', NJS_RELEASE: '1', PKG_RELEASE: '1', DYNPKG_RELEASE: '1' }),
  size: 20_521_504,
  flavor: 'busybox',
};
