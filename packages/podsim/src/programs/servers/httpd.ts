/**
 * Apache httpd 2.4 (docker-library/httpd): httpd-foreground on port 80 serving htdocs ("It works!"),
 * common-format access log on stdout; SIGWINCH (the image's STOPSIGNAL) stops gracefully, SIGTERM at once.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc, Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { bindPort } from '../http-server.js';
import { utf8Length } from '../../kernel/utf8.js';

export const HTTPD_VERSION = '2.4.62';
export const HTDOCS = '/usr/local/apache2/htdocs';

function errorLog(proc: Proc, module: string, msg: string): void {
  const t = proc.clock.now();
  proc.stderr.write(`[${strftime('%a %b %d %H:%M:%S', t)}.${String((t % 1000) * 1000).padStart(6, '0')} ${strftime('%Y', t)}] [${module}] [pid ${proc.pid}:tid ${proc.pid}] ${msg}\n`);
}

export const httpdForeground: Program = function* (proc) {
  const ip = machineOf(proc).net?.ip ?? '127.0.0.1';
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  proc.stderr.write(fqdn + fqdn);
  const bound = bindPort(proc, 80, (req) => {
    let res: { status: number; body: string };
    try {
      res = { status: 200, body: machineOf(proc).fs.readFile(`${HTDOCS}${req.path.endsWith('/') ? `${req.path}index.html` : req.path}`) };
    } catch {
      res = { status: 404, body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n` };
    }
    const size = utf8Length(res.body);
    proc.stdout.write(`${req.remoteAddr} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', proc.clock.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${size}\n`);
    return { status: res.status, headers: { Server: `Apache/${HTTPD_VERSION} (Unix)`, 'Content-Type': 'text/html' }, body: res.body };
  });
  if (bound !== 'ok') {
    proc.stderr.write('(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80\n(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n');
    return 1;
  }
  errorLog(proc, 'mpm_event:notice', `AH00489: Apache/${HTTPD_VERSION} (Unix) configured -- resuming normal operations`);
  errorLog(proc, 'core:notice', "AH00094: Command line: 'httpd -D FOREGROUND'");
  proc.trap(SIGNALS.SIGWINCH, () => {
    errorLog(proc, 'mpm_event:notice', 'AH00492: caught SIGWINCH, shutting down gracefully');
    proc.exit(0);
  });
  proc.trap(SIGNALS.SIGTERM, () => {
    errorLog(proc, 'mpm_event:notice', 'AH00491: caught SIGTERM, shutting down');
    proc.exit(0);
  });
  proc.argv.splice(0, proc.argv.length, 'httpd', '-DFOREGROUND');
  yield* wait(forever);
  return 0;
};
