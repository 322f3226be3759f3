/**
 * Runs one scenario twice on identically seeded clusters, step by step: through podsim's own kubectl
 * (a Sandbox) and through the real kubectl against `podsim serve` (in-process, ephemeral loopback
 * port). Virtual time never follows wall time: `sleep N` advances both clusters, and while the real
 * kubectl waits on a watch or stream with no request in flight, the server's clock steps from timer to
 * timer (as the sandbox does while a command runs). After every step the clocks are realigned.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Cluster } from '../../src/cluster/cluster.js';
import { createSandbox } from '../../src/host/sandbox.js';
import { ManualTime } from '../../src/serve/pacing.js';
import { startServer, type PodsimServer } from '../../src/serve/server.js';
import type { Scenario } from './scenarios.js';

export interface StepOutcome {
  command: string;
  ours: string;
  real: string;
}

/**
 * The real kubectl's kubeconfig: the sandbox's names (a kubeadm cluster's), but the server is `podsim
 * serve` on loopback over plain HTTP, so only the server URL and credentials differ.
 */
function writeSandboxLikeKubeconfig(file: string, server: string): void {
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
preferences: {}
users:
- name: kubernetes-admin
  user: {}
`,
    { mode: 0o600 },
  );
}

/** Where podsim's kubectl writes a step's bytes, so they are compared before any terminal renders them. */
const OUT_FILE = '.differential-out';

/** A step as one shell command list reading nothing (stdin is not a terminal on either side); the caller joins stdout and stderr. */
const grouped = (line: string): string => `{ ${line}; } < /dev/null`;

function runKubectl(line: string, cwd: string, server: PodsimServer, cluster: Cluster): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `${grouped(line)} 2>&1`], { cwd, env: { ...process.env, KUBECONFIG: join(cwd, '.kubeconfig'), HOME: cwd } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    // Move virtual time only while kubectl sits on an open watch/stream and has sent nothing new.
    let lastRequests = -1;
    const limit = cluster.clock.now() + 5 * 60_000;
    const stepper = setInterval(() => {
      const a = server.activity();
      if (a.busy === 0 && a.streams > 0 && a.requests === lastRequests && cluster.clock.now() < limit) cluster.clock.step();
      lastRequests = a.requests;
    }, 15);
    child.on('close', () => {
      clearInterval(stepper);
      resolve(out);
    });
  });
}

export async function runScenario(s: Scenario, seed = 1): Promise<StepOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'podsim-diff-'));
  for (const [name, content] of Object.entries(s.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const sandbox = createSandbox({ seed, files: s.files });
  // The real kubectl measures describe/events ages against wall time: keep the served cluster in its past.
  const cluster = new Cluster({ seed, startTime: Math.floor(Date.now() / 1000) * 1000 - 24 * 3600_000 });
  cluster.clock.flush();
  const time = new ManualTime(cluster);
  const server = await startServer({ cluster, time });
  writeSandboxLikeKubeconfig(join(dir, '.kubeconfig'), server.url);
  // Both clusters run the same virtual timeline, measured from their own start.
  const sandboxStart = sandbox.now();
  const clusterStart = cluster.clock.now();
  const align = (): void => {
    const a = sandbox.now() - sandboxStart;
    const b = cluster.clock.now() - clusterStart;
    if (a < b) sandbox.advance(b - a);
    if (b < a) cluster.advance(a - b);
  };
  const outcomes: StepOutcome[] = [];
  try {
    for (const step of s.steps) {
      const edit = /^edit (\S+)$/.exec(step);
      if (edit) {
        const content = s.edits?.[edit[1]] ?? '';
        writeFileSync(join(dir, edit[1]), content);
        sandbox.writeFile(edit[1], content);
        continue;
      }
      const sleep = /^sleep (\d+)$/.exec(step);
      if (sleep) {
        sandbox.advance(Number(sleep[1]) * 1000);
        cluster.advance(Number(sleep[1]) * 1000);
        continue;
      }
      // Redirected like the real kubectl's (a pipe there, a file here): neither side has a terminal.
      const shown = (await sandbox.run(`${grouped(step)} > ${OUT_FILE} 2>&1`)).output;
      const ours = shown + (sandbox.readFile(OUT_FILE) ?? '');
      cluster.clock.flush();
      const real = await runKubectl(step, dir, server, cluster);
      cluster.clock.flush();
      outcomes.push({ command: step, ours, real });
      align();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return outcomes;
}
