/** Test helper: a simulated cluster served on loopback with a kubeconfig, and the real kubectl pointed at it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../cluster/cluster.js';
import { writeKubeconfig } from './kubeconfig.js';
import { ManualTime } from './pacing.js';
import { startServer, type PodsimServer } from './server.js';

export const REAL_KUBECTL = '/usr/bin/kubectl';

export interface KubectlRun {
  out: string;
  err: string;
  code: number;
}

export interface Served {
  cluster: Cluster;
  server: PodsimServer;
  /** Runs the real kubectl against the server, in a scratch directory that is also its HOME. */
  kubectl(args: string[], opts?: { input?: string; env?: Record<string, string> }): Promise<KubectlRun>;
  /** Writes a file into the scratch directory and returns its path. */
  file(name: string, text: string): string;
  close(): Promise<void>;
}

export async function serveCluster(seed: number): Promise<Served> {
  const cluster = new Cluster({ seed });
  cluster.clock.flush();
  const server = await startServer({ cluster, time: new ManualTime(cluster) });
  const dir = mkdtempSync(join(tmpdir(), 'podsim-serve-'));
  writeKubeconfig(join(dir, 'kc'), server.url);
  return {
    cluster,
    server,
    kubectl: (args, opts = {}) =>
      new Promise((resolve) => {
        const env = { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: join(dir, 'kc'), ...opts.env };
        const child = execFile(REAL_KUBECTL, args, { cwd: dir, env }, (e, out, err) => resolve({ out, err, code: e ? Number((e as { code?: number }).code ?? 1) : 0 }));
        child.stdin?.end(opts.input ?? '');
      }),
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
