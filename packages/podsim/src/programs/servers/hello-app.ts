/**
 * hello-app's Go server (kubernetes-engine-samples hello-app/main.go, 2017): answers every path with
 * a greeting, its version and the hostname; logs each request; no signal handling of its own.
 */
import type { Program } from '../../kernel/process.js';
import { forever, wait } from '../../kernel/waitable.js';
import { goListenError, goLog, installGoSignalDefaults } from '../go-runtime.js';
import { bindPort } from '../http-server.js';

export function helloServer(version: string): Program {
  return function* (proc) {
    installGoSignalDefaults(proc);
    const port = proc.env.PORT || '8080';
    goLog(proc, `Server listening on port ${port}`);
    const bound = /^\d+$/.test(port)
      ? bindPort(proc, Number(port), (req) => {
          const query = req.path.indexOf('?');
          goLog(proc, `Serving request: ${query < 0 ? req.path : req.path.slice(0, query)}`);
          return {
            status: 200,
            headers: { 'Content-Type': 'text/plain; charset=utf-8' },
            body: `Hello, world!\nVersion: ${version}\nHostname: ${proc.sys.hostname()}\n`,
          };
        })
      : 'EADDRINUSE';
    if (bound !== 'ok') {
      goLog(proc, goListenError(port));
      return 1;
    }
    yield* wait(forever);
    return 0;
  };
}
