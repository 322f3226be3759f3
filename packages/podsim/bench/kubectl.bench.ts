/**
 * kubectl timings: `kubectl get pods` over 100 pods and `kubectl describe pod` must each take
 * under 5 ms (median wall time in Node) so typing in the sandbox feels instant.
 * Export only: the bench runner adds `kubectlBenchCases()` to its list.
 */
import { ApiServer } from '../src/api/server.js';
import { Clock } from '../src/clock/clock.js';
import { KubectlHost } from '../src/kubectl/testing.js';
import { Random } from '../src/random/random.js';
import type { BenchCase } from './cases.js';

const RUNS = 41;
const LIMIT_MS = 5;

function hostWith100Pods(): KubectlHost {
  const clock = new Clock();
  const api = new ApiServer({ clock, random: new Random(1) });
  for (let i = 0; i < 100; i++) {
    api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${String(i).padStart(3, '0')}`, labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'gcr.io/google-samples/hello-app:1.0', ports: [{ containerPort: 8080 }] }] },
    });
  }
  clock.advance(60_000);
  return new KubectlHost(clock, api);
}

function medianMs(fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function kubectlCase(name: string, args: string[]): BenchCase {
  return {
    name,
    target: `< ${LIMIT_MS} ms median`,
    run() {
      const host = hostWith100Pods();
      let code: number | undefined;
      const ms = medianMs(() => {
        code = host.run(args).code;
      });
      return { value: `${ms.toFixed(2)} ms`, ok: ms < LIMIT_MS && code === 0, detail: `${RUNS} runs, exit ${code}` };
    },
  };
}

export function kubectlBenchCases(): BenchCase[] {
  return [kubectlCase('kubectl get pods (100 pods)', ['get', 'pods']), kubectlCase('kubectl describe pod', ['describe', 'pod', 'web-042'])];
}
