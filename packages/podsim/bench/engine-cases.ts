/** Engine benchmarks: simulation speed with probing pods, and memory per running pod. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Cluster } from '../src/cluster/cluster.js';
import type { BenchCase } from './cases.js';

const HOUR_MS = 3_600_000;

interface Workload {
  image: string;
  port: number;
  /** Probe period in seconds; none when undefined. */
  probePeriod?: number;
}

const HELLO: Workload = { image: 'gcr.io/google-samples/hello-app:1.0', port: 8080 };

function deployment(name: string, replicas: number, w: Workload): unknown {
  const probe = { periodSeconds: w.probePeriod };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: w.image,
              ports: [{ containerPort: w.port }],
              ...(w.probePeriod ? { livenessProbe: { ...probe, tcpSocket: { port: w.port } }, readinessProbe: { ...probe, httpGet: { path: '/', port: w.port } } } : {}),
            },
          ],
        },
      },
    },
  };
}

/** Boots a cluster and runs `replicas` pods until they all report `done`; returns the cluster. */
function runningCluster(replicas: number, workers: number, w: Workload, done: (pod: { status?: { phase?: string; conditions?: { type: string; status: string }[] } }) => boolean): { cluster: Cluster; bootMs: number } {
  const cluster = new Cluster({ seed: 1, workers });
  cluster.advance(10_000);
  const created = cluster.api.create('deployments', 'default', deployment('bench', replicas, w));
  if (!created.ok) throw new Error(`bench deployment: ${created.status.message}`);
  const start = performance.now();
  for (let t = 0; t < 30 * 60_000; t += 5_000) {
    cluster.advance(5_000);
    const pods = cluster.api.list('pods', 'default');
    if (pods.ok && pods.value.items.length === replicas && pods.value.items.every((p) => done(p as never))) break;
  }
  return { cluster, bootMs: performance.now() - start };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const ready = (p: { status?: { conditions?: { type: string; status: string }[] } }) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

const speed: BenchCase = {
  name: 'virtual s per wall s: 100 probed pods, 3 workers, 1 h',
  target: '≥ 10,000×',
  run() {
    const { cluster, bootMs } = runningCluster(100, 3, { ...HELLO, probePeriod: 10 }, ready);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let t = 0; t < HOUR_MS; t += 60_000) cluster.advance(60_000);
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const ratio = HOUR_MS / wallMs;
    // On a shared machine wall time includes waiting for a core; CPU time shows what the engine costs.
    return {
      value: `${fmt(ratio)}×`,
      ok: ratio >= 10_000,
      detail: `1 h in ${fmt(wallMs)} ms wall, ${fmt(cpuMs)} ms CPU (= ${fmt(HOUR_MS / cpuMs)}× per CPU second); rollout of 100 pods took ${fmt(bootMs)} ms wall`,
    };
  },
};

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const heap: BenchCase = {
  name: 'heap used by 1,000 running pods (10 workers)',
  target: '≤ 50 MB',
  run() {
    const gc = collectGarbage();
    gc();
    const before = process.memoryUsage().heapUsed;
    const { cluster, bootMs } = runningCluster(1000, 10, HELLO, (p) => p.status?.phase === 'Running');
    gc();
    const used = process.memoryUsage().heapUsed - before;
    const pods = cluster.api.list('pods', 'default');
    const running = pods.ok ? pods.value.items.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running').length : 0;
    const mb = used / 1024 / 1024;
    return { value: `${fmt(mb, 1)} MB`, ok: mb <= 50 && running === 1000, detail: `${running} pods Running after ${fmt(bootMs)} ms wall` };
  },
};

/** A tab left open for hours: memory must level off once logs and events reach their bounds. */
const longRun: BenchCase = {
  name: '100 nginx pods, HTTP + TCP probes every 5 s, 6 virtual hours',
  target: 'mean heap in hour 6 within 10% of hour 2; ≥ 10,000× per CPU second',
  run() {
    const gc = collectGarbage();
    const { cluster } = runningCluster(100, 3, { image: 'nginx:1.27', port: 80, probePeriod: 5 }, ready);
    const SAMPLE_MS = 10 * 60_000;
    // Logs rotate in a saw-tooth, so one reading per hour would measure its phase: average six.
    const meanHeap: number[] = [];
    let cpuMs = 0;
    const start = performance.now();
    for (let hour = 1; hour <= 6; hour++) {
      let sum = 0;
      for (let s = 0; s < HOUR_MS / SAMPLE_MS; s++) {
        const cpu = process.cpuUsage();
        for (let t = 0; t < SAMPLE_MS; t += 60_000) cluster.advance(60_000);
        const used = process.cpuUsage(cpu);
        cpuMs += (used.user + used.system) / 1000;
        gc();
        sum += process.memoryUsage().heapUsed / 1024 / 1024;
      }
      meanHeap.push(sum / (HOUR_MS / SAMPLE_MS));
    }
    const wallRatio = (6 * HOUR_MS) / (performance.now() - start);
    const cpuRatio = (6 * HOUR_MS) / cpuMs;
    const growth = meanHeap[5]! / meanHeap[1]! - 1;
    return {
      value: `${fmt(growth * 100, 1)}% growth, ${fmt(cpuRatio)}× per CPU s`,
      ok: Math.abs(growth) <= 0.1 && cpuRatio >= 10_000,
      detail: `mean heap by hour: ${meanHeap.map((h) => fmt(h, 1)).join(', ')} MB; ${fmt(wallRatio)}× wall (with GC sampling)`,
    };
  },
};

export const ENGINE_CASES: BenchCase[] = [speed, heap, longRun];
