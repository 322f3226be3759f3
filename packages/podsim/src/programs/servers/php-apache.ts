/**
 * apache2-foreground of the php:5-apache image that registry.k8s.io/hpa-example is built on (the HPA
 * walkthrough's Dockerfile: `FROM php:5-apache`, its index.php in /var/www/html): Apache with mod_php on
 * port 80, combined-format access log on stdout. Each request to index.php runs its loop of a million
 * square roots before printing `OK!`: that CPU is charged to the container, and the answer comes when
 * the container's CPU quota has got through it, so load raises usage up to the CPU limit.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, sleep, wait, Deferred } from '../../kernel/waitable.js';
import type { HttpRequest, HttpResponse } from '../../kernel/net.js';
import { strftime } from '../date.js';
import { bindPort } from '../http-server.js';
import { spend } from '../cpu.js';

export const APACHE_VERSION = '2.4.25';
export const PHP_VERSION = '5.6.40';
export const DOCROOT = '/var/www/html';

/** One run of index.php's loop (a million `$x += sqrt($x)` in PHP 5) on one core, in ms. */
export const INDEX_PHP_CORE_MS = 40;

const SERVER = `Apache/${APACHE_VERSION} (Debian)`;

function errorLog(proc: Proc, module: string, msg: string): void {
  const t = proc.clock.now();
  proc.stderr.write(`[${strftime('%a %b %d %H:%M:%S', t)}.${String((t % 1000) * 1000).padStart(6, '0')} ${strftime('%Y', t)}] [${module}] [pid ${proc.pid}] ${msg}\n`);
}

function accessLog(proc: Proc, req: HttpRequest, status: number, bytes: number): void {
  const when = strftime('%d/%b/%Y:%H:%M:%S +0000', proc.clock.now());
  proc.stdout.write(`${req.remoteAddr} - - [${when}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${req.headers['User-Agent'] ?? '-'}"\n`);
}

function serve(proc: Proc, req: HttpRequest): HttpResponse | Deferred<HttpResponse> {
  const path = req.path.split('?')[0];
  const php = path === '/' || path === '/index.php';
  if (!php) {
    const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n<hr>\n<address>${SERVER} Server at ${req.headers.Host ?? 'localhost'} Port 80</address>\n</body></html>\n`;
    accessLog(proc, req, 404, body.length + 180);
    return { status: 404, headers: { Server: SERVER, 'Content-Type': 'text/html; charset=iso-8859-1' }, body };
  }
  const done = new Deferred<HttpResponse>();
  const ms = spend(proc, INDEX_PHP_CORE_MS);
  if (!Number.isFinite(ms)) return done;
  sleep(proc.clock, ms).subscribe(() => {
    accessLog(proc, req, 200, 207);
    done.resolve({ status: 200, headers: { Server: SERVER, 'X-Powered-By': `PHP/${PHP_VERSION}`, 'Content-Type': 'text/html' }, body: 'OK!' });
  });
  return done;
}

export const apache2Foreground: Program = function* (proc) {
  const ip = machineOf(proc).net?.ip ?? '127.0.0.1';
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  proc.stderr.write(fqdn + fqdn);
  if (bindPort(proc, 80, (req) => serve(proc, req)) !== 'ok') {
    proc.stderr.write('(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80\n(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n');
    return 1;
  }
  errorLog(proc, 'mpm_prefork:notice', `AH00163: ${SERVER} PHP/${PHP_VERSION} configured -- resuming normal operations`);
  errorLog(proc, 'core:notice', "AH00094: Command line: 'apache2 -D FOREGROUND'");
  const stop = (how: string) => () => {
    errorLog(proc, 'mpm_prefork:notice', how);
    proc.exit(0);
  };
  proc.trap(SIGNALS.SIGWINCH, stop('AH00170: caught SIGWINCH, shutting down gracefully'));
  proc.trap(SIGNALS.SIGTERM, stop('AH00169: caught SIGTERM, shutting down'));
  proc.argv.splice(0, proc.argv.length, 'apache2', '-DFOREGROUND');
  yield* wait(forever);
  return 0;
};
