/**
 * Runs one scenario twice on identically seeded clusters, step by step: through podsim's own kubectl
 * (a Sandbox) and through the real kubectl against `podsim serve` (in-process, ephemeral loopback
 * port). Virtual time never follows wall time: `sleep N` advances both clusters, and while the real
 * kubectl waits on a watch or stream with no request in flight, the server's clock steps from timer to
 * timer (as the sandbox does while a command runs). After every step the clocks are realigned.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../../src/cluster/cluster.js';
import { createSandbox } from '../../src/host/sandbox.js';
import { writeKubeconfig } from '../../src/serve/kubeconfig.js';
import { ManualTime } from '../../src/serve/pacing.js';
import { startServer, type PodsimServer } from '../../src/serve/server.js';
import type { Scenario } from './scenarios.js';

export interface StepOutcome {
  command: string;
  ours: string;
  real: string;
}

/** Ages, generated names, IPs, UIDs, container IDs and timestamps differ run to run; everything else must not. */
export function normalise(text: string): string {
  return expandTabs(text.replace(/\r\n/g, '\n'))
    .replace(/pod-template-hash=\w+/g, 'pod-template-hash=<hash>')
    .replace(/<invalid>/g, '<age>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
    .replace(/\b(containerd|docker):\/\/[0-9a-f]+/g, '<cid>')
    .replace(/sha256:[0-9a-f]{64}/g, '<digest>')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<ts>')
    .replace(/\b\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\b/g, '<logdate>')
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, '<date>')
    .replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(\/\d+)?\b/g, '<ip>')
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{8,10}(-[bcdfghjklmnpqrstvwxz2456789]{5})?\b/g, '-<hash>')
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-<sfx>')
    .replace(/\.[0-9a-f]{16}\b/g, '.<hex>')
    .replace(/\b(resourceVersion"?:\s*)"\d+"/g, '$1"<rv>"')
    .replace(/\b\d+(\.\d+)?(ms|s|m|h|d)(\d+(ms|s|m|h))?\b/g, '<age>')
    .replace(/\(x\d+ over <age>\)/g, '(xN over <age>)')
    .replace(/v1\.32\.4-dispatcher/g, 'v1.32.4')
    .replace(/ +\n/g, '\n')
    // Ages of different lengths shift table columns; compare the text, not the padding.
    .replace(/ {2,}/g, '  ');
}

/** The terminal shows tabs as spaces to the next multiple of 8; the real kubectl's output keeps them. */
function expandTabs(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
      return out;
    })
    .join('\n');
}

function runKubectl(line: string, cwd: string, server: PodsimServer, cluster: Cluster): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `${line} 2>&1`], { cwd, env: { ...process.env, KUBECONFIG: join(cwd, '.kubeconfig'), HOME: cwd } });
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
  for (const [name, content] of Object.entries(s.files ?? {})) writeFileSync(join(dir, name), content);
  const sandbox = createSandbox({ seed, files: s.files });
  // The real kubectl measures describe/events ages against wall time: keep the served cluster in its past.
  const cluster = new Cluster({ seed, startTime: Math.floor(Date.now() / 1000) * 1000 - 24 * 3600_000 });
  cluster.clock.flush();
  const time = new ManualTime(cluster);
  const server = await startServer({ cluster, time });
  writeKubeconfig(join(dir, '.kubeconfig'), server.url);
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
      const sleep = /^sleep (\d+)$/.exec(step);
      if (sleep) {
        sandbox.advance(Number(sleep[1]) * 1000);
        cluster.advance(Number(sleep[1]) * 1000);
        continue;
      }
      const ours = (await sandbox.run(step)).output;
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
