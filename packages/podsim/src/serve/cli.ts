/** `podsim serve [--port N] [--seed N] [--speed X] [--kubeconfig FILE]`: serve a paced cluster until SIGINT/SIGTERM. */
import { resolve } from 'node:path';
import { Cluster } from '../cluster/cluster.js';
import { writeKubeconfig } from './kubeconfig.js';
import { wallClockStart, WallClockPacer } from './pacing.js';
import { startServer } from './server.js';

export const SERVE_USAGE = `Usage:
  podsim serve [--port N] [--seed N] [--speed X] [--kubeconfig FILE]
      serve a simulated cluster to the real kubectl on http://127.0.0.1:PORT (default port 6443,
      0 picks a free one); virtual time runs X times wall time (default 1); writes a kubeconfig
      (default ./podsim.kubeconfig) with context "podsim": kubectl --kubeconfig FILE get pods
`;

export interface ServeArgs {
  port: number;
  seed: number;
  speed: number;
  kubeconfig: string;
}

export function parseServeArgs(argv: string[]): ServeArgs | string {
  const a: ServeArgs = { port: 6443, seed: 1, speed: 1, kubeconfig: 'podsim.kubeconfig' };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(port|seed|speed|kubeconfig)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return `unknown option ${argv[i]}`;
    const v = m[2] ?? argv[++i];
    if (v === undefined) return `--${m[1]} needs a value`;
    if (m[1] === 'kubeconfig') a.kubeconfig = v;
    else if (!/^\d+(\.\d+)?$/.test(v) || (m[1] !== 'speed' && v.includes('.'))) return `--${m[1]} must be a number, got ${JSON.stringify(v)}`;
    else a[m[1] as 'port' | 'seed' | 'speed'] = Number(v);
  }
  return a;
}

/** A listen failure as one line (busy or forbidden port), never a stack trace. */
export function listenErrorText(e: unknown, port: number): string {
  const code = (e as { code?: string }).code;
  const where = `127.0.0.1:${port}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: address already in use (another podsim serve or kubectl proxy?); pick another with --port N, or --port 0 for a free one`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied; pick a port above 1023 with --port N`;
  return `cannot listen on ${where}: ${e instanceof Error ? e.message : String(e)}`;
}

export async function serveMain(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const a = parseServeArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`podsim serve: ${a}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const cluster = new Cluster({ seed: a.seed, startTime: wallClockStart() });
  let server;
  try {
    server = await startServer({ cluster, port: a.port, time: new WallClockPacer(cluster, a.speed) });
  } catch (e) {
    process.stderr.write(`podsim serve: ${listenErrorText(e, a.port)}\n`);
    return 1;
  }
  const file = resolve(a.kubeconfig);
  writeKubeconfig(file, server.url);
  process.stdout.write(`podsim serving on ${server.url} (seed ${a.seed}, speed ${a.speed}x)\nkubectl --kubeconfig ${file} get nodes\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}
