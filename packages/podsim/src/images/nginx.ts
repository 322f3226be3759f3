/**
 * docker.io/library/nginx (nginx/docker-nginx mainline): Debian tags and alpine tags. EXPOSE 80,
 * ENTRYPOINT /docker-entrypoint.sh, CMD nginx -g 'daemon off;', STOPSIGNAL SIGQUIT.
 */
import { SIGNALS } from '../kernel/signals.js';
import { PROGRAMS } from '../programs/index.js';
import { NGINX_HTML_ROOT, nginxBinary, nginxEntrypoint, type NginxBuild } from '../programs/servers/nginx.js';
import { DEFAULT_PATH, type Image } from './types.js';
import { debianOsRelease, DEBIAN_CODENAMES } from './families/os-release.js';
import { imageSize } from './families/sizes.js';
import { atLeast, baseOf, fullVersion, splitTag } from './families/version.js';
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

/**
 * The nginx.org package's /etc/nginx/nginx.conf as the image ships it (`cat` in an nginx:1.2x container),
 * blank first line and all.
 */
const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const SCRIPTS = ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh'];

function nginxParts(build: NginxBuild): Partial<Userland> {
  return {
    files: {
      [`${NGINX_HTML_ROOT}/index.html`]: NGINX_INDEX_HTML,
      [`${NGINX_HTML_ROOT}/50x.html`]: NGINX_50X_HTML,
      '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/docker-entrypoint.d/': '',
      '/var/log/nginx/': '',
      '/var/cache/nginx/': '',
    },
    links: { '/var/log/nginx/access.log': '/dev/stdout', '/var/log/nginx/error.log': '/dev/stderr' },
    binaries: { '/docker-entrypoint.sh': nginxEntrypoint(build), '/usr/sbin/nginx': nginxBinary(build) },
  };
}

/**
 * How the image changed over the 1.x line (nginxinc/docker-nginx history): the entrypoint and its
 * scripts arrived in 1.19 (worker tuning in 1.21, local resolvers in 1.25.3), STOPSIGNAL SIGQUIT in
 * 1.21; the Debian base moved stretch → buster → bullseye → bookworm.
 */
const ERAS: { from: string; codename: string; gcc: string; alpineGcc: string }[] = [
  { from: '1.0', codename: 'stretch', gcc: 'gcc 6.3.0 20170516 (Debian 6.3.0-18+deb9u1)', alpineGcc: 'gcc 6.4.0 (Alpine 6.4.0)' },
  { from: '1.16', codename: 'buster', gcc: 'gcc 8.3.0 (Debian 8.3.0-6)', alpineGcc: 'gcc 8.3.0 (Alpine 8.3.0)' },
  { from: '1.21', codename: 'bullseye', gcc: 'gcc 10.2.1 20210110 (Debian 10.2.1-6)', alpineGcc: 'gcc 10.3.1 20211027 (Alpine 10.3.1_git20211027)' },
  { from: '1.25', codename: 'bookworm', gcc: 'gcc 12.2.0 (Debian 12.2.0-14)', alpineGcc: 'gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014)' },
];

function scriptsOf(version: string): string[] {
  if (!atLeast(version, '1.19')) return [];
  return SCRIPTS.filter((s) => (s.startsWith('30-') ? atLeast(version, '1.21') : s.startsWith('15-') ? atLeast(version, '1.25.3') : true));
}

/** nginx:<tag> for any published tag: version from the tag (aliases are the current mainline). */
export function nginxImage(repository: string, tag: string): Image {
  const { version: v, variant } = splitTag(tag);
  const version = fullVersion(repository, v, VERSION);
  const era = [...ERAS].reverse().find((e) => atLeast(version, e.from)) ?? ERAS[0];
  const alpine = baseOf(variant) === 'alpine';
  const codename = DEBIAN_CODENAMES.find((c) => variant.includes(c)) ?? era.codename;
  const scripts = scriptsOf(version);
  const build: NginxBuild = { version, builtBy: `built by ${alpine ? era.alpineGcc : era.gcc} `, scripts };
  const base = alpine ? alpineBase() : merge(debianBase(), { files: debianOsRelease(codename) });
  const parts = merge(base, { binaries: { '/usr/bin/curl': PROGRAMS.curl } }, nginxParts(build));
  // The Dockerfiles add the `nginx` system account (uid and gid 101) that the workers run as.
  parts.files['/etc/passwd'] += alpine ? 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n' : 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n';
  parts.files['/etc/group'] += 'nginx:x:101:\n';
  if (scripts.length === 0) {
    delete parts.binaries['/docker-entrypoint.sh'];
    delete parts.files['/docker-entrypoint.d/'];
  }
  const release = alpine ? '1' : `1~${codename}`;
  return {
    name: repository,
    tags: [tag],
    ...parts,
    config: {
      entrypoint: scripts.length > 0 ? ['/docker-entrypoint.sh'] : undefined,
      cmd: ['nginx', '-g', 'daemon off;'],
      env: { PATH: DEFAULT_PATH, NGINX_VERSION: version, NJS_VERSION: '0.8.7', NJS_RELEASE: release, PKG_RELEASE: release, DYNPKG_RELEASE: release },
      workingDir: '/',
      stopSignal: atLeast(version, '1.21') ? SIGNALS.SIGQUIT : SIGNALS.SIGTERM,
      exposedPorts: [80],
      user: '',
    },
    size: imageSize(repository, variant, 72_188_133),
    flavor: alpine ? 'busybox' : 'gnu',
    // The master and its two workers (worker_processes auto on a 2-CPU node), idle.
    resident: 772 * 4096,
  };
}

export const nginx: Image = { ...nginxImage('docker.io/library/nginx', VERSION), tags: ['latest', 'mainline', '1', '1.27', VERSION, 'bookworm', 'mainline-bookworm', '1.27-bookworm'], size: 72_188_133 };
export const nginxAlpine: Image = { ...nginxImage('docker.io/library/nginx', `${VERSION}-alpine`), tags: ['alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', `${VERSION}-alpine`, 'stable-alpine', 'alpine3.20'], size: 20_521_504 };
