/**
 * `python -m http.server [PORT]`: files of the working directory over HTTP, a listing for
 * directories, one log line per request on stderr. The "Serving HTTP" banner goes to stdout, which
 * python buffers when it is not a terminal, so `kubectl logs` shows it only with PYTHONUNBUFFERED.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc } from '../../kernel/process.js';
import { forever, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { bindPort } from '../http-server.js';

export function* staticFileServer(proc: Proc, port: number) {
  const fs = machineOf(proc).fs;
  const root = proc.env.PWD || '/';
  const bound = bindPort(proc, port, (req) => {
    const path = decodeURIComponent(req.path.split('?')[0]);
    const full = `${root.replace(/\/$/, '')}${path}`;
    let status = 200;
    let body: string;
    try {
      if (fs.stat(full).kind === 'dir') {
        const names = fs.readdir(full).sort();
        body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${path}</title>\n</head>\n<body>\n<h1>Directory listing for ${path}</h1>\n<hr>\n<ul>\n${names.map((n) => `<li><a href="${n}">${n}</a></li>\n`).join('')}</ul>\n<hr>\n</body>\n</html>\n`;
      } else body = fs.readFile(full);
    } catch {
      status = 404;
      body = '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n';
    }
    const when = strftime('%d/%b/%Y %H:%M:%S', proc.clock.now());
    proc.stderr.write(`${status === 404 ? `${req.remoteAddr} - - [${when}] code 404, message File not found\n` : ''}${req.remoteAddr} - - [${when}] "${req.method} ${req.path} HTTP/1.1" ${status} -\n`);
    return { status, headers: { Server: 'SimpleHTTP/0.6 Python/3', 'Content-Type': 'text/html; charset=utf-8' }, body };
  });
  if (bound !== 'ok') {
    proc.stderr.write('OSError: [Errno 98] Address already in use\n');
    return 1;
  }
  if (proc.env.PYTHONUNBUFFERED) proc.stdout.write(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
  yield* wait(forever);
  return 0;
}
